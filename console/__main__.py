"""``python -m console`` starts the app; ``python -m console <command>`` runs a headless command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from console.cli import command_names

    if argv and argv[0] in command_names():
        from console.cli import main as cli_main

        return cli_main(argv)
    if argv and argv[0] in ("-h", "--help") and len(argv) == 1:
        _print_help()
        return 0
    from console.app import run_app

    return run_app(argv)


def _print_help() -> None:
    from console.cli import command_names

    print("usage: python -m console [--db PATH] [--room-file PATH]   start the treatment-room app")
    print("       python -m console <command> [options]   headless commands:")
    for name in sorted(command_names()):
        print(f"           {name}")
    print("Run `python -m console <command> --help` for a command's options.")


if __name__ == "__main__":
    sys.exit(main())
