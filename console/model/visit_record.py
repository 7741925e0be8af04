"""A visit as it was recorded: the read model for the summary, the sheet, records and export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class PassRecord:
    number: int
    started_at: datetime
    ended_at: datetime
    duration_s: float
    depth_mm: Decimal
    direction: str


@dataclass(frozen=True)
class DepthChangeRecord:
    at: datetime
    from_mm: Decimal
    to_mm: Decimal
    reason: str


@dataclass(frozen=True)
class AreaRecord:
    id: str
    position: int
    zone_id: str
    zone_name: str
    concern: str
    depth_mm: Decimal  # planned
    target_passes: int
    outside_typical_reason: str
    endpoint: str | None
    started_at: datetime | None
    ended_at: datetime | None
    passes: tuple[PassRecord, ...]
    depth_changes: tuple[DepthChangeRecord, ...]

    @property
    def treated_seconds(self) -> float:
        return sum(p.duration_s for p in self.passes)

    @property
    def depths_used(self) -> tuple[Decimal, ...]:
        seen: list[Decimal] = []
        for p in self.passes:
            if p.depth_mm not in seen:
                seen.append(p.depth_mm)
        return tuple(seen) or (self.depth_mm,)


@dataclass(frozen=True)
class CartridgeRecord:
    id: str
    cartridge_type_id: str
    needle_count: int
    gtin: str | None
    lot: str
    expiry: date
    serial: str | None
    entry: str
    seal_intact: bool
    # A label without a serial: the practitioner confirmed a new sealed cartridge (issue 11).
    sealed_new_confirmed: bool = False


@dataclass(frozen=True)
class ConsumableRecord:
    id: str
    kind: str  # gel / numbing
    product: str
    lot: str
    occluded: bool
    wait_minutes: int | None
    applied_at: datetime | None
    removed_at: datetime | None


@dataclass(frozen=True)
class ScreeningAnswerRecord:
    item_id: str
    item_text: str
    kind: str
    answer: str
    event_date: date | None
    safe_from: date | None
    note: str
    # Who cleared a needs-clearance item, how and when; the answer a prompt was given.
    cleared_by_name: str = ""
    cleared_by_role: str = ""
    clearance_method: str = ""
    cleared_on: date | None = None
    prompt_answer: str = ""


@dataclass(frozen=True)
class AmendmentRecord:
    at: datetime
    by_name: str
    field: str
    old_value: str
    new_value: str
    reason: str


@dataclass(frozen=True)
class VisitRecord:
    id: str
    patient_id: str
    patient_name: str
    patient_dob: date | None  # None once an erasure request anonymised the patient
    practitioner_id: str
    practitioner_name: str
    protocol_version: int
    status: str  # open / completed / stopped
    step: str
    device_id: str | None
    series_number: int | None
    started_at: datetime
    ended_at: datetime | None
    completed_at: datetime | None
    notes: str
    adverse_events: str
    stop_reason: str
    skin_cleansed_at: datetime | None
    areas: tuple[AreaRecord, ...]
    cartridges: tuple[CartridgeRecord, ...]
    consumables: tuple[ConsumableRecord, ...]
    screening: tuple[ScreeningAnswerRecord, ...]
    amendments: tuple[AmendmentRecord, ...]
    # The patient's own language code, None for "the clinic's" (patients.preferred_language).
    patient_language: str | None = None

    @property
    def total_passes(self) -> int:
        return sum(len(a.passes) for a in self.areas)

    @property
    def treated_seconds(self) -> float:
        return sum(a.treated_seconds for a in self.areas)
