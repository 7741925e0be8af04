"""Practitioner accounts (the PIN hashing and lockout rules live in console/auth.py)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from console.clock import iso


def create(
    db: Database, *, display_name: str, role: str, pin_hash: str | None, now: datetime
) -> str:
    pid = str(uuid.uuid4())
    db.execute(
        "INSERT INTO practitioners (id, display_name, role, pin_hash, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [pid, display_name, role, pin_hash, iso(now)],
    )
    return pid


def list_active(db: Database) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in db.query(
            "SELECT * FROM practitioners WHERE active = 1 ORDER BY display_name COLLATE NOCASE"
        )
    ]


def get(db: Database, practitioner_id: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM practitioners WHERE id = ?", [practitioner_id]))
    return dict(rows[0]) if rows else None
