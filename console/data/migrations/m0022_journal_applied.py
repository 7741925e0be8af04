"""Entries of a room's local journal that the clinic's server has applied, one row each.

A room that could not reach the server keeps visit events in a journal on its own PC and
replays them later. The marker is written in the same transaction as the entry's change, so a
room that dies after the server's commit but before it clears its journal finds the marker at
the next replay and skips the entry: applied exactly once.
"""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0022_journal_applied"


def apply(db: Database) -> None:
    db.execute(
        """CREATE TABLE journal_applied (
            entry_id TEXT PRIMARY KEY,
            applied_at TEXT NOT NULL
        )"""
    )


_ROWID = "rowid BIGINT GENERATED ALWAYS AS IDENTITY"

POSTGRES = [
    f"""CREATE TABLE journal_applied (
        {_ROWID},
        entry_id TEXT PRIMARY KEY,
        applied_at TEXT NOT NULL
    )""",
]
