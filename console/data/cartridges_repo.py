"""Recorded needle cartridges: the single-use lookups and the insert.

What identifies a cartridge is its lot + serial, with the GTIN when both entries carry one:
a box typed by hand without its GTIN is the same cartridge as the scanned one. Lot and serial
are compared trimmed and case-blind (GS1 lots are rarely lower case; a hand-typed "ab12" is
the scanned "AB12"), through the expressions the index of migration 0009 holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from console.clock import iso, parse_iso
from console.data.store import Db

# CAST: the server must know the type of a parameter that may be NULL.
_SAME_PRODUCT = "(CAST(? AS TEXT) IS NULL OR c.gtin IS NULL OR c.gtin = ?)"


@dataclass(frozen=True)
class EarlierUse:
    visit_id: str
    visit_started_at: datetime
    recorded_at: datetime


def normalise(value: str | None) -> str | None:
    """Lot or serial as compared; None for an empty one."""
    text = (value or "").strip().upper()
    return text or None


def same_cartridge(db: Db, *, gtin: str | None, lot: str, serial: str) -> EarlierUse | None:
    """The earliest recording of this very cartridge (lot + serial, GTIN when both have one)."""
    row = db.execute(
        "SELECT c.visit_id, v.started_at, c.recorded_at "
        "FROM cartridges c JOIN visits v ON v.id = c.visit_id "
        "WHERE upper(trim(c.lot)) = ? AND upper(trim(c.serial)) = ? AND " + _SAME_PRODUCT + " "
        "ORDER BY c.recorded_at LIMIT 1",
        [normalise(lot), normalise(serial), gtin, gtin],
    ).fetchone()
    return EarlierUse(row[0], parse_iso(row[1]), parse_iso(row[2])) if row else None


def same_lot_since(db: Db, *, gtin: str | None, lot: str, since: datetime) -> list[datetime]:
    """When cartridges of this product and lot were recorded since ``since`` (in this file)."""
    rows = db.execute(
        "SELECT c.recorded_at FROM cartridges c WHERE upper(trim(c.lot)) = ? AND "
        + _SAME_PRODUCT
        + " AND c.recorded_at >= ? ORDER BY c.recorded_at",
        [normalise(lot), gtin, gtin, iso(since)],
    ).fetchall()
    return [parse_iso(r[0]) for r in rows]


def insert(
    db: Db,
    *,
    cartridge_id: str,
    visit_id: str,
    cartridge_type_id: str,
    needle_count: int,
    gtin: str | None,
    lot: str,
    expiry: date,
    serial: str | None,
    raw_label: str,
    entry: str,
    sealed_new_confirmed: bool | None,
    now: datetime,
    by: str,
) -> None:
    db.execute(
        "INSERT INTO cartridges (id, visit_id, cartridge_type_id, needle_count, gtin, lot, "
        "expiry, serial, raw_label, entry, seal_intact, sealed_new_confirmed, recorded_at, "
        "recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
        [
            cartridge_id,
            visit_id,
            cartridge_type_id,
            needle_count,
            gtin,
            lot.strip(),
            expiry.isoformat(),
            serial.strip() if serial else None,
            raw_label,
            entry,
            None if sealed_new_confirmed is None else int(sealed_new_confirmed),
            iso(now),
            by,
        ],
    )


def visit_has_cartridge(db: Db, visit_id: str) -> bool:
    row = db.execute("SELECT 1 FROM cartridges WHERE visit_id = ? LIMIT 1", [visit_id]).fetchone()
    return row is not None


def delete(db: Db, visit_id: str, cartridge_id: str) -> None:
    db.execute("DELETE FROM cartridges WHERE id = ? AND visit_id = ?", [cartridge_id, visit_id])
