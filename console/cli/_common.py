"""Helpers shared by the commands, and the one error path every command's failure takes."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from types import ModuleType

from console import store_errors
from console.context import AppContext, open_context
from console.data.db_file import DatabaseDamaged, DatabaseRefused, refuse_unusable
from console.errors import DomainError
from console.files import paths

# What a command may find at --db (a module sets ``DATABASE``; "existing" when it does not):
# "existing": a console database, never created here; "creatable": that, or nothing yet
# (demo creates it); "replaceable": nothing, a console database or a damaged one (restore
# puts a backup there). Never a folder, a PDF, an empty file or another program's database.
DATABASE_POLICIES = ("existing", "creatable", "replaceable")


# What --db names: a room's file, or the clinic's server (a postgresql:// URL, as text).
DbTarget = Path | str


def resolve_db(target: DbTarget | None) -> DbTarget:
    return target if target is not None else paths.default_db_path()


def context_for(target: DbTarget | None) -> AppContext:
    return open_context(resolve_db(target), create=False)


def fail(message: str, code: int = 1) -> int:
    """One line on stderr, in words, and a non-zero status."""
    print(f"error: {' '.join(message.split())}", file=sys.stderr)
    return code


def check_target(target: DbTarget, policy: str) -> None:
    """Refuse (``DatabaseRefused``) a --db the command must not touch; reads only. The
    clinic's server answers for itself when the command connects."""
    if isinstance(target, str):
        return
    path = target
    if policy == "existing":
        refuse_unusable(path, may_create=False)
    elif policy == "creatable":
        refuse_unusable(path, may_create=True)
    else:
        # A damaged file is what a backup is for: restore keeps it beside the restored one.
        with contextlib.suppress(DatabaseDamaged):
            refuse_unusable(path, may_create=True)


def _os_sentence(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"a file could not be read or written{where}: {exc.strerror or exc}."


def run_command(module: ModuleType, args: argparse.Namespace) -> int:
    """Run one command; whatever goes wrong ends as one sentence on stderr and a status."""
    # --room-file holds for this command only (tests run several in one process).
    previous_room_file = paths.choose_room_file(getattr(args, "room_file", None))
    # --files too (migrate's own --files names where the moved files go, not this choice).
    files = None if getattr(module, "NAME", "") == "migrate" else getattr(args, "files", None)
    previous_files = paths.choose_clinic_files(files)
    try:
        if hasattr(args, "db"):
            check_target(resolve_db(args.db), getattr(module, "DATABASE", "existing"))
        code: int = module.run(args)
    except BrokenPipeError:  # `… | head` is fine
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except DatabaseRefused as exc:
        return fail(exc.message, 3)
    except DomainError as exc:
        return fail(exc.message)
    except store_errors.Error as exc:
        return fail(f"the database could not be used: {exc}.", 3)
    except OSError as exc:
        return fail(_os_sentence(exc))
    finally:
        paths.choose_room_file(previous_room_file)
        paths.choose_clinic_files(previous_files)
    return code


__all__ = ["DomainError", "check_target", "context_for", "fail", "resolve_db", "run_command"]
