"""Patient search while typing: a name-prefix index, and search text that knows more forms.

The search text gains squashed names ("obrien" for O'Brien) and national phone forms
("0612…" for "+33 6 12…"); existing rows are re-indexed in bulk.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:
    from console.data.migrations.postgres import PgStore

NAME = "0006_patient_search"

_UPDATE_TRIGGER = """CREATE TRIGGER patients_fts_au AFTER UPDATE OF search_text ON patients BEGIN
        DELETE FROM patients_fts WHERE patient_id = old.id;
        INSERT INTO patients_fts(patient_id, search_text) VALUES (new.id, new.search_text);
    END"""


_INDEX = "CREATE INDEX patients_search_text ON patients(search_text)"
_ROWS = "SELECT id, full_name, date_of_birth, phone, email, search_text FROM patients"


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
    db.execute(_INDEX)
    changed = _changed(db.execute(_ROWS).fetchall())
    if not changed:
        return
    # The update trigger deletes by an unindexed column (a scan per row): re-index in bulk.
    db.execute("DROP TRIGGER patients_fts_au")
    db.conn.executemany("UPDATE patients SET search_text = ? WHERE id = ?", changed)
    db.execute(_UPDATE_TRIGGER)
    db.execute("DELETE FROM patients_fts")
    db.execute(
        "INSERT INTO patients_fts(patient_id, search_text) SELECT id, search_text FROM patients"
    )


# PostgreSQL has no FTS table to keep in step: the trigram index follows the column by itself.
# "Name starts with …" compares in code point order (COLLATE "C"), whatever the database's
# collation, so the index must be in that order too.
POSTGRES = ['CREATE INDEX patients_search_text ON patients(search_text COLLATE "C")']


def apply_postgres(db: PgStore) -> None:
    for new, pid in _changed(db.execute(_ROWS).fetchall()):
        db.execute("UPDATE patients SET search_text = ? WHERE id = ?", [new, pid])
