"""Planned areas of a visit (treated_areas) and their depth changes."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from console.clock import iso
from console.data.store import Db
from console.errors import DomainError
from console.model.visit_state import AreaState, mm


def get(db: Db, area_id: str) -> AreaState:
    row = db.execute(
        "SELECT id, visit_id, zone_id, zone_name, concern, depth_mm FROM treated_areas "
        "WHERE id = ?",
        [area_id],
    ).fetchone()
    if row is None:
        raise DomainError("That area is not in this visit.")
    return AreaState(row[0], row[1], row[2], row[3], row[4], mm(row[5]))


def ids(db: Db, visit_id: str) -> list[str]:
    rows = db.execute(
        "SELECT id FROM treated_areas WHERE visit_id = ? ORDER BY position", [visit_id]
    ).fetchall()
    return [str(r[0]) for r in rows]


def zone_planned(db: Db, visit_id: str, zone_id: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM treated_areas WHERE visit_id = ? AND zone_id = ?", [visit_id, zone_id]
    ).fetchone()
    return row is not None


def insert(
    db: Db,
    *,
    area_id: str,
    visit_id: str,
    zone_id: str,
    zone_name: str,
    concern: str,
    depth_mm: Decimal,
    target_passes: int,
    outside_typical_reason: str,
) -> None:
    """Append an area after the visit's last one."""
    position = db.execute(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM treated_areas WHERE visit_id = ?",
        [visit_id],
    ).fetchone()[0]
    db.execute(
        "INSERT INTO treated_areas (id, visit_id, position, zone_id, zone_name, concern, "
        "depth_mm, target_passes, outside_typical_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            area_id,
            visit_id,
            position,
            zone_id,
            zone_name,
            concern,
            float(depth_mm),
            target_passes,
            outside_typical_reason,
        ],
    )


def delete(db: Db, area_id: str) -> None:
    db.execute("DELETE FROM treated_areas WHERE id = ?", [area_id])


def current_depth(db: Db, area_id: str) -> Decimal:
    """The depth now: the last change's, else the planned one."""
    row = (
        db.execute(
            "SELECT to_mm FROM depth_changes WHERE area_id = ? "
            "ORDER BY at DESC, rowid DESC LIMIT 1",
            [area_id],
        ).fetchone()
        or db.execute("SELECT depth_mm FROM treated_areas WHERE id = ?", [area_id]).fetchone()
    )
    return mm(row[0])


def insert_depth_change(
    db: Db,
    *,
    change_id: str,
    area_id: str,
    at: datetime,
    from_mm: Decimal,
    to_mm: Decimal,
    reason: str,
    by: str,
) -> None:
    db.execute(
        "INSERT INTO depth_changes (id, area_id, at, from_mm, to_mm, reason, by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [change_id, area_id, iso(at), float(from_mm), float(to_mm), reason, by],
    )


def set_endpoint(db: Db, area_id: str, endpoint: str) -> None:
    db.execute("UPDATE treated_areas SET endpoint = ? WHERE id = ?", [endpoint, area_id])


def treated_without_endpoint(db: Db, visit_id: str) -> list[str]:
    """Zone names of areas that have passes but no endpoint, in plan order."""
    rows = db.execute(
        "SELECT zone_name FROM treated_areas a WHERE visit_id = ? AND endpoint IS NULL "
        "AND EXISTS (SELECT 1 FROM passes p WHERE p.area_id = a.id) ORDER BY position",
        [visit_id],
    ).fetchall()
    return [str(r[0]) for r in rows]
