"""Opening the console's SQLite file safely: modes, pragmas, migrations."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from console.data.db_file import DatabaseRefused, refuse_unusable
from console.data.migrations import MIGRATIONS
from console.data.server_url import is_server_url
from console.data.store import SQLITE, Db, is_server

# A locked database is waited for this long before giving up; the UI never holds a write
# transaction for more than a few milliseconds, so 5 s only matters for a backup in progress.
BUSY_TIMEOUT_MS = 5000


class ConsoleDatabase(Database):  # the room's file: a ``console.data.store.Db``
    """A sqlite-utils ``Database`` whose write transactions take the write lock when they begin.

    sqlite-utils begins ``atomic()`` (and so every ``insert``, ``upsert``, migration …) with a
    deferred ``BEGIN``: a transaction that reads first (``stop_pass`` reads ``MAX(number)``)
    then fails at once with "database is locked" if another connection committed in between,
    because SQLite cannot upgrade a stale read snapshot, and the busy timeout never applies.
    ``BEGIN IMMEDIATE`` waits (up to the busy timeout) for the lock instead. Nested blocks
    stay savepoints, as in sqlite-utils.
    """

    engine = SQLITE

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            with super().atomic() as db:  # a savepoint inside the caller's transaction
                yield db
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    def begin(self) -> None:
        self.execute("BEGIN IMMEDIATE")

    def executemany(self, sql: str, rows: Iterable[Any]) -> None:
        self.conn.executemany(sql, rows)


def _immediate(conn: sqlite3.Connection) -> sqlite3.Connection:
    # The driver's own implicit transactions (a bare INSERT through conn.execute) start
    # immediate too, so no write path is left deferred.
    conn.isolation_level = "IMMEDIATE"
    return conn


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
) -> ConsoleDatabase:
    """Open the database at ``path`` (``None``: in memory), creating it when nothing is there
    and ``create``; anything else that is not a usable console database raises
    ``DatabaseRefused`` and is left untouched."""
    # execute_plugins=False: the console uses no sqlite-utils plugins, and looking for them
    # scans every installed package (about 8 ms of start-up).
    if path is None:
        db = ConsoleDatabase(memory=True, execute_plugins=False)
        _immediate(db.conn)
    else:
        p = Path(path)
        if refuse_unusable(p, may_create=create):
            _prepare_file(p)
        conn = sqlite3.connect(str(p), timeout=BUSY_TIMEOUT_MS / 1000)
        db = ConsoleDatabase(_immediate(conn), execute_plugins=False)
    configure(db)
    if migrate:
        MIGRATIONS.apply(db)
    return db


def open_store(target: Path | str | None, *, migrate: bool = True, create: bool = True) -> Db:
    """The room's file at a path, or the clinic's server at a ``postgresql://`` URL."""
    if is_server_url(target):
        # Imported here: a room on its own file never loads the server's driver.
        from console.data.pg_open import open_server

        return open_server(str(target), migrate=migrate)
    return open_database(target, migrate=migrate, create=create)


def schema_version(db: Db) -> str | None:
    """Name of the last applied migration, e.g. ``0001_initial``."""
    if is_server(db):
        from console.data.migrations.postgres import applied_postgres

        names = applied_postgres(db)
        return names[-1] if names else None
    assert isinstance(db, Database)
    applied = MIGRATIONS.applied(db)
    return applied[-1].name if applied else None


def integrity_check(db: Db, *, quick: bool = False) -> list[str]:
    """Run SQLite's integrity (or quick) check; ``["ok"]`` when the file is sound.

    The clinic's server checks its own pages (checksums, WAL): asking it a question is the
    check the console can make, and an error here is the server's own sentence.
    """
    if is_server(db):
        db.execute("SELECT 1").fetchone()
        return ["ok"]
    pragma = "quick_check" if quick else "integrity_check"
    return [row[0] for row in db.execute(f"PRAGMA {pragma}").fetchall()]
