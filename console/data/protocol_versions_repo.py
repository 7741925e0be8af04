"""Reads about stored versions of the protocol library (the versions themselves: protocol_repo)."""

from __future__ import annotations

from sqlite_utils import Database


def saved(db: Database, version: int) -> tuple[str, str | None, str] | None:
    """``(created_at, saved by whose display name, note)`` of ``version``, or None."""
    row = db.execute(
        "SELECT v.created_at, p.display_name, v.note FROM protocol_versions v "
        "LEFT JOIN practitioners p ON p.id = v.created_by WHERE v.version = ?",
        [version],
    ).fetchone()
    if row is None:
        return None
    return str(row[0]), (str(row[1]) if row[1] else None), str(row[2] or "")
