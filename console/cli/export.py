"""`export`: one patient's record as a zip (JSON + CSV + archived sheets) for an access request."""

from __future__ import annotations

import argparse
from pathlib import Path

from console.cli import add_db_argument
from console.cli._common import context_for, fail
from console.errors import DomainError
from console.records.export import export_patient

NAME = "export"
HELP = "export one patient's record (JSON, CSV and archived sheets) as a zip"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--patient", metavar="ID", required=True, help="the patient's id")
    parser.add_argument("--out", type=Path, required=True, help="the zip file to write")


def run(args: argparse.Namespace) -> int:
    ctx = context_for(args.db)
    try:
        result = export_patient(ctx, args.patient, args.out)
    except DomainError as exc:
        return fail(exc.message)
    except OSError as exc:
        return fail(f"could not write {args.out}: {exc.strerror or exc}")
    missing = f", {len(result.missing_sheets)} sheet files missing" if result.missing_sheets else ""
    print(f"export: {result.visits} visits, {result.sheets} sheets → {result.path}{missing}")
    return 0
