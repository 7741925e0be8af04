"""A patient's record at a glance: details, every visit summarised, screening history, series.

Built with a handful of set-based queries (not one query per visit) so a patient with fifty
visits opens in milliseconds on a clinic-sized database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlite_utils import Database

# Re-exported: the Records screens import them from here.
from console.clinic_time import clinic_zone as clinic_zone
from console.clinic_time import local_day as local_day
from console.clock import parse_iso
from console.context import AppContext
from console.data import protocol_repo
from console.errors import NotFound
from console.protocol import SeriesPlan
from console.records import series as series_mod


@dataclass(frozen=True)
class PatientDetails:
    id: str
    full_name: str
    date_of_birth: date | None  # None once anonymised
    phone: str
    email: str
    fitzpatrick: int | None
    allergies: str
    notes: str
    created_at: datetime
    anonymised_at: datetime | None


@dataclass(frozen=True)
class AreaSummary:
    zone_id: str
    zone_name: str
    planned_mm: float
    max_mm: float  # deepest pass (a mid-area change can go deeper than planned)
    passes: int
    seconds: float
    endpoint: str | None


@dataclass(frozen=True)
class HandoutRef:
    id: str
    visit_id: str
    created_at: datetime
    path: str  # relative to the data folder
    pages: int
    paper: str


@dataclass(frozen=True)
class VisitSummary:
    id: str
    started_at: datetime
    ended_at: datetime | None
    status: str
    practitioner_name: str
    series_number: int | None
    protocol_version: int
    device_id: str | None
    areas: tuple[AreaSummary, ...]
    amendments: int
    handouts: tuple[HandoutRef, ...]

    @property
    def total_passes(self) -> int:
        return sum(a.passes for a in self.areas)

    @property
    def treated_seconds(self) -> float:
        return sum(a.seconds for a in self.areas)


@dataclass(frozen=True)
class PatientHistory:
    patient: PatientDetails
    visits: tuple[VisitSummary, ...]  # oldest first
    series: series_mod.SeriesStatus
    timezone: str

    @property
    def completed(self) -> tuple[VisitSummary, ...]:
        return tuple(v for v in self.visits if v.status == "completed")


def patient_details(db: Database, patient_id: str) -> PatientDetails:
    row = db.execute(
        "SELECT id, full_name, date_of_birth, phone, email, fitzpatrick, allergies, notes, "
        "created_at, anonymised_at FROM patients WHERE id = ?",
        [patient_id],
    ).fetchone()
    if row is None:
        raise NotFound("No such patient in this database.")
    return PatientDetails(
        id=row[0],
        full_name=row[1],
        date_of_birth=date.fromisoformat(row[2]) if row[2] else None,
        phone=row[3],
        email=row[4],
        fitzpatrick=row[5],
        allergies=row[6],
        notes=row[7],
        created_at=parse_iso(row[8]),
        anonymised_at=parse_iso(row[9]) if row[9] else None,
    )


def _areas_by_visit(db: Database, patient_id: str) -> dict[str, list[AreaSummary]]:
    out: dict[str, list[AreaSummary]] = {}
    for r in db.execute(
        "SELECT a.visit_id, a.zone_id, a.zone_name, a.depth_mm, a.endpoint, "
        "COUNT(p.id), COALESCE(SUM(p.duration_s), 0), MAX(p.depth_mm) "
        "FROM visits v JOIN treated_areas a ON a.visit_id = v.id "
        "LEFT JOIN passes p ON p.area_id = a.id "
        "WHERE v.patient_id = ? GROUP BY a.id ORDER BY a.visit_id, a.position",
        [patient_id],
    ):
        out.setdefault(r[0], []).append(
            AreaSummary(
                zone_id=r[1],
                zone_name=r[2],
                planned_mm=float(r[3]),
                max_mm=float(r[7]) if r[7] is not None else float(r[3]),
                passes=int(r[5]),
                seconds=float(r[6]),
                endpoint=r[4],
            )
        )
    return out


def _handouts_by_visit(db: Database, patient_id: str) -> dict[str, list[HandoutRef]]:
    out: dict[str, list[HandoutRef]] = {}
    for r in db.execute(
        "SELECT h.id, h.visit_id, h.created_at, h.path, h.pages, h.paper FROM handouts h "
        "JOIN visits v ON v.id = h.visit_id WHERE v.patient_id = ? ORDER BY h.created_at",
        [patient_id],
    ):
        out.setdefault(r[1], []).append(
            HandoutRef(r[0], r[1], parse_iso(r[2]), r[3], int(r[4]), r[5])
        )
    return out


def visit_summaries(db: Database, patient_id: str) -> tuple[VisitSummary, ...]:
    areas = _areas_by_visit(db, patient_id)
    handouts = _handouts_by_visit(db, patient_id)
    amendments = dict(
        db.execute(
            "SELECT a.visit_id, COUNT(*) FROM amendments a JOIN visits v ON v.id = a.visit_id "
            "WHERE v.patient_id = ? GROUP BY a.visit_id",
            [patient_id],
        ).fetchall()
    )
    return tuple(
        VisitSummary(
            id=r[0],
            started_at=parse_iso(r[1]),
            ended_at=parse_iso(r[2]) if r[2] else None,
            status=r[3],
            practitioner_name=r[4],
            series_number=r[5],
            protocol_version=int(r[6]),
            device_id=r[7],
            areas=tuple(areas.get(r[0], ())),
            amendments=int(amendments.get(r[0], 0)),
            handouts=tuple(handouts.get(r[0], ())),
        )
        for r in db.execute(
            "SELECT v.id, v.started_at, v.ended_at, v.status, pr.display_name, v.series_number, "
            "v.protocol_version, v.device_id FROM visits v "
            "JOIN practitioners pr ON pr.id = v.practitioner_id "
            "WHERE v.patient_id = ? ORDER BY v.started_at",
            [patient_id],
        )
    )


def series_plan(db: Database, version: int) -> SeriesPlan:
    return protocol_repo.get(db, version).series


def series_for(
    db: Database, visits: Sequence[VisitSummary], *, today: date, zone: ZoneInfo
) -> series_mod.SeriesStatus:
    completed = [v for v in visits if v.status == "completed"]
    version = completed[-1].protocol_version if completed else None
    plan = series_plan(db, version) if version is not None else protocol_repo.current(db).series
    return series_mod.status(
        [local_day(v.started_at, zone) for v in completed],
        [v.series_number for v in completed],
        plan,
        today=today,
        protocol_version=version,
    )


def load_history(db: Database, patient_id: str, *, now: datetime) -> PatientHistory:
    zone = clinic_zone(db)
    patient = patient_details(db, patient_id)
    visits = visit_summaries(db, patient_id)
    return PatientHistory(
        patient=patient,
        visits=visits,
        series=series_for(db, visits, today=local_day(now, zone), zone=zone),
        timezone=str(zone.key),
    )


def open_patient(ctx: AppContext, patient_id: str) -> PatientHistory:
    """Load a patient's record and write the audit row that says who looked at it."""
    history = load_history(ctx.db, patient_id, now=ctx.now())
    ctx.audit(
        "patient.open",
        entity="patient",
        entity_id=patient_id,
        detail={"visits": len(history.visits)},
    )
    return history


@dataclass(frozen=True)
class ScreeningEntry:
    visit_id: str
    visit_started_at: datetime
    item_id: str
    item_text: str
    kind: str
    answer: str
    event_date: str | None
    safe_from: str | None
    note: str
    answered_by: str


def screening_history(db: Database, patient_id: str) -> list[ScreeningEntry]:
    """Every screening answer the patient gave, newest visit first, as asked at the time."""
    rows: list[Any] = db.execute(
        "SELECT s.visit_id, v.started_at, s.item_id, s.item_text, s.kind, s.answer, "
        "s.event_date, s.safe_from, s.note, pr.display_name, s.prompt_answer_text, "
        "s.cleared_by_name, s.cleared_by_role, s.clearance_method, s.cleared_on "
        "FROM screening_answers s "
        "JOIN visits v ON v.id = s.visit_id JOIN practitioners pr ON pr.id = s.answered_by "
        "WHERE v.patient_id = ? ORDER BY v.started_at DESC, s.rowid",
        [patient_id],
    ).fetchall()
    return [
        ScreeningEntry(
            r[0], parse_iso(r[1]), r[2], r[3], r[4], r[5], r[6], r[7], _answer_note(r), r[9]
        )
        for r in rows
    ]


def _answer_note(r: Any) -> str:
    """The note column as a reader needs it: the prompt's answer, or who cleared it and how."""
    from console.visit.clearance import options

    note, prompt_text, name, role, method, on = r[8], r[10], r[11], r[12], r[13], r[14]
    if prompt_text:
        return str(prompt_text)
    if name:
        return f"Cleared by {name} ({role}), {options().method_text(method).lower()}, {on}: {note}"
    return str(note)
