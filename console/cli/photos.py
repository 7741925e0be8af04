"""`photos`: list a patient's clinical photos; `photos import` adds one from a script."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from console.cli import add_db_argument
from console.cli._common import context_for, fail, resolve_db
from console.errors import DomainError
from console.model.photos import STAGES, Photo
from console.photos.service import PhotoService

NAME = "photos"
HELP = "list a patient's clinical photos (id, view, visit, taken_at, path, sha256), or import one"


def _common(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--patient", metavar="ID", help="the patient's id")
    parser.add_argument("--json", action="store_true", help="JSON instead of text")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    sub = parser.add_subparsers(dest="action", metavar="import")
    imp = sub.add_parser(
        "import",
        help="store one photo (JPEG, PNG, HEIC): EXIF removed, upright, hashed",
        description="Store one photo for a patient, as the room's import does (photo consent "
        "for the clinical record is required). With --json: the photo's id, path and sha256.",
    )
    _common(imp)
    imp.add_argument("--view", required=True, help="the standard view, e.g. front, oblique_left")
    imp.add_argument("--visit", metavar="ID", help="the visit it belongs to (optional)")
    imp.add_argument(
        "--stage",
        choices=STAGES,
        help="before / after / follow_up (default: before in an open visit, else follow_up)",
    )
    imp.add_argument("file", type=Path, metavar="FILE", help="the picture to import")


def _row(ctx_dir: Path, p: Photo) -> dict[str, Any]:
    return {
        "id": p.id,
        "view": p.view_id,
        "stage": p.stage,
        "visit": p.visit_id,
        "taken_at": p.taken_at.isoformat(),
        "path": str(ctx_dir / p.path) if p.path else "",
        "sha256": p.sha256,
    }


def run(args: argparse.Namespace) -> int:
    if not args.patient:
        return fail("say whose photos: --patient ID")
    path = resolve_db(args.db)
    if isinstance(path, Path) and not path.exists():
        return fail(f"no database at {path}")
    ctx = context_for(args.db)
    service = PhotoService(ctx)
    if not service.patient_exists(args.patient):
        return fail(f"no patient with id {args.patient}")
    if args.action == "import":
        return _import(args, service)
    rows = [_row(ctx.data_dir, p) for p in service.for_patient(args.patient)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            print(f"{r['taken_at'][:16]}  {r['view']:<14} {r['stage']:<9} {r['id']}  {r['path']}")
        print(f"{len(rows)} photos")
    return 0


def _import(args: argparse.Namespace, service: PhotoService) -> int:
    try:
        raw = Path(args.file).read_bytes()
    except OSError as exc:
        return fail(f"cannot read {args.file}: {exc.strerror or exc}")
    stage = args.stage or ("before" if args.visit else "follow_up")
    try:
        done = service.import_photo(
            args.patient, args.view, raw, visit_id=args.visit, stage=stage, source="cli"
        )
    except DomainError as exc:
        return fail(exc.message)
    if args.json:
        print(
            json.dumps({"id": done.photo.id, "path": str(done.path), "sha256": done.photo.sha256})
        )
    else:
        print(f"photo {done.photo.id} ({done.photo.view_id}, {stage}) → {done.path}")
    return 0
