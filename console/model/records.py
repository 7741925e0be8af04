"""The plain records that Records reads back from the store (repositories return these).

Frozen and free of rules: the services in ``console/records/`` build on them, and
``console/data/records_repo.py`` fills them without importing a service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


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


@dataclass(frozen=True)
class ScreeningAnswerRow:
    """A screening answer as stored, with what the note shown beside it is made of."""

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
    prompt_answer_text: str | None
    cleared_by_name: str | None
    cleared_by_role: str | None
    clearance_method: str | None
    cleared_on: str | None


@dataclass(frozen=True)
class LastCompletedVisit:
    """A patient's latest completed visit (no later open or completed one), for the due list."""

    patient_id: str
    started_at: datetime
    series_number: int | None
    protocol_version: int
    full_name: str
    phone: str
    email: str


@dataclass(frozen=True)
class DayLogEntry:
    visit_id: str
    practitioner_id: str
    practitioner: str
    patient_id: str
    patient_name: str
    started_at: datetime
    ended_at: datetime | None
    status: str
    areas: int
    passes: int
    seconds: float


@dataclass(frozen=True)
class RecallHit:
    source: str  # cartridge / gel / numbing
    product: str
    gtin: str | None
    lot: str
    serial: str | None
    expiry: str | None
    visit_id: str
    visit_started_at: datetime
    visit_status: str
    practitioner: str
    patient_id: str
    patient_name: str
    date_of_birth: str
    phone: str
    email: str
