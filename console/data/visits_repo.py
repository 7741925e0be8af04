"""Visits: the visit row's reads and writes, the full record of one visit, lists of visits."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from console.clock import iso, parse_iso
from console.data.store import Db
from console.errors import NotFound
from console.model.visit_record import (
    AmendmentRecord,
    AreaRecord,
    CartridgeRecord,
    ConsumableRecord,
    DepthChangeRecord,
    PassRecord,
    ScreeningAnswerRecord,
    VisitRecord,
)
from console.model.visit_state import VisitState, mm


def _dt(value: str | None) -> Any:
    return parse_iso(value) if value else None


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _dec(value: float | str) -> Decimal:
    return mm(value)


def load_record(db: Db, visit_id: str) -> VisitRecord:
    rows = list(
        db.query(
            "SELECT v.*, p.full_name AS patient_name, p.date_of_birth AS patient_dob, "
            "p.preferred_language AS patient_language, pr.display_name AS practitioner_name "
            "FROM visits v "
            "JOIN patients p ON p.id = v.patient_id "
            "JOIN practitioners pr ON pr.id = v.practitioner_id WHERE v.id = ?",
            [visit_id],
        )
    )
    if not rows:
        raise NotFound(f"No visit {visit_id}.")
    v = rows[0]
    passes: dict[str, list[PassRecord]] = {}
    for r in db.query(
        "SELECT * FROM passes WHERE visit_id = ? ORDER BY area_id, number", [visit_id]
    ):
        passes.setdefault(r["area_id"], []).append(
            PassRecord(
                number=r["number"],
                started_at=parse_iso(r["started_at"]),
                ended_at=parse_iso(r["ended_at"]),
                duration_s=r["duration_s"],
                depth_mm=_dec(r["depth_mm"]),
                direction=r["direction"],
            )
        )
    changes: dict[str, list[DepthChangeRecord]] = {}
    for r in db.query(
        "SELECT dc.* FROM depth_changes dc JOIN treated_areas a ON a.id = dc.area_id "
        "WHERE a.visit_id = ? ORDER BY dc.at, dc.rowid",
        [visit_id],
    ):
        changes.setdefault(r["area_id"], []).append(
            DepthChangeRecord(
                at=parse_iso(r["at"]),
                from_mm=_dec(r["from_mm"]),
                to_mm=_dec(r["to_mm"]),
                reason=r["reason"],
            )
        )
    areas = tuple(
        AreaRecord(
            id=r["id"],
            position=r["position"],
            zone_id=r["zone_id"],
            zone_name=r["zone_name"],
            concern=r["concern"],
            depth_mm=_dec(r["depth_mm"]),
            target_passes=r["target_passes"],
            outside_typical_reason=r["outside_typical_reason"],
            endpoint=r["endpoint"],
            started_at=_dt(r["started_at"]),
            ended_at=_dt(r["ended_at"]),
            passes=tuple(passes.get(r["id"], ())),
            depth_changes=tuple(changes.get(r["id"], ())),
        )
        for r in db.query(
            "SELECT * FROM treated_areas WHERE visit_id = ? ORDER BY position", [visit_id]
        )
    )
    cartridges = tuple(
        CartridgeRecord(
            id=r["id"],
            cartridge_type_id=r["cartridge_type_id"],
            needle_count=r["needle_count"],
            gtin=r["gtin"],
            lot=r["lot"],
            expiry=date.fromisoformat(r["expiry"]),
            serial=r["serial"],
            entry=r["entry"],
            seal_intact=bool(r["seal_intact"]),
            sealed_new_confirmed=bool(r["sealed_new_confirmed"]),
        )
        for r in db.query(
            "SELECT * FROM cartridges WHERE visit_id = ? ORDER BY recorded_at", [visit_id]
        )
    )
    consumables = tuple(
        ConsumableRecord(
            id=r["id"],
            kind=r["kind"],
            product=r["product"],
            lot=r["lot"],
            occluded=bool(r["occluded"]),
            wait_minutes=r["wait_minutes"],
            applied_at=_dt(r["applied_at"]),
            removed_at=_dt(r["removed_at"]),
        )
        for r in db.query(
            "SELECT * FROM consumables WHERE visit_id = ? ORDER BY recorded_at", [visit_id]
        )
    )
    screening = tuple(
        ScreeningAnswerRecord(
            item_id=r["item_id"],
            item_text=r["item_text"],
            kind=r["kind"],
            answer=r["answer"],
            event_date=_d(r["event_date"]),
            safe_from=_d(r["safe_from"]),
            note=r["note"],
            cleared_by_name=r.get("cleared_by_name") or "",
            cleared_by_role=r.get("cleared_by_role") or "",
            clearance_method=r.get("clearance_method") or "",
            cleared_on=_d(r.get("cleared_on")),
            prompt_answer=r.get("prompt_answer") or "",
        )
        for r in db.query(
            "SELECT * FROM screening_answers WHERE visit_id = ? ORDER BY rowid", [visit_id]
        )
    )
    amendments = tuple(
        AmendmentRecord(
            at=parse_iso(r["at"]),
            by_name=r["by_name"],
            field=r["field"],
            old_value=r["old_value"],
            new_value=r["new_value"],
            reason=r["reason"],
        )
        for r in db.query(
            "SELECT a.*, pr.display_name AS by_name FROM amendments a "
            "JOIN practitioners pr ON pr.id = a.by WHERE a.visit_id = ? ORDER BY a.at",
            [visit_id],
        )
    )
    return VisitRecord(
        id=v["id"],
        patient_id=v["patient_id"],
        patient_name=v["patient_name"],
        patient_dob=_d(v["patient_dob"]),
        practitioner_id=v["practitioner_id"],
        practitioner_name=v["practitioner_name"],
        protocol_version=v["protocol_version"],
        status=v["status"],
        step=v["step"],
        device_id=v["device_id"],
        series_number=v["series_number"],
        started_at=parse_iso(v["started_at"]),
        ended_at=_dt(v["ended_at"]),
        completed_at=_dt(v["completed_at"]),
        notes=v["notes"],
        adverse_events=v["adverse_events"],
        stop_reason=v["stop_reason"],
        skin_cleansed_at=_dt(v["skin_cleansed_at"]),
        areas=areas,
        cartridges=cartridges,
        consumables=consumables,
        screening=screening,
        amendments=amendments,
        patient_language=v["patient_language"],
    )


def open_visits(db: Db) -> list[dict[str, Any]]:
    """Visits that were started and never completed or stopped: offered for resumption."""
    return [
        dict(r)
        for r in db.query(
            "SELECT v.id, v.patient_id, v.practitioner_id, v.step, v.started_at, "
            "p.full_name AS patient_name FROM visits v JOIN patients p ON p.id = v.patient_id "
            "WHERE v.status = 'open' ORDER BY v.started_at DESC"
        )
    ]


# -- the visit row: what the services' rules read and write ----------------------------------
def state(db: Db, visit_id: str) -> VisitState:
    row = db.execute(
        "SELECT id, patient_id, protocol_version, status, step, device_id, skin_cleansed_at, "
        "current_area_id, notes, adverse_events FROM visits WHERE id = ?",
        [visit_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"No visit {visit_id}.")
    return VisitState(
        id=row[0],
        patient_id=row[1],
        protocol_version=int(row[2]),
        status=row[3],
        step=row[4],
        device_id=row[5],
        skin_cleansed=bool(row[6]),
        current_area_id=row[7],
        notes=row[8] or "",
        adverse_events=row[9] or "",
    )


def open_visit_id(db: Db, patient_id: str) -> str | None:
    """The patient's visit in progress (the latest, should there ever be two)."""
    row = db.execute(
        "SELECT id FROM visits WHERE patient_id = ? AND status = 'open' "
        "ORDER BY started_at DESC LIMIT 1",
        [patient_id],
    ).fetchone()
    return str(row[0]) if row else None


def patient_exists(db: Db, patient_id: str) -> bool:
    return db.execute("SELECT 1 FROM patients WHERE id = ?", [patient_id]).fetchone() is not None


def completed_ends(db: Db, patient_id: str) -> list[datetime]:
    """When the patient's completed visits ended, latest first."""
    rows = db.execute(
        "SELECT ended_at FROM visits WHERE patient_id = ? AND status = 'completed' "
        "ORDER BY ended_at DESC",
        [patient_id],
    ).fetchall()
    return [parse_iso(r[0]) for r in rows]


def insert(
    db: Db,
    *,
    visit_id: str,
    patient_id: str,
    by: str,
    protocol_version: int,
    series_number: int,
    now: datetime,
) -> None:
    db.execute(
        "INSERT INTO visits (id, patient_id, practitioner_id, protocol_version, status, "
        "step, series_number, started_at) VALUES (?, ?, ?, ?, 'open', 'screening', ?, ?)",
        [visit_id, patient_id, by, protocol_version, series_number, iso(now)],
    )


def set_step(db: Db, visit_id: str, step: str, *, only_from: tuple[str, ...] = ()) -> None:
    """Move the visit to ``step`` (only when it is at one of ``only_from``, if given)."""
    if only_from:
        marks = ", ".join("?" for _ in only_from)
        db.execute(
            f"UPDATE visits SET step = ? WHERE id = ? AND step IN ({marks})",
            [step, visit_id, *only_from],
        )
    else:
        db.execute("UPDATE visits SET step = ? WHERE id = ?", [step, visit_id])


def set_current_area(db: Db, visit_id: str, area_id: str) -> None:
    db.execute(
        "UPDATE visits SET current_area_id = ?, step = 'treat' WHERE id = ?", [area_id, visit_id]
    )


def set_device(db: Db, visit_id: str, device_id: str) -> None:
    db.execute("UPDATE visits SET device_id = ? WHERE id = ?", [device_id, visit_id])


def set_skin_cleansed(db: Db, visit_id: str, at: datetime) -> None:
    db.execute("UPDATE visits SET skin_cleansed_at = ? WHERE id = ?", [iso(at), visit_id])


def mark_stopped(db: Db, visit_id: str, *, reason: str, at: datetime) -> None:
    db.execute(
        "UPDATE visits SET status = 'stopped', stop_reason = ?, ended_at = ? WHERE id = ?",
        [reason, iso(at), visit_id],
    )


def mark_completed(db: Db, visit_id: str, *, notes: str, adverse_events: str, at: datetime) -> None:
    db.execute(
        "UPDATE visits SET status = 'completed', step = 'finish', notes = ?, "
        "adverse_events = ?, ended_at = ?, completed_at = ? WHERE id = ?",
        [notes, adverse_events, iso(at), iso(at), visit_id],
    )


def last_amended_value(db: Db, visit_id: str, field: str) -> str | None:
    """The newest amendment's value of ``field`` (None when it was never amended)."""
    row = db.execute(
        "SELECT new_value FROM amendments WHERE visit_id = ? AND field = ? "
        "ORDER BY at DESC, rowid DESC LIMIT 1",
        [visit_id, field],
    ).fetchone()
    return str(row[0]) if row else None


def insert_amendment(
    db: Db,
    *,
    amendment_id: str,
    visit_id: str,
    at: datetime,
    by: str,
    field: str,
    old_value: str,
    new_value: str,
    reason: str,
) -> None:
    db.execute(
        "INSERT INTO amendments (id, visit_id, at, by, field, old_value, new_value, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [amendment_id, visit_id, iso(at), by, field, old_value, new_value, reason],
    )
