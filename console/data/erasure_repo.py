"""Queries erasure needs beyond the patient's own rows: other files, and the backup history."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from console.clock import parse_iso


def not_yet_erased(db: Database, patient_ids: list[str]) -> list[str]:
    """Those of ``patient_ids`` present in ``db`` and not anonymised (e.g. after a restore)."""
    if not patient_ids:
        return []
    marks = ", ".join("?" for _ in patient_ids)
    return [
        str(r[0])
        for r in db.execute(
            f"SELECT id FROM patients WHERE id IN ({marks}) AND anonymised_at IS NULL "
            "ORDER BY created_at",
            patient_ids,
        )
    ]


def identified_in(path: Path, patient_id: str) -> bool:
    """Does the database file at ``path`` (a backup) still hold this patient un-anonymised?

    Opened read-only, so looking never changes a backup. Raises ``sqlite3.Error`` when the file
    cannot be read as a console database.
    """
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        row = con.execute(
            "SELECT 1 FROM patients WHERE id = ? AND anonymised_at IS NULL", [patient_id]
        ).fetchone()
        return row is not None
    finally:
        con.close()


def backup_folders(db: Database) -> list[tuple[datetime, Path]]:
    """Every folder a `backup` command wrote to, with its latest time, as the audit trail says."""
    found = db.execute(
        "SELECT MAX(at), json_extract(detail, '$.folder') AS folder FROM audit_log "
        "WHERE action = 'backup.create' AND folder IS NOT NULL GROUP BY folder"
    ).fetchall()
    return [(parse_iso(str(at)), Path(str(folder))) for at, folder in found]
