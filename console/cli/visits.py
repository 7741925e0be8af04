"""`visits`: list visits, all or one patient's, as text or JSON (areas and their passes)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from console.cli import add_db_argument
from console.cli._common import fail, resolve_db
from console.data import consents_repo, patients_repo
from console.data.db import open_store
from console.records.listing import visits_as_dicts

NAME = "visits"
HELP = "list visits (one patient's with --patient) with areas, depths and passes"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--patient", metavar="ID", help="only this patient's visits")
    parser.add_argument("--limit", type=int, default=0, help="at most this many, newest first")
    parser.add_argument(
        "--json",
        action="store_true",
        help="a JSON list: id, patient_id, patient_name, started_at, ended_at, status, areas "
        "(zone, zone_name, depth_mm, passes: number, started_at, ended_at, duration_s, "
        "depth_mm, direction), consent (template, library_version, material_version, "
        "signed_at, sha256, pdf_sha256, how)",
    )


def _text(v: dict[str, Any]) -> str:
    areas = ", ".join(f"{a['zone']} {a['depth_mm']:.2f} mm ×{len(a['passes'])}" for a in v["areas"])
    return f"{v['started_at'][:16]}  {v['status']:<9}  {v['patient_name']}  {v['id']}  {areas}"


def run(args: argparse.Namespace) -> int:
    db = open_store(resolve_db(args.db), create=False)
    visits = visits_as_dicts(db, patient_id=args.patient, limit=args.limit or None)
    if args.patient and not visits and not patients_repo.exists(db, args.patient):
        return fail(f"no patient with id {args.patient}")
    # The consent that covered each visit (template, version, signed_at, sha256), or null.
    covered = consents_repo.consents_by_visit(db, [str(v["id"]) for v in visits])
    for v in visits:
        v["consent"] = covered.get(str(v["id"]))
    if args.json:
        print(json.dumps(visits, ensure_ascii=False, indent=1))
    else:
        for v in visits:
            print(_text(v))
        print(f"{len(visits)} visits")
    return 0
