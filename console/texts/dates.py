"""Dates and times written as a reader of a language writes them (Babel's CLDR data).

One place for every day and time a person reads outside the aftercare sheet (which has its own
longer forms in ``console.aftercare.timeline``): screens pass the clinic's UI locale, pages
for a patient the patient's. strftime's ``%b``/``%a`` would print English months and weekdays
whatever the language. English keeps the clinic's own locale: en_GB "25 Nov 2026", en_US
"Nov 25, 2026".
"""

from __future__ import annotations

from datetime import date, datetime

from babel import Locale
from babel.dates import format_skeleton, format_time

DEFAULT_LOCALE = "en_GB"


def day(d: date, locale: str = DEFAULT_LOCALE) -> str:
    """ "25 Nov 2026", "25. Nov. 2026", "25 نوفمبر 2026"."""
    return str(format_skeleton("yMMMd", d, locale=locale))


def weekday_day(d: date, locale: str = DEFAULT_LOCALE) -> str:
    """ "Wed, 25 Nov 2026", "Mi., 25. Nov. 2026"."""
    return str(format_skeleton("yMMMEd", d, locale=locale))


def _joined(dt: datetime, date_skeleton: str, time_length: str, locale: str) -> str:
    # CLDR's own way of joining a date and a time in this language ("{1}, {0}", "{1} {0}" …).
    joined = str(Locale.parse(locale).datetime_formats["medium"])
    shown = format_skeleton(date_skeleton, dt, tzinfo=dt.tzinfo, locale=locale)
    clock = format_time(dt, time_length, tzinfo=dt.tzinfo, locale=locale)
    return joined.replace("{1}", shown).replace("{0}", clock)


def day_time(dt: datetime, locale: str = DEFAULT_LOCALE, *, seconds: bool = False) -> str:
    """ "25 Nov 2026, 15:40", "25.11.2026, 15:40:12"; the clock as the locale has it
    (en_US "3:40 PM"). ``dt`` is shown in its own zone: convert it first."""
    return _joined(dt, "yMMMd", "medium" if seconds else "short", locale)


def weekday_day_time(dt: datetime, locale: str = DEFAULT_LOCALE) -> str:
    """ "Wed, 25 Nov 2026, 15:40", "Mi., 25. Nov. 2026, 15:40"."""
    return _joined(dt, "yMMMEd", "short", locale)
