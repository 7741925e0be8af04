"""A cheap look at a database file before it is used: does it open, does its schema read,
are migrations waiting. Reads a few pages, never the whole file, and writes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from console.data.migrations import MIGRATIONS


def probe(db_path: Path) -> tuple[list[str], bool]:
    """``(["ok"], upgrade_pending)``, or ``([problem], False)`` when the file cannot be read."""
    try:
        conn = sqlite3.connect(str(db_path), timeout=5)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            pending = MIGRATIONS.pending(Database(conn, execute_plugins=False))
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)], False
    return ["ok"], bool(pending)
