"""Opening the console's SQLite file safely: modes, pragmas, migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from console.data.migrations import MIGRATIONS
from console.errors import DomainError

# A locked database is waited for this long before giving up; the UI never holds a write
# transaction for more than a few milliseconds, so 5 s only matters for a backup in progress.
BUSY_TIMEOUT_MS = 5000


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
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied: list[str] = []
        if MIGRATIONS.migrations_table in tables:
            applied = [
                str(r[0])
                for r in conn.execute(
                    f"SELECT name FROM {MIGRATIONS.migrations_table} WHERE migration_set = ?",
                    [MIGRATIONS.name],
                )
            ]
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


def _prepare_file(path: Path) -> None:
    """Create the folder 0700 and the file 0600 before SQLite touches them.

    SQLite gives the -wal and -shm files the mode of the main file, so getting the main file
    right keeps the whole store private to the user. Only what is created here gets a mode:
    an existing file or folder is the user's, and keeps theirs.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
    except OSError as exc:
        raise DatabaseRefused(
            f"A database cannot be created at {path} ({exc.strerror or exc})."
        ) from exc


def configure(db: Database) -> Database:
    """Apply the pragmas every connection needs (also used for in-memory test databases)."""
    conn = db.conn
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    if not db.memory:
        db.enable_wal()
    # FULL: a pass whose stop returned is on disk even if the PC loses power the next moment.
    conn.execute("PRAGMA synchronous=FULL")
    return db


def open_database(
    path: Path | str | None, *, migrate: bool = True, create: bool = True
) -> Database:
    """Open the database at ``path`` (``None``: in memory), creating it when nothing is there
    and ``create``; anything else that is not a usable console database raises
    ``DatabaseRefused`` and is left untouched."""
    # execute_plugins=False: the console uses no sqlite-utils plugins, and looking for them
    # scans every installed package (about 8 ms of start-up).
    if path is None:
        db = Database(memory=True, execute_plugins=False)
    else:
        p = Path(path)
        if refuse_unusable(p, may_create=create):
            _prepare_file(p)
        conn = sqlite3.connect(str(p), timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn, execute_plugins=False)
    configure(db)
    if migrate:
        MIGRATIONS.apply(db)
    return db


def schema_version(db: Database) -> str | None:
    """Name of the last applied migration, e.g. ``0001_initial``."""
    applied = MIGRATIONS.applied(db)
    return applied[-1].name if applied else None


def integrity_check(db: Database, *, quick: bool = False) -> list[str]:
    """Run SQLite's integrity (or quick) check; ``["ok"]`` when the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    return [row[0] for row in db.execute(f"PRAGMA {pragma}").fetchall()]
