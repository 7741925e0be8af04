"""The room's journal file (visit events kept on this PC while the clinic's server does not
answer) and, on the server, the markers of the entries already applied.

The journal is a small SQLite file of its own in the room's data folder, never the clinic's
store: it must be writable exactly when the server is not. It is opened like the console's own
file (``configure``: WAL, synchronous=FULL), so an entry whose append returned survives a power
cut the next moment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from console.data.db import configure
from console.data.store import Db

_SCHEMA = """CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order the room made them in
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    visit_id TEXT NOT NULL,
    payload TEXT NOT NULL,                  -- JSON
    journaled_at TEXT NOT NULL,             -- UTC
    refused TEXT NOT NULL DEFAULT ''        -- the server's sentence when it refused the entry
)"""

_COLUMNS = "id, kind, visit_id, payload, journaled_at, refused"


def open_file(path: Path) -> Database:
    """The journal at ``path``, created (0600, in a 0700 folder) when missing."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    db = configure(Database(path, execute_plugins=False))
    db.execute(_SCHEMA)
    return db


def append(
    db: Database, *, entry_id: str, kind: str, visit_id: str, payload: str, journaled_at: str
) -> None:
    with db.conn:  # one transaction: committed (and synced) when this returns
        db.execute(
            "INSERT INTO entries (id, kind, visit_id, payload, journaled_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [entry_id, kind, visit_id, payload, journaled_at],
        )


def entries(db: Database, *, refused: bool) -> list[dict[str, Any]]:
    """Waiting entries (``refused=False``) or refused ones, in the order they were made."""
    where = "refused <> ''" if refused else "refused = ''"
    return list(db.query(f"SELECT {_COLUMNS} FROM entries WHERE {where} ORDER BY seq"))


def first_waiting_at(db: Database) -> str | None:
    row = db.execute("SELECT MIN(journaled_at) FROM entries WHERE refused = ''").fetchone()
    return None if row is None or row[0] is None else str(row[0])


def refuse(db: Database, entry_id: str, sentence: str) -> None:
    with db.conn:
        db.execute("UPDATE entries SET refused = ? WHERE id = ?", [sentence, entry_id])


def remove(db: Database, entry_id: str) -> None:
    with db.conn:
        db.execute("DELETE FROM entries WHERE id = ?", [entry_id])


# -- on the clinic's store -------------------------------------------------------------------
def was_applied(db: Db, entry_id: str) -> bool:
    row = db.execute("SELECT 1 FROM journal_applied WHERE entry_id = ?", [entry_id]).fetchone()
    return row is not None


def mark_applied(db: Db, entry_id: str, applied_at: str) -> None:
    db.execute(
        "INSERT INTO journal_applied (entry_id, applied_at) VALUES (?, ?)", [entry_id, applied_at]
    )
