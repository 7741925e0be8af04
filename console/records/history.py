"""A patient's record at a glance: details, every visit summarised, screening history, series.

Built with a handful of set-based queries (not one query per visit) so a patient with fifty
visits opens in milliseconds on a clinic-sized database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from console.context import AppContext
from console.data import protocol_repo, records_repo
from console.data.store import Db
from console.errors import NotFound
from console.model.protocol import SeriesPlan

# Re-exported: Records screens and tests name these through this module.
from console.model.records import AreaSummary as AreaSummary
from console.model.records import HandoutRef as HandoutRef
from console.model.records import PatientDetails as PatientDetails
from console.model.records import ScreeningAnswerRow
from console.model.records import ScreeningEntry as ScreeningEntry
from console.model.records import VisitSummary as VisitSummary
from console.records import series as series_mod

# Re-exported: the Records screens import them from here.
from console.settings.clinic_time import clinic_zone as clinic_zone
from console.settings.clinic_time import local_day as local_day


@dataclass(frozen=True)
class PatientHistory:
    patient: PatientDetails
    visits: tuple[VisitSummary, ...]  # oldest first
    series: series_mod.SeriesStatus
    timezone: str

    @property
    def completed(self) -> tuple[VisitSummary, ...]:
        return tuple(v for v in self.visits if v.status == "completed")


def patient_details(db: Db, patient_id: str) -> PatientDetails:
    details = records_repo.patient_details(db, patient_id)
    if details is None:
        raise NotFound("No such patient in this database.")
    return details


def visit_summaries(db: Db, patient_id: str) -> tuple[VisitSummary, ...]:
    return records_repo.visit_summaries(db, patient_id)


def series_plan(db: Db, version: int) -> SeriesPlan:
    return protocol_repo.get(db, version).series


def series_for(
    db: Db, visits: Sequence[VisitSummary], *, today: date, zone: ZoneInfo
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


def load_history(db: Db, patient_id: str, *, now: datetime) -> PatientHistory:
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


def screening_history(db: Db, patient_id: str) -> list[ScreeningEntry]:
    """Every screening answer the patient gave, newest visit first, as asked at the time."""
    return [
        ScreeningEntry(
            r.visit_id,
            r.visit_started_at,
            r.item_id,
            r.item_text,
            r.kind,
            r.answer,
            r.event_date,
            r.safe_from,
            _answer_note(r),
            r.answered_by,
        )
        for r in records_repo.screening_answers(db, patient_id)
    ]


def _answer_note(r: ScreeningAnswerRow) -> str:
    """The note column as a reader needs it: the prompt's answer, or who cleared it and how."""
    from console.model.clearance import options

    if r.prompt_answer_text:
        return str(r.prompt_answer_text)
    if r.cleared_by_name:
        how = options().method_text(r.clearance_method or "").lower()
        return (
            f"Cleared by {r.cleared_by_name} ({r.cleared_by_role}), {how}, {r.cleared_on}: {r.note}"
        )
    return str(r.note)
