"""Aftercare rules turned into the patient's own dates and times, in the clinic's timezone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, format_skeleton, format_time

from console.model.protocol import AftercareRule
from console.settings.clinic_time import zone_named

DEFAULT_LOCALE = "en_GB"
# "Wed 25 Nov, 15:40": short enough for a table cell, unambiguous within the fortnight that
# the rules span. en_US gets its own clock ("3:40 PM") from Babel's locale data.
_SKELETON_24H = "EEE d MMM, HH:mm"
_SKELETON_12H = "EEE d MMM, h:mm a"
_SKELETON_US = "EEE MMM d, h:mm a"  # "Wed Nov 25, 3:40 PM"
_LONG_DATE = "EEEE d MMMM y"
_LONG_DATE_US = "EEEE, MMMM d, y"


# The sheet's zone comes from the one resolver (unknown name: UTC and a logged warning);
# kept under this name for content.py and archive.py, which call timeline.clinic_zone.
clinic_zone = zone_named


@dataclass(frozen=True)
class TimelineEntry:
    """One rule with its real start and end, as local times in the clinic's timezone."""

    rule: AftercareRule
    starts: datetime
    ends: datetime | None
    starts_now: bool  # the rule applies from the moment the visit ended

    @property
    def section(self) -> str:
        return self.rule.section

    @property
    def text(self) -> str:
        return self.rule.text


def at_offset(visit_end: datetime, hours: float, zone: ZoneInfo) -> datetime:
    """The local time ``hours`` of real elapsed time after ``visit_end``.

    Offsets are added in UTC, then shown in the clinic's zone: skin heals on elapsed time, not
    on wall-clock time, so "24 h" from 15:40 the Saturday before the clocks go back in autumn
    ends at 14:40 on Sunday (and at 16:40 across the spring change). Adding hours to a local
    wall time instead would be an hour off on those two weekends a year.
    """
    if visit_end.tzinfo is None:
        raise ValueError("visit_end must be timezone-aware")
    return (visit_end.astimezone(ZoneInfo("UTC")) + timedelta(hours=hours)).astimezone(zone)


def build_timeline(
    rules: tuple[AftercareRule, ...], visit_end: datetime, zone: ZoneInfo
) -> tuple[TimelineEntry, ...]:
    """Every rule with concrete local times, in the order a patient lives them."""
    entries = [
        TimelineEntry(
            rule=rule,
            starts=at_offset(visit_end, rule.from_h, zone),
            ends=None if rule.until_h is None else at_offset(visit_end, rule.until_h, zone),
            starts_now=rule.from_h <= 0,
        )
        for rule in rules
    ]
    # Stable sort: rules starting together keep the clinic's own order.
    far = datetime.max.replace(tzinfo=zone)
    entries.sort(key=lambda e: (e.starts, e.ends or far))
    return tuple(entries)


def _uses_12h(locale: str) -> bool:
    return locale.replace("-", "_") in ("en_US", "en_CA", "en_AU", "en_PH")


def _month_first(locale: str) -> bool:
    return locale.replace("-", "_") in ("en_US", "en_PH")


def _english(locale: str) -> bool:
    return locale.replace("-", "_").split("_")[0].lower() == "en"


def format_moment(dt: datetime, locale: str = DEFAULT_LOCALE) -> str:
    """E.g. "Wed 25 Nov, 15:40" (en_GB), "mié, 25 nov, 15:40" (es_ES) for a local datetime."""
    if not _english(locale):
        # Other languages: CLDR's own day-month order and its way of joining date and time.
        joined = str(Locale.parse(locale).datetime_formats["medium"])
        day = format_skeleton("MMMEd", dt, tzinfo=dt.tzinfo, locale=locale)
        clock = format_time(dt, "short", tzinfo=dt.tzinfo, locale=locale)
        return joined.replace("{1}", day).replace("{0}", clock)
    if _month_first(locale):
        skeleton = _SKELETON_US
    else:
        skeleton = _SKELETON_12H if _uses_12h(locale) else _SKELETON_24H
    return format_datetime(dt, skeleton, tzinfo=dt.tzinfo, locale=locale)


def format_long_date(day: date, locale: str = DEFAULT_LOCALE) -> str:
    """E.g. "Tuesday 12 January 2027", "martes, 12 de enero de 2027"."""
    if not _english(locale):
        return format_date(day, "full", locale=locale)
    return format_date(day, _LONG_DATE_US if _month_first(locale) else _LONG_DATE, locale=locale)


def format_clock(dt: datetime, locale: str = DEFAULT_LOCALE) -> str:
    if not _english(locale):
        return format_time(dt, "short", tzinfo=dt.tzinfo, locale=locale)
    return format_datetime(
        dt, "h:mm a" if _uses_12h(locale) else "HH:mm", tzinfo=dt.tzinfo, locale=locale
    )


def when_text(entry: TimelineEntry, locale: str = DEFAULT_LOCALE) -> str:
    """The "when" of a rule in words: "Until Wed 25 Nov, 15:40", "From …", "From … until …"."""
    if entry.starts_now:
        if entry.ends is None:
            return "From now on"
        return f"Until {format_moment(entry.ends, locale)}"
    start = format_moment(entry.starts, locale)
    if entry.ends is None:
        return f"From {start}"
    return f"From {start} until {format_moment(entry.ends, locale)}"


def next_session_date(visit_end: datetime, interval_weeks: int, zone: ZoneInfo) -> date:
    """The recommended day of the next session: the visit's local date plus the interval."""
    local_day = visit_end.astimezone(zone).date()
    return local_day + timedelta(weeks=interval_weeks)
