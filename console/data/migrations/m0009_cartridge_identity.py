"""Single use, whichever way a cartridge was entered: an index on what identifies it, and the
practitioner's confirmation for a label that has no serial."""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0009_cartridge_identity"

STATEMENTS = [
    # 1 when the label had no serial and the practitioner confirmed that a new sealed
    # cartridge was opened for this patient; NULL for a cartridge identified by its serial.
    "ALTER TABLE cartridges ADD COLUMN sealed_new_confirmed INTEGER",
    # Reuse is looked up on lot + serial as console/data/cartridges_repo.py normalises them
    # (trimmed, upper case), so a typed "ab12" finds a scanned "AB12"; the GTIN is compared
    # only when both entries have one, which an index on it could not serve anyway.
    "CREATE INDEX cartridges_identity ON cartridges(upper(trim(lot)), upper(trim(serial)))",
]


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)


POSTGRES = [
    "ALTER TABLE cartridges ADD COLUMN sealed_new_confirmed BIGINT",
    "CREATE INDEX cartridges_identity ON cartridges(upper(trim(lot)), upper(trim(serial)))",
]
