"""Start the GUI: arguments, the no-display check, then hand over to ``console.ui``.

Kept free of Qt so the check runs before Qt can abort the process without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from console.data.server_url import db_target


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m console",
        description="Treatment Room Console. Headless commands: python -m console --help",
    )
    parser.add_argument(
        "--db",
        type=db_target,
        help="database file (default: your user data folder), or the clinic's server: "
        "postgresql://USER@HOST/DATABASE",
    )
    parser.add_argument(
        "--room-file",
        type=Path,
        help="this PC's room settings (default: $TREATMENT_CONSOLE_ROOM_FILE, else room.json "
        "in your user config folder); two rooms on one machine need two",
    )
    parser.add_argument(
        "--files",
        type=Path,
        help="with a server --db: the clinic's shared folder for sheets, consents and photos",
    )
    # The bundle's self-check (tests/e2e/test_bundle.py): the Plan map drawn to a PNG.
    parser.add_argument("--render-map", type=Path, metavar="PNG", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def display_problem() -> str | None:
    """A sentence saying why no window can open, or None when one can."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform or not sys.platform.startswith("linux"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the console "
        "cannot open its window. Start it from the desktop session, or for a virtual screen: "
        "xvfb-run python -m console"
    )


def run_app(argv: list[str]) -> int:
    args = parse_args(argv)
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    # Files the console creates (handouts, backups, exports) are the user's alone.
    os.umask(0o077)
    if args.room_file is not None or args.files is not None:
        from console.files.paths import choose_clinic_files, choose_room_file

        choose_room_file(args.room_file)
        choose_clinic_files(args.files)
    if args.render_map is not None:
        from console.ui.shell.map_check import render_map

        return render_map(args.render_map)
    from console.ui.shell.app import run

    return run(args.db)
