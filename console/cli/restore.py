"""`restore`: put a backup in place of the database, keeping the file it replaces."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.cli import add_db_argument
from console.cli._common import fail, resolve_db
from console.clock import SystemClock
from console.data.server_url import redacted
from console.errors import DomainError
from console.files import logs, paths
from console.files.backup import newest_good_backup, replaced_name, restore
from console.files.server_backup import newest_dump, reachable, restore_server

NAME = "restore"
HELP = "replace the database with a backup (asks first; the replaced file is kept)"
DATABASE = "replaceable"  # nothing yet, a console database, or a damaged one: never another file


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "backup",
        help="backup file, or `newest` for the newest sound one in backups/ beside the database",
    )
    add_db_argument(parser)
    parser.add_argument("--yes", action="store_true", help="replace without asking")


def _confirm(question: str) -> bool:
    print(question + " [y/N] ", end="", flush=True)
    answer = sys.stdin.readline().strip().lower()
    return answer in ("y", "yes")


def run(args: argparse.Namespace) -> int:
    db_path = resolve_db(args.db)
    if isinstance(db_path, str):
        return _restore_server(db_path, args.backup, confirmed=bool(args.yes))
    logs.configure(db_path.resolve().parent)
    if args.backup == "newest":
        found = newest_good_backup(db_path.resolve().parent / "backups")
        if found is None:
            return fail(f"no sound backup in {db_path.resolve().parent / 'backups'}")
        backup = found
    else:
        backup = Path(args.backup)
        if not backup.is_file():
            return fail(f"no backup file at {backup}")
    now = SystemClock().now()
    confirmed = bool(args.yes)
    if db_path.exists() and not confirmed:
        if not sys.stdin.isatty():
            return fail(
                f"{db_path} exists and stdin is not a terminal: refusing to replace it "
                "without --yes"
            )
        kept = replaced_name(db_path, now).name
        confirmed = _confirm(
            f"Replace {db_path} with {backup.name}? The current file is kept as {kept}."
        )
        if not confirmed:
            print("Nothing changed.")
            return 1
    try:
        result = restore(backup, db_path, confirmed=confirmed, at=now)
    except DomainError as exc:
        return fail(exc.message, 3)
    print(f"restored: {db_path} from {backup}")
    if result.replaced is not None:
        print(f"kept:     {result.replaced}")
    if result.erased_again:
        print(f"erased again: {len(result.erased_again)} patient(s) erased after the backup")
    return 0


def _restore_server(url: str, name: str, *, confirmed: bool) -> int:
    reachable(url)
    folder = paths.default_data_dir() / "backups"
    if name == "newest":
        found = newest_dump(folder)
        if found is None:
            return fail(f"no server backup (console-*.dump) in {folder}")
        backup = found
    else:
        backup = Path(name)
        if not backup.is_file():
            return fail(f"no backup file at {backup}")
    server = redacted(url)
    if not confirmed:
        if not sys.stdin.isatty():
            return fail(
                f"stdin is not a terminal: refusing to replace the data on {server} without --yes"
            )
        if not _confirm(
            f"Replace every record on {server} with {backup.name}? What the rooms saved since "
            "that backup is lost."
        ):
            print("Nothing changed.")
            return 1
    try:
        chain = restore_server(url, backup, at=SystemClock().now())
    except DomainError as exc:
        return fail(exc.message, 3)
    print(f"restored: {server} from {backup}")
    if not chain.ok:
        return fail(f"restored, but {chain.sentence()}", 4)
    print(chain.sentence())
    return 0
