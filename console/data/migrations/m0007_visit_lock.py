"""A completed visit is locked in the file itself, not only by the screens."""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0007_visit_lock"

_LOCKED = "(SELECT status FROM visits WHERE id = {visit}) != 'open'"
_ABORT = "SELECT RAISE(ABORT, 'the visit is completed and locked: add an amendment');"


def _guard(table: str, event: str, visit_expr: str) -> str:
    row = "OLD" if event == "DELETE" else "NEW"
    cond = _LOCKED.format(visit=visit_expr.format(row=row))
    return (
        f"CREATE TRIGGER {table}_locked_{event.lower()} BEFORE {event} ON {table} "
        f"WHEN {cond} BEGIN {_ABORT} END"
    )


def apply(db: Database) -> None:
    statements = []
    for table in ("passes", "treated_areas", "cartridges", "consumables", "screening_answers"):
        for event in ("INSERT", "UPDATE", "DELETE"):
            statements.append(_guard(table, event, "{row}.visit_id"))
    area_visit = "(SELECT visit_id FROM treated_areas WHERE id = {row}.area_id)"
    for event in ("INSERT", "UPDATE", "DELETE"):
        statements.append(_guard("depth_changes", event, area_visit))
    statements.append(
        "CREATE TRIGGER visits_locked_update BEFORE UPDATE OF status, patient_id, "
        "practitioner_id, protocol_version, device_id, series_number, started_at, ended_at, "
        "completed_at ON visits WHEN OLD.status = 'completed' BEGIN " + _ABORT + " END"
    )
    for statement in statements:
        db.execute(statement)


# PostgreSQL: the same triggers (same names, same words), their bodies in PL/pgSQL. The row's
# visit is found through visit_id, or through its area for depth changes, as above.
_MESSAGE = "'the visit is completed and locked: add an amendment'"
_GUARDED = ("passes", "treated_areas", "cartridges", "consumables", "screening_answers")
_EVENTS = ("INSERT", "UPDATE", "DELETE")


# Erasure (console/data/patient_rows_repo.locks_lifted) must clear identifying text even in a
# locked record. On the file it drops and recreates the triggers inside its transaction; on the
# server a room's role may not, so the lock steps aside while that transaction says so.
PG_LOCKS_LIFTED = """IF current_setting('console.lifting_locks', true) = TG_TABLE_NAME THEN
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END IF;"""


def _pg_function(name: str, visit_of: str) -> str:
    return f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        v TEXT;
    BEGIN
        {PG_LOCKS_LIFTED}
        IF TG_OP = 'DELETE' THEN
            v := {visit_of.format(row="OLD")};
        ELSE
            v := {visit_of.format(row="NEW")};
        END IF;
        IF (SELECT status FROM visits WHERE id = v) <> 'open' THEN
            RAISE EXCEPTION {_MESSAGE} USING ERRCODE = '23000';
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END $$"""


POSTGRES = [
    _pg_function("visit_row_locked", "{row}.visit_id"),
    _pg_function(
        "visit_area_row_locked", "(SELECT visit_id FROM treated_areas WHERE id = {row}.area_id)"
    ),
    f"""CREATE FUNCTION visit_locked() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {PG_LOCKS_LIFTED}
        RAISE EXCEPTION {_MESSAGE} USING ERRCODE = '23000';
    END $$""",
    *[
        f"CREATE TRIGGER {table}_locked_{event.lower()} BEFORE {event} ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION visit_row_locked()"
        for table in _GUARDED
        for event in _EVENTS
    ],
    *[
        f"CREATE TRIGGER depth_changes_locked_{event.lower()} BEFORE {event} ON depth_changes "
        "FOR EACH ROW EXECUTE FUNCTION visit_area_row_locked()"
        for event in _EVENTS
    ],
    "CREATE TRIGGER visits_locked_update BEFORE UPDATE OF status, patient_id, "
    "practitioner_id, protocol_version, device_id, series_number, started_at, ended_at, "
    "completed_at ON visits FOR EACH ROW WHEN (OLD.status = 'completed') "
    "EXECUTE FUNCTION visit_locked()",
]
