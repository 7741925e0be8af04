"""Practitioner accounts (the PIN hashing and lockout rules live in console/access/auth.py)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from console.clock import iso
from console.data.store import Db


def create(db: Db, *, display_name: str, role: str, pin_hash: str | None, now: datetime) -> str:
    pid = str(uuid.uuid4())
    db.execute(
        "INSERT INTO practitioners (id, display_name, role, pin_hash, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [pid, display_name, role, pin_hash, iso(now)],
    )
    return pid


def list_active(db: Db) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in db.query(
            "SELECT * FROM practitioners WHERE active = 1 ORDER BY display_name COLLATE NOCASE"
        )
    ]


def list_all(db: Db) -> list[dict[str, Any]]:
    """Active and deactivated accounts (for the users list and the audit viewer's names)."""
    return [
        dict(r)
        for r in db.query(
            "SELECT * FROM practitioners ORDER BY active DESC, display_name COLLATE NOCASE"
        )
    ]


def get(db: Db, practitioner_id: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM practitioners WHERE id = ?", [practitioner_id]))
    return dict(rows[0]) if rows else None


def get_by_name(db: Db, display_name: str) -> dict[str, Any] | None:
    rows = list(
        db.query(
            "SELECT * FROM practitioners WHERE display_name = ? COLLATE NOCASE", [display_name]
        )
    )
    return dict(rows[0]) if rows else None


def names(db: Db) -> dict[str, str]:
    """id -> display name for every account, deactivated ones included."""
    return {str(r[0]): str(r[1]) for r in db.execute("SELECT id, display_name FROM practitioners")}


def count_active(db: Db) -> int:
    """Active accounts, with a PIN or not yet."""
    return int(db.execute("SELECT COUNT(*) FROM practitioners WHERE active = 1").fetchone()[0])


def count_can_sign_in(db: Db, *, role: str | None = None) -> int:
    """Active accounts with a PIN (``role`` narrows it, e.g. to admins)."""
    sql = "SELECT COUNT(*) FROM practitioners WHERE active = 1 AND pin_hash IS NOT NULL"
    params: list[Any] = []
    if role is not None:
        sql += " AND role = ?"
        params.append(role)
    return int(db.execute(sql, params).fetchone()[0])


def set_pin_hash(db: Db, practitioner_id: str, pin_hash: str) -> None:
    db.execute("UPDATE practitioners SET pin_hash = ? WHERE id = ?", [pin_hash, practitioner_id])


def set_failures(
    db: Db, practitioner_id: str, *, failed_attempts: int, locked_until: datetime | None
) -> None:
    db.execute(
        "UPDATE practitioners SET failed_attempts = ?, locked_until = ? WHERE id = ?",
        [failed_attempts, iso(locked_until) if locked_until else None, practitioner_id],
    )


def set_active(db: Db, practitioner_id: str, active: bool) -> None:
    db.execute(
        "UPDATE practitioners SET active = ? WHERE id = ?", [1 if active else 0, practitioner_id]
    )
