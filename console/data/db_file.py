"""What a file must be before the console opens it as its database, checked by reading only.

A folder, an empty file, a PDF, another program's SQLite file, a file cut short or one written
by a newer console is refused with one sentence, and left exactly as it was (content, mode,
time). ``db.open_database`` and the command line's ``--db`` check both go through here.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from console.data.migrations import MIGRATIONS
from console.errors import DomainError

# The first 16 bytes of every SQLite 3 file (https://sqlite.org/fileformat.html, 1.3).
_SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseRefused(DomainError):
    """The file given as the database cannot be used; it was left exactly as it was."""


class DatabaseDamaged(DatabaseRefused):
    """An SQLite file that does not read back whole (cut short, overwritten in part).

    Apart from other refusals because a backup may replace it (restore, the start-up offer).
    """


def _refuse_unusable_place(path: Path, *, may_create: bool) -> bool:
    """Refuse what is not a file we may use; True when there is nothing at ``path`` yet."""
    if path.is_dir():
        raise DatabaseRefused(f"{path} is a folder: give the path of the database file in it.")
    if not path.exists():
        if not may_create:
            raise DatabaseRefused(f"There is no database at {path}.")
        return True
    if not path.is_file():
        raise DatabaseRefused(f"{path} is not a regular file, so it cannot be a database.")
    # SQLite writes its -wal and -shm files beside the database even to read it: the file
    # and its folder must both be writable, or the first query fails halfway.
    if not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseRefused(f"{path} is read-only for you: the console cannot use it.")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseRefused(
            f"The folder {path.parent} is read-only for you: SQLite cannot write its journal "
            "beside the database."
        )
    return False


def _refuse_foreign_or_cut_file(path: Path) -> None:
    """Refuse a file that is not SQLite at all, or whose header promises more than it holds."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except OSError as exc:
        raise DatabaseRefused(f"{path} cannot be read ({exc.strerror or exc}).") from exc
    if not header:
        raise DatabaseRefused(
            f"{path} is an empty file, not a console database; nothing was changed "
            "(remove it, or choose another path, to start a new database there)."
        )
    if not header.startswith(_SQLITE_MAGIC):
        raise DatabaseRefused(
            f"{path} is not a readable console database (it is not an SQLite file); "
            "nothing was changed."
        )
    if len(header) < 100:
        raise DatabaseDamaged(f"{path} is damaged: it ends inside SQLite's file header.")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count in the header is only valid when the two change counters agree
    # (older writers did not keep it); a file shorter than that count was cut short. Not
    # while a -wal file waits beside it: a checkpoint cut off by a crash leaves the file short
    # until SQLite replays the WAL, and that is no damage.
    wal = path.with_name(path.name + "-wal")
    replay_pending = wal.exists() and wal.stat().st_size > 0
    if header[24:28] == header[92:96] and pages and size < pages * page_size and not replay_pending:
        raise DatabaseDamaged(
            f"{path} is damaged: it is shorter than its own header says (cut short while "
            "being copied?)."
        )


def _refuse_schema_not_ours(path: Path) -> None:
    """Refuse a sound SQLite file that the console did not make, or that a newer one made."""
    try:
        # Read-only: a file that turns out not to be ours must not change, not even its mode.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise DatabaseRefused(f"{path} cannot be opened ({exc}).") from exc
    try:
        applied = applied_steps(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(f"{path} is damaged: SQLite cannot read it ({exc}).") from exc
    finally:
        conn.close()
    if not applied:
        raise DatabaseRefused(
            f"{path} is an SQLite database, but not one of the console's; nothing was changed."
        )
    unknown = newer_migrations(applied)
    if unknown:
        raise DatabaseRefused(
            f"{path} was made by a newer version of the console (schema step {unknown[0]}): "
            "update this console to open it; nothing was changed."
        )


def applied_steps(conn: sqlite3.Connection) -> list[str]:
    """The console's schema steps recorded in an open file; [] when it has none."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if MIGRATIONS.migrations_table not in tables:
        return []
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS.migrations_table} WHERE migration_set = ?",
        [MIGRATIONS.name],
    )
    return [str(r[0]) for r in rows]


def newer_migrations(applied: list[str]) -> list[str]:
    """Applied schema steps this version does not know: a newer console wrote the file."""
    known = {m.name for m in MIGRATIONS._migrations}
    return [name for name in applied if name not in known]


def refuse_unusable(path: Path, *, may_create: bool) -> bool:
    """Raise ``DatabaseRefused`` with one sentence unless ``path`` is a console database we
    can use, or (``may_create``) there is nothing there yet: then True. Reads only."""
    if _refuse_unusable_place(path, may_create=may_create):
        return True
    _refuse_foreign_or_cut_file(path)
    _refuse_schema_not_ours(path)
    return False
