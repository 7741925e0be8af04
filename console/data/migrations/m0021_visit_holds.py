"""Which room holds an open visit (issue 13, two rooms at once), and a cheap marker of the
clinic's patient list for the other rooms' search screens.

A table of its own rather than columns on ``visits``: a hold is where a visit is being worked
on, not part of the clinical record (exports, copies and the completed-visit lock leave it out),
and the check before each write locks only the hold's row, never the visit's. A released hold
stays (``released_at`` set) so a room that was taken over is still told who took it.
"""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0021_visit_holds"

_COLUMNS = """
        visit_id TEXT PRIMARY KEY REFERENCES visits(id),
        room TEXT NOT NULL,
        practitioner_id TEXT REFERENCES practitioners(id),
        since TEXT NOT NULL,
        released_at TEXT
    )"""
# MAX(updated_at) of the patients is the other rooms' change marker: an index answers it.
_INDEX = "CREATE INDEX patients_updated ON patients(updated_at)"


def apply(db: Database) -> None:
    db.execute("CREATE TABLE visit_holds (" + _COLUMNS)
    db.execute(_INDEX)


POSTGRES = [
    "CREATE TABLE visit_holds (rowid BIGINT GENERATED ALWAYS AS IDENTITY," + _COLUMNS,
    _INDEX,
]
