"""A console database file as a whole: its integrity check, a checked copy, one self-contained file.

What backup and restore do to files through SQLite itself; the policy (names, rotation, when
to back up) stays in ``console/files/backup.py``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from console.data.db_file import applied_steps, newer_migrations
from console.data.store import Db


def check(path: Path, *, quick: bool = False, require_console: bool = True) -> list[str]:
    """SQLite's integrity (or quick) check of the file at ``path``; ``["ok"]`` when sound.

    With ``require_console``, a sound file that is not a console database, or one made by a
    newer console, is a problem too. Never raises for a damaged file: the problem comes back
    as the list's text.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        conn = sqlite3.connect(str(path), timeout=5)
        try:
            result = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
            if (
                result == ["ok"]
                and require_console
                and not conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'"
                ).fetchone()
            ):
                return ["not a console database (no audit_log table)"]
            if (
                result == ["ok"]
                and require_console
                and (newer := newer_migrations(applied_steps(conn)))
            ):
                return [f"made by a newer version of the console (schema step {newer[0]})"]
            return result
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def copy_checked(source: sqlite3.Connection, target_path: Path) -> list[str]:
    """Copy ``source`` into the (existing, empty) file at ``target_path`` as one consistent
    snapshot, made a plain file with no -wal/-shm companions; returns its integrity check."""
    target = sqlite3.connect(str(target_path))
    try:
        # One step (pages=-1): a consistent snapshot; with WAL, writers are not blocked.
        source.backup(target)
        # The copy is a plain file: no -wal/-shm companions to lose when it is moved.
        target.execute("PRAGMA journal_mode=DELETE")
        return [str(r[0]) for r in target.execute("PRAGMA integrity_check").fetchall()]
    finally:
        target.close()


def make_self_contained(db: Db) -> None:
    """Fold the WAL into the file and stop using one: a -wal left beside the file would not
    follow it when it is renamed into place."""
    db.execute("PRAGMA journal_mode=DELETE")
