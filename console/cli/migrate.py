"""`migrate`: move a room's file (rows, files, audit trail) onto the clinic's server."""

from __future__ import annotations

import argparse
from pathlib import Path

from console.cli._common import fail
from console.clinic.move import MoveSummary, move_file
from console.clock import SystemClock
from console.context import AppContext
from console.data.db import open_store
from console.data.server_url import is_server_url, redacted
from console.files import paths

NAME = "migrate"
HELP = "move a room's database file onto the clinic's PostgreSQL server (rows, files, audit)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="source", type=Path, required=True, help="the room's file")
    parser.add_argument(
        "--to",
        dest="target",
        required=True,
        help="the clinic's server: postgresql://USER@HOST/DATABASE (password from ~/.pgpass "
        "or PGPASSWORD)",
    )
    parser.add_argument(
        "--files",
        type=Path,
        default=None,
        help="the clinic's data folder for sheets, consents and photos "
        "(default: this PC's data folder)",
    )


def run(args: argparse.Namespace) -> int:
    if not is_server_url(args.target):
        return fail("--to must be the clinic's server, a postgresql:// URL", 2)
    if is_server_url(str(args.source)):
        return fail("--from must be a room's database file, not a server", 2)
    files: Path = args.files if args.files is not None else paths.default_data_dir()
    server = open_store(args.target)  # refuses a password in the URL, an unreachable server
    ctx = AppContext(
        db=server, db_path=None, clock=SystemClock(), data_dir=files, server=redacted(args.target)
    )
    try:
        summary = move_file(ctx, args.source)
    finally:
        ctx.close()
    print("\n".join(summary_lines(summary)))
    return 0


def summary_lines(s: MoveSummary) -> list[str]:
    if s.already_moved:
        return [s.already_moved]
    lines = [f"moved:  {s.source}", f"onto:   {s.server}", "rows (moved, already on the server):"]
    cells = [
        f"{table} {n}" + (f" (+{s.kept[table]} kept)" if s.kept.get(table) else "")
        for table, n in s.moved.items()
        if n or s.kept.get(table)
    ]
    for start in range(0, len(cells), 4):
        lines.append("  " + ", ".join(cells[start : start + 4]))
    there = f", {s.files_already_there} already there" if s.files_already_there else ""
    lines.append(f"files:  {s.files} into {s.files_dir} (sha256 checked{there})")
    if s.audit_last:
        lines.append(
            f"audit:  the file's trail is rows {s.audit_first}-{s.audit_last} here; hash chain "
            f"intact ({s.chain_rows} rows); the file's own chain recomputes from them"
        )
    for line in s.renumbered:
        lines.append(f"renumbered: {line}")
    for line in s.renamed:
        lines.append(f"renamed: {line}")
    for line in s.settings_kept:
        lines.append(f"setting kept as on the server: {line}")
    if s.namesakes:
        lines.append(f"namesakes to review ({len(s.namesakes)}; both kept, never merged):")
        for n in s.namesakes[:10]:
            lines.append(f"  {n.name}, born {n.born}: {n.in_file} (file), {n.on_server} (server)")
        if len(s.namesakes) > 10:
            lines.append(f"  … and {len(s.namesakes) - 10} more (see the clinic.move audit row)")
    return lines
