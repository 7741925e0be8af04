"""What the aftercare sheet says, as plain data: built from the visit, its protocol and settings.

Kept apart from the PDF layout so the words and dates can be tested (and reused by a screen)
without reading a PDF.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from babel import Locale, UnknownLocaleError

from console.aftercare import timeline
from console.errors import DomainError
from console.protocol import Protocol
from console.visit_record import VisitRecord


@dataclass(frozen=True)
class Clinic:
    """The clinic as the sheet shows it; built from ``settings_repo.get_all(db)``."""

    name: str
    address: str = ""
    phone: str = ""
    website: str = ""
    booking_url: str = ""
    logo_path: str = ""
    timezone: str = "Europe/London"
    paper: str = "A4"
    locale: str = timeline.DEFAULT_LOCALE

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> Clinic:
        def text(key: str, default: str = "") -> str:
            value = values.get(key, default)
            return default if value is None else str(value).strip()

        paper = text("clinic.paper", "A4")
        if paper.lower() not in ("a4", "letter"):
            raise DomainError(f"Paper size {paper!r}: choose A4 or Letter.", field="clinic.paper")
        locale = text("clinic.locale", timeline.DEFAULT_LOCALE) or timeline.DEFAULT_LOCALE
        try:
            Locale.parse(locale.replace("-", "_"))
        except (UnknownLocaleError, ValueError) as exc:
            raise DomainError(
                f"Language for dates {locale!r} is not known: use a code like en_GB or en_US.",
                field="clinic.locale",
            ) from exc
        return cls(
            name=text("clinic.name") or "Your clinic",
            address=text("clinic.address"),
            phone=text("clinic.phone"),
            website=text("clinic.website"),
            booking_url=text("clinic.booking_url"),
            logo_path=text("clinic.logo_path"),
            timezone=text("clinic.timezone", "Europe/London") or "Europe/London",
            paper="Letter" if paper.lower() == "letter" else "A4",
            locale=locale.replace("-", "_"),
        )


@dataclass(frozen=True)
class SeriesText:
    session_number: int | None
    sessions: int
    interval_weeks: int
    next_date: date | None  # None once the planned series is complete
    maintenance: str


@dataclass(frozen=True)
class SheetContent:
    clinic: Clinic
    patient_name: str
    visit_start: datetime  # local, clinic timezone
    visit_end: datetime  # local, clinic timezone
    practitioner_name: str
    areas: tuple[str, ...]
    timeline: tuple[timeline.TimelineEntry, ...]
    what_to_expect: tuple[str, ...]
    red_flags: tuple[str, ...]
    series: SeriesText
    sample: bool = False

    @property
    def locale(self) -> str:
        return self.clinic.locale

    def visit_when(self) -> str:
        """E.g. "Tuesday 24 November 2026, 13:10 to 14:00"."""
        day = timeline.format_long_date(self.visit_start.date(), self.locale)
        start = timeline.format_clock(self.visit_start, self.locale)
        end = timeline.format_clock(self.visit_end, self.locale)
        if self.visit_end.date() != self.visit_start.date():
            end = timeline.format_moment(self.visit_end, self.locale)
        return f"{day}, {start} to {end}"

    def areas_text(self) -> str:
        return join_words(self.areas) if self.areas else "—"

    def series_lines(self) -> list[str]:
        s = self.series
        lines: list[str] = []
        if s.session_number is not None:
            lines.append(f"This was session {s.session_number} of {s.sessions}.")
        else:
            lines.append(
                f"The best results usually come from {s.sessions} sessions, "
                f"{s.interval_weeks} weeks apart."
            )
        if s.next_date is not None:
            day = timeline.format_long_date(s.next_date, self.locale)
            lines.append(
                f"Your next session is recommended on or around {day} "
                f"({s.interval_weeks} weeks after this one)."
            )
        elif s.session_number is not None:
            lines.append("This completes the planned series.")
        if s.maintenance:
            lines.append(s.maintenance)
        return lines


def join_words(items: tuple[str, ...] | list[str]) -> str:
    """E.g. "Cheeks, Forehead and Neck"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_PARENS = re.compile(r"\s*\([^)]*\)")


def plain_area_name(protocol: Protocol, zone_id: str, recorded_name: str) -> str:
    """The words a patient understands for a zone.

    A zone in the protocol JSON may carry ``plain_name`` ("Around the eyes"); otherwise the
    name recorded with the visit is used without its clinical parenthesis.
    """
    for z in protocol.body.get("zones", ()):
        if isinstance(z, dict) and z.get("id") == zone_id and z.get("plain_name"):
            return str(z["plain_name"])
    return _PARENS.sub("", recorded_name).strip() or recorded_name


def visit_end_of(record: VisitRecord) -> datetime:
    end = record.ended_at or record.completed_at
    if end is None:
        raise DomainError("The visit is not finished yet: the sheet's times start at its end.")
    return end


def build_content(
    record: VisitRecord, protocol: Protocol, clinic: Clinic, *, sample: bool = False
) -> SheetContent:
    zone = timeline.clinic_zone(clinic.timezone)
    end = visit_end_of(record)
    series = protocol.series
    number = record.series_number
    more_to_come = number is None or number < series.sessions
    areas: list[str] = []
    for a in record.areas:
        name = plain_area_name(protocol, a.zone_id, a.zone_name)
        if name not in areas:  # the same zone twice (two concerns) is one area to the patient
            areas.append(name)
    return SheetContent(
        clinic=clinic,
        patient_name=record.patient_name,
        visit_start=record.started_at.astimezone(zone),
        visit_end=end.astimezone(zone),
        practitioner_name=record.practitioner_name,
        areas=tuple(areas),
        timeline=timeline.build_timeline(protocol.aftercare_rules, end, zone),
        what_to_expect=protocol.what_to_expect,
        red_flags=protocol.red_flags,
        series=SeriesText(
            session_number=number,
            sessions=series.sessions,
            interval_weeks=series.interval_weeks,
            next_date=timeline.next_session_date(end, series.interval_weeks, zone)
            if more_to_come
            else None,
            maintenance=series.maintenance,
        ),
        sample=sample,
    )
