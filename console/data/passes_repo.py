"""Passes: the recorded ones, and the running ones kept on disk so a crash is reported."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from console.clock import iso
from console.data.store import Db


def visit_has_passes(db: Db, visit_id: str) -> bool:
    row = db.execute("SELECT 1 FROM passes WHERE visit_id = ? LIMIT 1", [visit_id]).fetchone()
    return row is not None


def area_has_passes(db: Db, area_id: str) -> bool:
    row = db.execute("SELECT 1 FROM passes WHERE area_id = ? LIMIT 1", [area_id]).fetchone()
    return row is not None


def pass_recorded(db: Db, pass_id: str) -> bool:
    row = db.execute("SELECT 1 FROM passes WHERE id = ?", [pass_id]).fetchone()
    return row is not None


def put_running(
    db: Db, *, area_id: str, started_at: datetime, depth_mm: Decimal, direction: str
) -> None:
    db.execute(
        "INSERT INTO running_passes (area_id, started_at, depth_mm, direction) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (area_id) DO UPDATE SET started_at = excluded.started_at, "
        "depth_mm = excluded.depth_mm, direction = excluded.direction",
        [area_id, iso(started_at), float(depth_mm), direction],
    )


def running_zones(db: Db, visit_id: str) -> list[str]:
    """Zone names of the visit's areas with a pass running on disk."""
    rows = db.execute(
        "SELECT a.zone_name FROM running_passes r JOIN treated_areas a ON a.id = r.area_id "
        "WHERE a.visit_id = ?",
        [visit_id],
    ).fetchall()
    return [str(r[0]) for r in rows]


def clear_running(db: Db, visit_id: str) -> None:
    db.execute(
        "DELETE FROM running_passes WHERE area_id IN "
        "(SELECT id FROM treated_areas WHERE visit_id = ?)",
        [visit_id],
    )


def record_stop(
    db: Db,
    *,
    pass_id: str,
    area_id: str,
    visit_id: str,
    started_at: datetime,
    ended_at: datetime,
    duration_s: float,
    depth_mm: Decimal,
    direction: str,
) -> int:
    """Store the stopped pass, drop its running row, stamp the area; returns its number."""
    number = int(
        db.execute(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM passes WHERE area_id = ?", [area_id]
        ).fetchone()[0]
    )
    db.execute(
        "INSERT INTO passes (id, area_id, visit_id, number, started_at, ended_at, duration_s, "
        "depth_mm, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            pass_id,
            area_id,
            visit_id,
            number,
            iso(started_at),
            iso(ended_at),
            duration_s,
            float(depth_mm),
            direction,
        ],
    )
    db.execute("DELETE FROM running_passes WHERE area_id = ?", [area_id])
    db.execute(
        "UPDATE treated_areas SET started_at = COALESCE(started_at, ?), ended_at = ? WHERE id = ?",
        [iso(started_at), iso(ended_at), area_id],
    )
    return number
