"""Finding, registering and updating patients, with the duplicate guard and the audit trail."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from console.clock import parse_iso
from console.context import AppContext
from console.data import patients_repo
from console.errors import DomainError, NotFound
from console.patients import fields as pf

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class PatientForm:
    """The register/edit form as typed: every field a string (or a value from a picker)."""

    full_name: str = ""
    date_of_birth: str | date = ""
    phone: str = ""
    email: str = ""
    fitzpatrick: str | int | None = None
    allergies: str = ""
    notes: str = ""
    preferred_language: str = ""  # a language code; empty for the clinic's language


@dataclass(frozen=True)
class PatientDetails:
    """A validated form, ready to be stored."""

    full_name: str
    date_of_birth: date
    phone: str
    email: str
    fitzpatrick: int | None
    allergies: str
    notes: str
    preferred_language: str | None = None  # None: the clinic's language


@dataclass(frozen=True)
class Patient:
    id: str
    full_name: str
    date_of_birth: date
    phone: str
    email: str
    fitzpatrick: int | None
    allergies: str
    notes: str
    created_at: datetime
    updated_at: datetime
    preferred_language: str | None = None  # None: the clinic's language

    def age_on(self, today: date) -> int:
        born = self.date_of_birth
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))

    @property
    def fitzpatrick_roman(self) -> str:
        return pf.ROMAN[self.fitzpatrick - 1] if self.fitzpatrick else ""


@dataclass(frozen=True)
class SearchHit:
    id: str
    full_name: str
    date_of_birth: date
    phone: str
    email: str
    last_visit: datetime | None


@dataclass(frozen=True)
class VisitGlance:
    """One line of the history at a glance."""

    visit_id: str
    started_at: datetime
    status: str
    step: str
    practitioner: str
    areas: tuple[tuple[str, float, int], ...]  # (zone name, planned depth mm, passes)


class FormErrors(DomainError):
    """Several fields were refused at once; ``errors`` maps each field to its message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        first = next(iter(errors))
        super().__init__(errors[first], first)
        self.errors = dict(errors)


class PossibleDuplicate(DomainError):
    """A patient with the same name and birth date exists; ``matches`` are the candidates."""

    def __init__(self, matches: Iterable[Patient]) -> None:
        self.matches = tuple(matches)
        n = len(self.matches)
        super().__init__(
            "A patient with this name and date of birth already exists."
            if n == 1
            else f"{n} patients with this name and date of birth already exist.",
            "full_name",
        )


@dataclass
class _Collector:
    errors: dict[str, str] = field(default_factory=dict)

    def take(self, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except DomainError as e:
            self.errors.setdefault(e.field or "form", e.message)
            return None


def validate(form: PatientForm, today: date) -> PatientDetails:
    """Check every field; all refusals are reported together (``FormErrors``)."""
    c = _Collector()
    name = c.take(pf.clean_name, form.full_name)
    dob = c.take(pf.parse_date_of_birth, form.date_of_birth, today)
    phone = c.take(pf.clean_phone, form.phone)
    email = c.take(pf.clean_email, form.email)
    fitz = c.take(pf.parse_fitzpatrick, form.fitzpatrick)
    allergies = c.take(pf.clean_text, form.allergies, "allergies", 2000)
    notes = c.take(pf.clean_text, form.notes, "notes", 5000)
    language = c.take(pf.clean_language, form.preferred_language)
    if c.errors:
        raise FormErrors(c.errors)
    return PatientDetails(name, dob, phone, email, fitz, allergies, notes, language)


def _patient(row: Mapping[str, Any]) -> Patient:
    return Patient(
        id=row["id"],
        full_name=row["full_name"],
        date_of_birth=date.fromisoformat(row["date_of_birth"]),
        phone=row["phone"],
        email=row["email"],
        fitzpatrick=row["fitzpatrick"],
        allergies=row["allergies"],
        notes=row["notes"],
        created_at=parse_iso(row["created_at"]),
        updated_at=parse_iso(row["updated_at"]),
        preferred_language=row.get("preferred_language"),
    )


def _query_date(text: str) -> date | None:
    """The search text read as a full birth date, when it is one ("24.11.1990")."""
    stripped = text.strip()
    if not any(c.isdigit() for c in stripped) or len(stripped) < 8:
        return None
    try:
        return pf.parse_date(stripped)
    except DomainError:
        return None


class PatientService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    # -- reading -------------------------------------------------------------------------
    def get(self, patient_id: str) -> Patient:
        row = patients_repo.get(self.ctx.db, patient_id)
        if row is None:
            raise NotFound("That patient is not in this database.")
        return _patient(row)

    def open(self, patient_id: str) -> Patient:
        """Get a patient's record for display; opening health data is audited."""
        self.ctx.require_practitioner()
        patient = self.get(patient_id)
        self.ctx.audit("patient.open", entity="patient", entity_id=patient_id)
        return patient

    def search(self, text: str, *, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        rows = patients_repo.search(self.ctx.db, text, limit=limit, birth_date=_query_date(text))
        return [
            SearchHit(
                id=r["id"],
                full_name=r["full_name"],
                date_of_birth=date.fromisoformat(r["date_of_birth"]),
                phone=r["phone"],
                email=r["email"],
                last_visit=parse_iso(r["last_visit"]) if r["last_visit"] else None,
            )
            for r in rows
        ]

    def shared_with_other_rooms(self) -> bool:
        """Whether other rooms register patients in this list (the clinic's server); a
        room's own file changes only through this room, which refreshes what it changed."""
        return self.ctx.server is not None

    def list_marker(self) -> tuple[int, str]:
        """Changes whenever any room registers or edits a patient: poll this, not the search."""
        return patients_repo.change_marker(self.ctx.db)

    def history(self, patient_id: str, *, limit: int = 5) -> list[VisitGlance]:
        return [
            VisitGlance(
                visit_id=v["id"],
                started_at=parse_iso(v["started_at"]),
                status=v["status"],
                step=v["step"],
                practitioner=v["practitioner"],
                areas=tuple((a["zone_name"], a["depth_mm"], a["passes"]) for a in v["areas"]),
            )
            for v in patients_repo.recent_visits(self.ctx.db, patient_id, limit=limit)
        ]

    def find_duplicates(self, details: PatientDetails, *, exclude: str = "") -> list[Patient]:
        key = pf.name_key(details.full_name)
        return [
            _patient(r)
            for r in patients_repo.with_birth_date(self.ctx.db, details.date_of_birth)
            if r["id"] != exclude and pf.name_key(r["full_name"]) == key
        ]

    # -- writing -------------------------------------------------------------------------
    def register(self, form: PatientForm, *, different_from: Iterable[str] = ()) -> str:
        """Create a patient; refuses a likely twin unless the practitioner confirmed that
        each existing match (ids in ``different_from``) is a different person."""
        by = self.ctx.require_practitioner()
        details = validate(form, self.ctx.now().date())
        confirmed = set(different_from)
        with self.ctx.db.atomic():
            matches = self.find_duplicates(details)
            unconfirmed = [m for m in matches if m.id not in confirmed]
            if unconfirmed:
                raise PossibleDuplicate(unconfirmed)
            pid = patients_repo.insert(self.ctx.db, **_columns(details), now=self.ctx.now(), by=by)
            detail: dict[str, Any] = {"fields": sorted(_columns(details))}
            if matches:
                detail["confirmed_different_from"] = sorted(m.id for m in matches)
            self.ctx.audit(
                "patient.create",
                entity="patient",
                entity_id=pid,
                detail=detail,
            )
        return pid

    def update(
        self, patient_id: str, form: PatientForm, *, different_from: Iterable[str] = ()
    ) -> list[str]:
        """Save changed details; returns the names of the fields that changed."""
        self.ctx.require_practitioner()
        details = validate(form, self.ctx.now().date())
        current = self.get(patient_id)
        new = _columns(details)
        changed = [k for k, v in new.items() if getattr(current, k) != v]
        if not changed:
            return []
        with self.ctx.db.atomic():
            if {"full_name", "date_of_birth"} & set(changed):
                confirmed = set(different_from)
                twins = self.find_duplicates(details, exclude=patient_id)
                unconfirmed = [m for m in twins if m.id not in confirmed]
                if unconfirmed:
                    raise PossibleDuplicate(unconfirmed)
            patients_repo.update(
                self.ctx.db, patient_id, {k: new[k] for k in changed}, now=self.ctx.now()
            )
            # Field names only: the values are health data and the old ones stay in backups.
            self.ctx.audit(
                "patient.change", entity="patient", entity_id=patient_id, detail={"fields": changed}
            )
        return changed


def _columns(details: PatientDetails) -> dict[str, Any]:
    return {f.name: getattr(details, f.name) for f in fields(details)}


def form_from(patient: Patient) -> PatientForm:
    """The edit form pre-filled with a stored patient."""
    return PatientForm(
        full_name=patient.full_name,
        date_of_birth=patient.date_of_birth.strftime("%d.%m.%Y"),
        phone=patient.phone,
        email=patient.email,
        fitzpatrick=patient.fitzpatrick,
        allergies=patient.allergies,
        notes=patient.notes,
        preferred_language=patient.preferred_language or "",
    )
