"""Queries erasure needs beyond the patient's own rows: other files, and the backup history."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from console.clock import iso, parse_iso
from console.data import patient_rows_repo, schema_info
from console.data.store import Db, file_connection, is_server


def not_yet_erased(db: Db, patient_ids: list[str]) -> list[str]:
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


def backup_folders(db: Db) -> list[tuple[datetime, Path]]:
    """Every folder a `backup` command wrote to, with its latest time, as the audit trail says."""
    # The folder is read from the JSON in Python: the engines' JSON functions differ.
    latest: dict[str, str] = {}
    for at, detail in db.execute(
        "SELECT at, detail FROM audit_log WHERE action = 'backup.create' ORDER BY seq"
    ).fetchall():
        folder = json.loads(detail or "{}").get("folder")
        if folder is not None:
            latest[str(folder)] = max(str(at), latest.get(str(folder), ""))
    return [(parse_iso(at), Path(folder)) for folder, at in latest.items()]


def patient_row(db: Db, patient_id: str) -> dict[str, Any] | None:
    """Every column of the patient's row, or None when there is no such patient."""
    cursor = db.execute("SELECT * FROM patients WHERE id = ?", [patient_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def overwrite_freed_pages(db: Db) -> None:
    """Freed pages are zeroed from now on, so an erased name is not left in free space."""
    if not is_server(db):  # the server's freed space is the IT's to scrub (README)
        db.execute("PRAGMA secure_delete = ON")


def anonymise_patient(
    db: Db, patient_id: str, *, reference: str, allergies: str, at: datetime
) -> None:
    """Replace what identifies the patient in their own row (the search text included)."""
    now = iso(at)
    db.execute(
        "UPDATE patients SET full_name = ?, date_of_birth = '', phone = '', email = '', "
        "notes = '', allergies = ?, search_text = '', updated_at = ?, anonymised_at = ? "
        "WHERE id = ?",
        [reference, allergies, now, now, patient_id],
    )


def forget_files(db: Db, patient_id: str) -> None:
    """The patient's archived sheets and signed consents lose their files (the PDFs are
    deleted) and the consents their signature strokes; the rows that they were given stay."""
    db.execute(
        "UPDATE handouts SET path = '' WHERE visit_id IN "
        "(SELECT id FROM visits WHERE patient_id = ?)",
        [patient_id],
    )
    with patient_rows_repo.locks_lifted(db, "consents"):  # consent rows are otherwise never changed
        db.execute(
            "UPDATE consents SET pdf_path = '', strokes = '[]' WHERE patient_id = ?", [patient_id]
        )


def replace_values(db: Db, table: str, key: str, changes: list[tuple[str, str, Any]]) -> None:
    """Set ``(column, new text, key value)`` in ``table``, even in a locked (completed) record."""
    with patient_rows_repo.locks_lifted(db, table):
        for col, new, key_value in changes:
            db.execute(f'UPDATE "{table}" SET "{col}" = ? WHERE "{key}" = ?', [new, key_value])


def settle(db: Db) -> None:
    """After an erasure commits: merge the search index (so the deleted entry leaves its
    segments too) and fold the WAL back into the file (so no old page lingers beside it)."""
    if is_server(db):
        # Dead row versions hold the old name until vacuumed; the room's role may only vacuum
        # what it owns, so the server's own autovacuum does the rest (README: several rooms).
        db.execute("VACUUM patients")
        return
    conn = file_connection(db)
    conn.execute("INSERT INTO patients_fts(patients_fts) VALUES ('optimize')")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# In the patient tables only the patient's own row counts: another may share the name.
_OWN_ROW = {"patients": "id", "patients_fts": "patient_id", "patients_fts_content": "c0"}


def _every_table(db: Db) -> list[str]:
    if is_server(db):
        return schema_info.tables(db)
    # On the file the search index's own tables too: an erased name must leave them as well.
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [str(r[0]) for r in rows]


def columns_holding(db: Db, needles: list[str], patient_id: str) -> list[str]:
    """``table.column`` for every text column of every table (the search index included) in
    which one of ``needles`` still appears."""
    hits: list[str] = []
    server = is_server(db)
    for table in _every_table(db):
        for col in schema_info.text_columns(db, table):
            if server:
                cond = " OR ".join(f'strpos("{col}", ?) > 0' for _ in needles)
                sql = f'SELECT 1 FROM "{table}" WHERE ({cond})'
            else:
                # instr() in C over the whole column: fast enough on a clinic-sized file.
                cond = " OR ".join(f'instr("{col}", ?) > 0' for _ in needles)
                sql = f'SELECT 1 FROM "{table}" WHERE typeof("{col}") = \'text\' AND ({cond})'
            params = list(needles)
            own = _OWN_ROW.get(table)
            if own:
                sql += f" AND {own} = ?"
                params.append(patient_id)
            if db.execute(sql + " LIMIT 1", params).fetchone():
                hits.append(f"{table}.{col}")
    return hits
