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
