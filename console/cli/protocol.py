"""`protocol`: export the protocol library to a file, or import one (validated whole)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console import store_errors
from console.cli import add_db_argument
from console.cli._common import context_for, fail
from console.protocol.edit import export_file, import_file
from console.visit.storage import explain

NAME = "protocol"
HELP = "export the protocol library to a JSON file, or import one from another room"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    exp = sub.add_parser("export", help="write the current library to a JSON file")
    add_db_argument(exp)
    exp.add_argument("--out", type=Path, required=True, help="file to write (.json)")
    imp = sub.add_parser("import", help="check a library file and store it as a new version")
    imp.add_argument("file", type=Path, help="a file written by `protocol export`")
    add_db_argument(imp)


def run(args: argparse.Namespace) -> int:
    if args.action == "export":
        ctx = context_for(args.db)
        try:
            version = export_file(ctx, args.out)
        except OSError as exc:
            return fail(f"could not write {args.out} ({exc.strerror or exc})")
        finally:
            ctx.db.close()
        print(f"exported protocol version {version} to {args.out}")
        return 0
    ctx = context_for(args.db)
    try:
        # Whoever can run this can write the database file anyway: no admin check here.
        report = import_file(ctx, args.file, check_role=False)
    except store_errors.OperationalError as exc:  # full disk, read-only file: nothing was saved
        return fail(explain(exc))
    finally:
        ctx.db.close()
    stream = sys.stdout if report.ok else sys.stderr
    for line in report.lines():
        print(line, file=stream)
    return 0 if report.ok else 4
