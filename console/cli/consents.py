"""`consents`: one patient's signed consents with their state, as text or JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from console.cli import add_db_argument
from console.cli._common import context_for, fail, resolve_db
from console.consent.service import ConsentService
from console.errors import DomainError

NAME = "consents"
HELP = "list a patient's signed consents (template, version, signed, state, PDF hash)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--patient", metavar="ID", required=True, help="the patient's id")
    parser.add_argument(
        "--json",
        action="store_true",
        help="a JSON list: id, template, title, library_version, material_version, language, "
        "signed_at, signer_name, witness_name, room, state, text_sha256, pdf, pdf_sha256, "
        "withdrawn_at, withdrawn_reason, choices",
    )


def run(args: argparse.Namespace) -> int:
    path = resolve_db(args.db)
    if isinstance(path, Path) and not path.exists():
        return fail(f"no database at {path}")
    ctx = context_for(args.db)
    service = ConsentService(ctx)
    try:
        listing = service.for_patient(args.patient)
    except DomainError as exc:
        return fail(exc.message)
    if not listing and not service.patient_exists(args.patient):
        return fail(f"no patient with id {args.patient}")
    rows: list[dict[str, Any]] = [
        {
            "id": item.consent.id,
            "template": item.consent.template_id,
            "title": item.title,
            "library_version": item.consent.library_version,
            "material_version": item.consent.material_version,
            "language": item.consent.language,
            "signed_at": item.consent.signed_at.isoformat(),
            "signer_name": item.consent.signer_name,
            "witness_name": item.consent.witness_name,
            "room": item.consent.room,
            "state": item.state,
            "text_sha256": item.consent.text_sha256,
            "pdf": str(ctx.data_dir / item.consent.pdf_path) if item.consent.pdf_path else "",
            "pdf_sha256": item.consent.pdf_sha256,
            "withdrawn_at": (
                item.consent.withdrawn_at.isoformat() if item.consent.withdrawn_at else None
            ),
            "withdrawn_reason": item.consent.withdrawn_reason,
            "choices": item.consent.choices,
        }
        for item in listing
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            print(
                f"{r['signed_at'][:16]}  {r['template']:<14} v{r['material_version']}  "
                f"{r['state']:<28} {r['id']}"
            )
        print(f"{len(rows)} consents")
    return 0
