"""Re-index patients' search text for search across scripts.

The search text gains parts of CJK and Hangul names ("小明" finds 王小明), Latin spellings of
Cyrillic, Greek and CJK names ("ivan" finds Иван) and consonant keys of Arabic and Hebrew names
("muhammad" finds محمد). Anonymised patients keep their empty search text.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:
    from console.data.migrations.postgres import PgStore

NAME = "0016_search_across_scripts"

# Same trigger as m0008: rebuilt after the bulk update below, which it would slow to a crawl.
_UPDATE_TRIGGER = """CREATE TRIGGER patients_fts_au AFTER UPDATE OF search_text ON patients BEGIN
        DELETE FROM patients_fts WHERE rowid =
            (SELECT fts_rowid FROM patients_fts_map WHERE patient_id = old.id);
        INSERT INTO patients_fts(patient_id, search_text) VALUES (new.id, new.search_text);
        INSERT OR REPLACE INTO patients_fts_map(patient_id, fts_rowid)
            VALUES (new.id, last_insert_rowid());
    END"""


_ROWS = (
    "SELECT id, full_name, date_of_birth, phone, email, search_text FROM patients "
    "WHERE anonymised_at IS NULL"
)


def _changed(rows: list[tuple[str, str, str, str, str, str]]) -> list[tuple[str, str]]:
    """(new search text, patient id) for every row whose text the new rules change."""
    from console.data.patients_repo import search_text

    changed = []
    for pid, name, dob, phone, email, old in rows:
        new = search_text(name, date.fromisoformat(dob), phone, email)
        if new != old:
            changed.append((new, pid))
    return changed


def apply(db: Database) -> None:
    changed = _changed(db.execute(_ROWS).fetchall())
    if not changed:
        return
    db.execute("DROP TRIGGER patients_fts_au")
    db.conn.executemany("UPDATE patients SET search_text = ? WHERE id = ?", changed)
    db.execute(_UPDATE_TRIGGER)
    db.execute("DELETE FROM patients_fts")
    db.execute("DELETE FROM patients_fts_map")
    db.execute(
        "INSERT INTO patients_fts(patient_id, search_text) SELECT id, search_text FROM patients"
    )
    db.execute(
        "INSERT INTO patients_fts_map (patient_id, fts_rowid) "
        "SELECT patient_id, rowid FROM patients_fts"
    )


# PostgreSQL: no FTS table to rebuild; the trigram index follows the column by itself.
POSTGRES: list[str] = []


def apply_postgres(db: PgStore) -> None:
    for new, pid in _changed(db.execute(_ROWS).fetchall()):
        db.execute("UPDATE patients SET search_text = ? WHERE id = ?", [new, pid])
