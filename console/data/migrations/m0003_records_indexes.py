"""Indexes for Records: the due list and day log scan completed visits by date."""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0003_records_indexes"

STATEMENTS = [
    # Due list and day log: completed visits in a date window, without touching open ones.
    "CREATE INDEX IF NOT EXISTS visits_status_started ON visits(status, started_at)",
    # Recall by GTIN + lot: the lot alone is indexed already; this covers the pair.
    "CREATE INDEX IF NOT EXISTS cartridges_gtin_lot ON cartridges(gtin, lot)",
    "CREATE INDEX IF NOT EXISTS consumables_gtin_lot ON consumables(gtin, lot)",
]


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)


POSTGRES = list(STATEMENTS)  # plain indexes: the same SQL on both engines
