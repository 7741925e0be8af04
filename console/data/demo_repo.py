"""Bulk writes for the demo data generator: many invented patients and visits at once.

Rows come as tuples in the column order below (the generator builds them by the thousand, so
no per-row dicts). The caller holds the transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from console.data.store import Db

PATIENT_COLUMNS = (
    "id, full_name, date_of_birth, phone, email, fitzpatrick, allergies, notes, search_text, "
    "created_at, created_by, updated_at, preferred_language"
)

# Per table (the generator's names), the insert its tuples fill, parents before children.
_VISIT_ROWS = {
    "visits": "INSERT INTO visits (id, patient_id, practitioner_id, protocol_version, status, "
    "step, device_id, series_number, skin_cleansed_at, started_at, ended_at, completed_at, notes) "
    "VALUES (?, ?, ?, ?, 'open', 'finish', ?, ?, ?, ?, ?, ?, ?)",
    "screening": "INSERT INTO screening_answers (id, visit_id, item_id, item_text, kind, answer, "
    "answered_at, answered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "cartridges": "INSERT INTO cartridges (id, visit_id, cartridge_type_id, needle_count, gtin, "
    "lot, expiry, serial, raw_label, entry, seal_intact, recorded_at, recorded_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'scan', 1, ?, ?)",
    "consumables": "INSERT INTO consumables (id, visit_id, kind, product, lot, occluded, "
    "wait_minutes, applied_at, removed_at, recorded_at, recorded_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "areas": "INSERT INTO treated_areas (id, visit_id, position, zone_id, zone_name, concern, "
    "depth_mm, target_passes, endpoint, started_at, ended_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "passes": "INSERT INTO passes (id, area_id, visit_id, number, started_at, ended_at, "
    "duration_s, depth_mm, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
}
VISIT_TABLES = tuple(_VISIT_ROWS)


def add_patients(db: Db, rows: Sequence[Sequence[Any]]) -> None:
    """Insert patients given as tuples in ``PATIENT_COLUMNS`` order."""
    db.executemany(f"INSERT INTO patients ({PATIENT_COLUMNS}) VALUES ({', '.join('?' * 13)})", rows)


def add_completed_visits(db: Db, rows: Mapping[str, Sequence[Sequence[Any]]]) -> None:
    """Insert visits with everything recorded in them (``rows`` per name in ``VISIT_TABLES``),
    then complete the visits: children first, since a completed visit is locked (0007)."""
    for name, sql in _VISIT_ROWS.items():
        db.executemany(sql, rows.get(name, ()))
    ids = [(v[0],) for v in rows.get("visits", ())]
    db.executemany("UPDATE visits SET status = 'completed' WHERE id = ?", ids)
