"""When the database is checked at start, so that the first screen does not wait for it.

SQLite's checks read the whole file: on a clinic with years of records that is seconds. So
before the window only what is cheap or cannot wait is checked (the file opens and its schema
reads; the full check when the last session was cut short; a check before a schema upgrade
writes); the rest runs on a worker once the window is up, before anything can be written.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from console.data.db import ConsoleDatabase, integrity_check
from console.data.db_file import DatabaseDamaged, DatabaseRefused, refuse_unusable
from console.data.schema_probe import probe
from console.files.backup import check_file

OK = ["ok"]


def refusal(db_path: Path) -> DatabaseRefused | None:
    """Why ``db_path`` cannot be the console's database (a folder, a PDF, another program's
    SQLite file, a newer console's), or None. A damaged console file is not refused here:
    the check before use offers its backup."""
    try:
        if refuse_unusable(db_path, may_create=True):
            # Nothing there yet: the folder the app will create it in must be makeable.
            try:
                db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as exc:
                return DatabaseRefused(
                    f"A database cannot be created at {db_path} ({exc.strerror or exc})."
                )
    except DatabaseDamaged:
        return None
    except DatabaseRefused as refused:
        return refused
    return None


class SessionMarker:
    """A file beside the database while a console session is running, removed when it ends
    cleanly: found at the next start, it says the last session was killed or lost power."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".running")

    def left_behind(self) -> bool:
        return self.path.exists()

    def create(self) -> None:
        fd = os.open(self.path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        try:
            os.write(fd, f"{os.getpid()}\n".encode())
            os.fsync(fd)  # on disk before any write it is meant to vouch for
        finally:
            os.close(fd)

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def before_use(db_path: Path, marker: SessionMarker) -> list[str]:
    """The checks that must come before the window; ``["ok"]`` or the problems found.

    A new (missing or empty) file needs none. After a session that did not end cleanly, the
    full integrity check. Before a schema upgrade (its migrations write), the quick check.
    Otherwise only that the file opens and its schema reads: the quick check follows on a
    worker (``WorkerCheck``), nothing is written until it has passed, then the full one.
    """
    if not db_path.exists() or db_path.stat().st_size == 0:
        return OK
    if marker.left_behind():
        return check_file(db_path, quick=False, require_console=False)
    problems, upgrade_pending = probe(db_path)
    if problems != OK:
        return problems
    if upgrade_pending:
        return check_file(db_path, quick=True, require_console=False)
    return OK


class WorkerCheck:
    """The checks run on a worker once the window is up, on a connection of their own that
    only reads: the quick one first (nothing may write before it passes), then the full one.
    ``interrupt`` (from any thread) stops a check still running when the console closes."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._interrupted = False

    def run(self, *, quick: bool) -> list[str] | None:
        """``["ok"]``, the problems found, or None when interrupted before it finished."""
        if not self.db_path.exists() or self.db_path.stat().st_size == 0:
            return OK
        try:
            conn = sqlite3.connect(str(self.db_path), timeout=5, check_same_thread=False)
        except sqlite3.DatabaseError as exc:
            return [str(exc)]
        with self._lock:
            if self._interrupted:
                conn.close()
                return None
            self._conn = conn
        try:
            return integrity_check(ConsoleDatabase(conn, execute_plugins=False), quick=quick)
        except sqlite3.DatabaseError as exc:
            return None if self._interrupted else [str(exc)]
        finally:
            with self._lock:
                self._conn = None
            conn.close()

    def interrupt(self) -> None:
        with self._lock:
            self._interrupted = True
            if self._conn is not None:
                self._conn.interrupt()
