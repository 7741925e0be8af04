"""Prep as stored: gel and numbing cream (consumables), and what prep still lacks."""

from __future__ import annotations

from datetime import datetime

from console.clock import iso
from console.data.store import Db


def insert_consumable(
    db: Db,
    *,
    consumable_id: str,
    visit_id: str,
    kind: str,
    product: str,
    lot: str,
    occluded: bool,
    wait_minutes: int | None,
    applied_at: datetime | None,
    now: datetime,
    by: str,
) -> None:
    db.execute(
        "INSERT INTO consumables (id, visit_id, kind, product, lot, occluded, wait_minutes, "
        "applied_at, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            consumable_id,
            visit_id,
            kind,
            product,
            lot,
            int(occluded),
            wait_minutes,
            iso(applied_at) if applied_at else None,
            iso(now),
            by,
        ],
    )


def mark_numbing_removed(db: Db, visit_id: str, consumable_id: str, at: datetime) -> None:
    db.execute(
        "UPDATE consumables SET removed_at = ? WHERE id = ? AND visit_id = ? AND kind = 'numbing'",
        [iso(at), consumable_id, visit_id],
    )


def has_gel(db: Db, visit_id: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM consumables WHERE visit_id = ? AND kind = 'gel' LIMIT 1", [visit_id]
    ).fetchone()
    return row is not None


def numbing_on_skin(db: Db, visit_id: str) -> bool:
    """Numbing cream applied and not yet removed."""
    row = db.execute(
        "SELECT 1 FROM consumables WHERE visit_id = ? AND kind = 'numbing' "
        "AND removed_at IS NULL LIMIT 1",
        [visit_id],
    ).fetchone()
    return row is not None
