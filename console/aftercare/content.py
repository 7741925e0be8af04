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
from console.aftercare.timeline import TimelineEntry
from console.errors import DomainError
from console.model.protocol import Protocol
from console.model.visit_record import VisitRecord
from console.texts import languages as language_texts
from console.texts.languages import Resolved, Texts


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
    language: str = "en"  # the clinic's language: the default of every patient's

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
            language=language_texts.clinic_language(values),
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
    texts: Texts  # the patient's language, with the clinic's edits
    date_locale: str  # Babel locale of that language
    sample: bool = False

    @property
    def locale(self) -> str:
        return self.date_locale

    @property
    def rtl(self) -> bool:
        return self.texts.rtl

    def say(self, english: str) -> Resolved:
        """A text of the clinic's protocol (rule, red flag, area …) in the patient's language."""
        return self.texts.protocol(english)

    def visit_when(self) -> str:
        """E.g. "Tuesday 24 November 2026, 13:10 to 14:00"."""
        day = timeline.format_long_date(self.visit_start.date(), self.locale)
        start = timeline.format_clock(self.visit_start, self.locale)
        end = timeline.format_clock(self.visit_end, self.locale)
        if self.visit_end.date() != self.visit_start.date():
            end = timeline.format_moment(self.visit_end, self.locale)
        return self.texts("sheet.visit_when", day=day, start=start, end=end)

    def when(self, entry: TimelineEntry) -> str:
        """The "when" of a rule in words: "Until Wed 25 Nov, 15:40", "From …", "From … until …"."""
        t = self.texts
        if entry.starts_now:
            if entry.ends is None:
                return t("when.from_now")
            return t("when.until", end=timeline.format_moment(entry.ends, self.locale))
        start = timeline.format_moment(entry.starts, self.locale)
        if entry.ends is None:
            return t("when.from", start=start)
        return t(
            "when.from_until", start=start, end=timeline.format_moment(entry.ends, self.locale)
        )

    def areas_text(self) -> str:
        if not self.areas:
            return "—"
        names = [self.say(a).text for a in self.areas]
        t = self.texts
        return join_words(names, t.resolve("sheet.and").text, t.resolve("sheet.comma").text)

    def series_lines(self) -> list[Resolved]:
        s, t = self.series, self.texts
        lines: list[Resolved] = []

        def add(key: str, **values: object) -> None:
            lines.append(Resolved(t(key, **values), t.resolve(key).state))

        beyond = s.session_number is not None and s.session_number > s.sessions
        if beyond:
            # A session past the plan (deep scarring may need more): never "4 of 3".
            add("series.beyond", number=s.session_number, sessions=s.sessions)
        elif s.session_number is not None:
            add("series.session", number=s.session_number, sessions=s.sessions)
        else:
            add("series.best", sessions=s.sessions, weeks=s.interval_weeks)
        if s.next_date is not None:
            day = timeline.format_long_date(s.next_date, self.locale)
            add("series.next", day=day, weeks=s.interval_weeks)
        elif s.session_number is not None and not beyond:
            add("series.complete")
        if s.maintenance:
            lines.append(self.say(s.maintenance))
        return lines


def join_words(items: tuple[str, ...] | list[str], and_: str = " and ", comma: str = ", ") -> str:
    """E.g. "Cheeks, Forehead and Neck"; "额头、脸颊和颈部" with Chinese separators."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    # The joiner carries its own spaces: " and ", "和" (Chinese), " و" (joined to the word).
    return comma.join(items[:-1]) + and_ + items[-1]


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


def texts_for(
    record: VisitRecord, clinic: Mapping[str, Any] | Clinic, language: str | None = None
) -> tuple[Clinic, Texts]:
    """The clinic and the texts a patient's papers use: ``language`` if asked for, else the
    patient's preferred one, else the clinic's; with the clinic's edits from its settings."""
    details = clinic if isinstance(clinic, Clinic) else Clinic.from_settings(clinic)
    settings: Mapping[str, Any] = {} if isinstance(clinic, Clinic) else clinic
    code = language or record.patient_language or details.language
    return details, language_texts.load(code, settings)


def visit_end_of(record: VisitRecord) -> datetime:
    end = record.ended_at or record.completed_at
    if end is None:
        raise DomainError("The visit is not finished yet: the sheet's times start at its end.")
    return end


def build_content(
    record: VisitRecord,
    protocol: Protocol,
    clinic: Clinic,
    *,
    sample: bool = False,
    texts: Texts | None = None,
) -> SheetContent:
    """The sheet's words; ``texts`` is the patient's language (default: the clinic's)."""
    texts = texts or language_texts.load(clinic.language)
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
        texts=texts,
        date_locale=language_texts.locale_for(texts.language.code, clinic.locale),
        sample=sample,
    )
