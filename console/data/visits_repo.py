"""Reading visits back: the full record of one visit, and lists of visits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlite_utils import Database

from console.clock import parse_iso
from console.errors import NotFound
from console.visit_record import (
    AmendmentRecord,
    AreaRecord,
    CartridgeRecord,
    ConsumableRecord,
    DepthChangeRecord,
    PassRecord,
    ScreeningAnswerRecord,
    VisitRecord,
)


def _dt(value: str | None) -> Any:
    return parse_iso(value) if value else None


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _dec(value: float | str) -> Decimal:
    # Depths are stored as REAL; round-trip through str and quantize to 0.01 mm.
    return Decimal(str(value)).quantize(Decimal("0.01"))


def load_record(db: Database, visit_id: str) -> VisitRecord:
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
        "WHERE a.visit_id = ? ORDER BY dc.at",
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


def open_visits(db: Database) -> list[dict[str, Any]]:
    """Visits that were started and never completed or stopped: offered for resumption."""
    return [
        dict(r)
        for r in db.query(
            "SELECT v.id, v.patient_id, v.practitioner_id, v.step, v.started_at, "
            "p.full_name AS patient_name FROM visits v JOIN patients p ON p.id = v.patient_id "
            "WHERE v.status = 'open' ORDER BY v.started_at DESC"
        )
    ]
