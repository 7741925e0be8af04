"""`backup`: a verified copy of the database, into its backups folder or another one."""

from __future__ import annotations

import argparse
from pathlib import Path

from console.cli import add_db_argument
from console.cli._common import fail, resolve_db
from console.clock import FixedClock, SystemClock
from console.context import AppContext
from console.data.db import open_database
from console.files import logs
from console.files.backup import BackupFailed, backup_database

NAME = "backup"
HELP = "copy the database with SQLite's backup API, check the copy, keep the newest 14"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument(
        "--to", type=Path, help="folder for the copy (default: backups/ beside the database)"
    )


def run(args: argparse.Namespace) -> int:
    path = resolve_db(args.db)
    if isinstance(path, str):
        return fail("backing up the clinic's server is not built yet", 2)
    if not path.is_file():
        return fail(f"no database at {path}")
    folder: Path = args.to if args.to is not None else path.resolve().parent / "backups"
    logs.configure(path.resolve().parent)
    now = SystemClock().now()
    try:
        copy = backup_database(path, folder, at=now)
    except BackupFailed as exc:
        return fail(exc.message, 3)
    except OSError as exc:
        return fail(f"could not write to {folder}: {exc.strerror or exc}", 3)
    # Nobody signs in on the command line: the row says by whom as None, at the copy's time.
    ctx = AppContext(
        db=open_database(path, migrate=False),  # the audit table exists since 0001
        db_path=path,
        clock=FixedClock(now),
    )
    try:
        ctx.audit(
            "backup.create",
            entity="database",
            detail={"file": copy.name, "reason": "command line", "folder": str(folder)},
        )
    finally:
        ctx.close()
    print(f"backup: {copy}")
    print(f"size:   {copy.stat().st_size} bytes")
    print("integrity: ok")
    return 0
