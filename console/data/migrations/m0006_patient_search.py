"""Patient search while typing: a name-prefix index, and search text that knows more forms.

The search text gains squashed names ("obrien" for O'Brien) and national phone forms
("0612…" for "+33 6 12…"); existing rows are re-indexed in bulk.
"""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

NAME = "0006_patient_search"

_UPDATE_TRIGGER = """CREATE TRIGGER patients_fts_au AFTER UPDATE OF search_text ON patients BEGIN
        DELETE FROM patients_fts WHERE patient_id = old.id;
        INSERT INTO patients_fts(patient_id, search_text) VALUES (new.id, new.search_text);
    END"""


def apply(db: Database) -> None:
    from console.data.patients_repo import search_text

    db.execute("CREATE INDEX patients_search_text ON patients(search_text)")
    changed = []
    for pid, name, dob, phone, email, old in db.execute(
        "SELECT id, full_name, date_of_birth, phone, email, search_text FROM patients"
    ).fetchall():
        new = search_text(name, date.fromisoformat(dob), phone, email)
        if new != old:
            changed.append((new, pid))
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
