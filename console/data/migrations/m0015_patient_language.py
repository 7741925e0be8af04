"""A patient's preferred language for the aftercare sheet, consent and calendar file.

NULL means "the clinic's language", so changing the clinic's language moves every patient who
never chose one; a chosen code ("es", "ar" …) stays as chosen.
"""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0015_patient_language"


def apply(db: Database) -> None:
    db.execute("ALTER TABLE patients ADD COLUMN preferred_language TEXT")


POSTGRES = ["ALTER TABLE patients ADD COLUMN preferred_language TEXT"]
