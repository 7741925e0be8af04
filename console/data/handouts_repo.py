"""Archived aftercare sheets (``handouts``) and every time one was printed (``prints``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from console.clock import iso
from console.data.store import Db


def insert(
    db: Db, *, visit_id: str, now: datetime, path: str, sha256: str, pages: int, paper: str
) -> str:
    handout_id = str(uuid.uuid4())
    db.execute(
        "INSERT INTO handouts (id, visit_id, created_at, path, sha256, pages, paper) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [handout_id, visit_id, iso(now), path, sha256, pages, paper],
    )
    return handout_id


def latest_for_visit(db: Db, visit_id: str) -> dict[str, Any] | None:
    rows = list(
        db.query(
            "SELECT * FROM handouts WHERE visit_id = ? ORDER BY created_at DESC, rowid DESC "
            "LIMIT 1",
            [visit_id],
        )
    )
    return dict(rows[0]) if rows else None


def get(db: Db, handout_id: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM handouts WHERE id = ?", [handout_id]))
    return dict(rows[0]) if rows else None


def count_for_visit(db: Db, visit_id: str) -> int:
    row = db.execute("SELECT COUNT(*) FROM handouts WHERE visit_id = ?", [visit_id]).fetchone()
    return int(row[0])


def insert_print(
    db: Db,
    *,
    handout_id: str,
    now: datetime,
    by: str | None,
    printer: str,
    copies: int,
    status: str,
    message: str = "",
) -> str:
    print_id = str(uuid.uuid4())
    db.execute(
        "INSERT INTO prints (id, handout_id, at, by, printer, copies, status, message) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [print_id, handout_id, iso(now), by, printer, copies, status, message],
    )
    return print_id


def prints_for_handout(db: Db, handout_id: str) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in db.query(
            "SELECT * FROM prints WHERE handout_id = ? ORDER BY at, rowid", [handout_id]
        )
    ]
