"""A clearance records who gave it, their role, how and when; a prompt records its answer;
each answer stores whether it blocked treatment, as the screening rules judged it."""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0010_clearance_details"

STATEMENTS = [
    "ALTER TABLE screening_answers ADD COLUMN cleared_by_name TEXT",
    "ALTER TABLE screening_answers ADD COLUMN cleared_by_role TEXT",
    "ALTER TABLE screening_answers ADD COLUMN clearance_method TEXT",  # letter / phone / …
    "ALTER TABLE screening_answers ADD COLUMN cleared_on TEXT",  # ISO date
    "ALTER TABLE screening_answers ADD COLUMN prompt_answer TEXT",  # the answer's id
    "ALTER TABLE screening_answers ADD COLUMN prompt_answer_text TEXT",  # … as it was shown
    # 1/0 as console/model/screening.py judged the answer. NULL on rows written before this
    # step: a clearance or prompt answered then lacks the details and is asked again.
    "ALTER TABLE screening_answers ADD COLUMN blocks INTEGER",
]


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)


POSTGRES = [
    statement.replace(" INTEGER", " BIGINT")  # INTEGER is bigint throughout on PostgreSQL
    for statement in STATEMENTS
]
