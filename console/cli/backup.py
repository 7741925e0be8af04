"""`backup`: a verified copy of the database, into its backups folder or another one."""

from __future__ import annotations

import argparse
from pathlib import Path

from console.cli import add_db_argument
from console.cli._common import fail, resolve_db
from console.clock import FixedClock, SystemClock
from console.context import AppContext
from console.data.db import open_database, open_store
from console.data.server_url import redacted
from console.files import logs, paths
from console.files.backup import BackupFailed, backup_database
from console.files.server_backup import backup_server

NAME = "backup"
HELP = (
    "copy the database with SQLite's backup API, check the copy, keep the newest 14 "
    "(the clinic's server: a pg_dump archive, checked with pg_restore --list)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument(
        "--to",
        type=Path,
        help="folder for the copy (default: backups/ beside the database; for the clinic's "
        "server, backups/ in this PC's data folder)",
    )


def run(args: argparse.Namespace) -> int:
    path = resolve_db(args.db)
    if isinstance(path, str):
        return _backup_server(path, args.to)
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


def _backup_server(url: str, to: Path | None) -> int:
    folder = to if to is not None else paths.default_data_dir() / "backups"
    ctx = AppContext(db=open_store(url), db_path=None, server=redacted(url))
    try:
        made = backup_server(ctx, url, folder)
    except BackupFailed as exc:
        return fail(exc.message, 3)
    finally:
        ctx.close()
    print(f"backup: {made.path}")
    print(f"size:   {made.size} bytes")
    print("archive: readable by pg_restore, audit trail included")
    return 0
