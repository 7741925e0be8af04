"""When consent must be asked: pure rules over what is on record, the policy and the date.

A consent covers a visit when it was signed for the template now in use, under the same
material version, within the validity period (or, if the clinic chose so, in this series), and
no withdrawal came after it. Every answer carries the reason in words, for the screen.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from console.errors import DomainError
from console.model.consent_templates import Template

RENEW_MONTHS = "months"
RENEW_SERIES = "series"


@dataclass(frozen=True)
class Policy:
    valid_months: int = 12
    renew: str = RENEW_MONTHS  # "months": after valid_months; "series": also at each new series

    def __post_init__(self) -> None:
        if not 1 <= self.valid_months <= 120:
            raise DomainError("Consent validity is 1 to 120 months.", "consent.valid_months")
        if self.renew not in (RENEW_MONTHS, RENEW_SERIES):
            raise DomainError(
                "Renew consent after a period or at each new series.", "consent.renew"
            )


@dataclass(frozen=True)
class SignedConsent:
    """One signed consent as kept on record (rows are never changed; withdrawal is its own row)."""

    id: str
    patient_id: str
    visit_id: str | None
    template_id: str
    library_version: int
    material_version: int
    language: str
    text_sha256: str
    choices: dict[str, bool]
    signer_name: str
    signed_at: datetime
    practitioner_id: str
    witness_name: str
    room: str
    pdf_path: str
    pdf_sha256: str
    withdrawn_at: datetime | None = None
    withdrawn_reason: str = ""


@dataclass(frozen=True)
class VisitFacts:
    id: str
    patient_id: str
    series_number: int
    started_at: datetime


@dataclass(frozen=True)
class Coverage:
    covered: bool
    reason: str
    consent: SignedConsent | None = None
    valid_until: date | None = None


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def valid_until(consent: SignedConsent, policy: Policy, zone: ZoneInfo) -> date:
    """The last clinic-local day on which ``consent`` still counts (period rule only).

    Twelve months from 24 Nov run to 23 Nov: on the anniversary it is asked again.
    """
    signed = consent.signed_at.astimezone(zone).date()
    return add_months(signed, policy.valid_months) - timedelta(days=1)


def _day(at: datetime, zone: ZoneInfo) -> str:
    return f"{at.astimezone(zone):%d %b %Y}"


def coverage(
    consents: list[SignedConsent],
    template: Template,
    visit: VisitFacts,
    policy: Policy,
    now: datetime,
    zone: ZoneInfo,
) -> Coverage:
    """Whether a consent on record covers ``visit`` for ``template``, and why (or why not)."""
    mine = [
        c for c in consents if c.template_id == template.id and c.patient_id == visit.patient_id
    ]
    if not mine:
        return Coverage(False, "No consent on record for this patient: ask for it now.")
    latest = max(mine, key=lambda c: c.signed_at)
    withdrawals = [c.withdrawn_at for c in mine if c.withdrawn_at is not None]
    if latest.withdrawn_at is not None or any(w > latest.signed_at for w in withdrawals):
        when = max(w for w in withdrawals)
        return Coverage(False, f"Consent was withdrawn on {_day(when, zone)}: a new one is needed.")
    if latest.material_version != template.material_version:
        return Coverage(
            False,
            f"The consent text has changed since it was signed (version "
            f"{latest.material_version} then, {template.material_version} now): ask again.",
        )
    until = valid_until(latest, policy, zone)
    if now.astimezone(zone).date() > until:
        return Coverage(False, f"The last consent expired on {until:%d %b %Y}: ask again.")
    signed_here = latest.visit_id == visit.id
    if (
        policy.renew == RENEW_SERIES
        and visit.series_number == 1
        and not signed_here
        and latest.signed_at < visit.started_at
    ):
        return Coverage(False, "This visit starts a new series, and consent is renewed per series.")
    how = "signed during this visit" if signed_here else f"signed on {_day(latest.signed_at, zone)}"
    return Coverage(
        True,
        f"Consent on record: {how} by {latest.signer_name}, valid until {until:%d %b %Y}.",
        latest,
        until,
    )


def state(
    consent: SignedConsent,
    newer_exists: bool,
    template: Template | None,
    policy: Policy,
    now: datetime,
    zone: ZoneInfo,
) -> str:
    """A consent's state in words for the patient's record."""
    if consent.withdrawn_at is not None:
        return f"withdrawn {_day(consent.withdrawn_at, zone)}: {consent.withdrawn_reason}"
    if newer_exists:
        return "superseded"
    if template is not None and template.material_version != consent.material_version:
        return "text changed since; not valid"
    until = valid_until(consent, policy, zone)
    if now.astimezone(zone).date() > until:
        return f"expired {until:%d %b %Y}"
    return f"valid until {until:%d %b %Y}"
