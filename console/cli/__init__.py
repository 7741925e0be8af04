"""Headless commands: ``python -m console <command> …``.

Each module in this package is one command: it defines ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``. Modules are found by name, so adding a
command is adding a file. A module may set ``DATABASE`` (see ``_common.DATABASE_POLICIES``);
``--db`` is checked against it, and every failure is reported, in ``_common.run_command``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

from console.data.server_url import db_target

FILES_HELP = (
    "with a server --db: the clinic's shared folder for sheets, consents and photos; default: "
    "$TREATMENT_CONSOLE_FILES, else your user data folder"
)
ROOM_FILE_HELP = (
    "this PC's room settings (printer, keys, room name); default: $TREATMENT_CONSOLE_ROOM_FILE, "
    "else room.json in your user config folder"
)


def commands() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[module.NAME] = module
    return found


def command_names() -> set[str]:
    # Cheap: file names only, so starting the GUI does not import every command.
    return {info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_")}


def add_db_argument(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument(
        "--db",
        type=db_target,
        required=required,
        help="database file (default: the console's file in your user data folder), or the "
        "clinic's server: postgresql://USER@HOST/DATABASE (password from ~/.pgpass or PGPASSWORD)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m console", description="Treatment Room Console, headless commands."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, module in sorted(commands().items()):
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.add_argument("--room-file", type=Path, help=ROOM_FILE_HELP)
        if not any(a.dest == "files" for a in p._actions):  # migrate has its own --files
            p.add_argument("--files", type=Path, help=FILES_HELP)
        p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    from console.cli._common import run_command

    args = build_parser().parse_args(argv)
    return run_command(args._module, args)
