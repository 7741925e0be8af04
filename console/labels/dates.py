"""Dates on cartridge labels: GS1's YYMMDD with day 00, and a sentence saying what is wrong.

Shared by the GS1 reader (``labels.py``), the HIBC reader (``hibc.py``) and the expiry typed
by hand, so every date refusal names its fault the same way ("month 13").
"""

from __future__ import annotations

import calendar
from datetime import date

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_problem(year: int, month: int, day: int | None = None) -> str | None:
    """What makes year/month/day not a date ("month 13", "day 31 in April"); None if it is one.

    ``day`` None means a month-only date, which is always a real day (the month's last).
    """
    if not 1 <= month <= 12:
        return f"month {month:02d}"
    if day is None:
        return None
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    if month == 2 and day == 29:
        return f"day 29 in February {year}, not a leap year"
    if day == 0:
        return "day 00"
    return f"day {day:02d} in {_MONTH_NAMES[month - 1]}, which has {days} days"


def last_day(year: int, month: int) -> date:
    """The month's last day; ValueError on a month that does not exist."""
    return date(year, month, calendar.monthrange(year, month)[1])


class BadDate(ValueError):
    """A date field that is not a date; ``problem`` is the short reason ("month 13")."""

    def __init__(self, text: str, problem: str) -> None:
        super().__init__(f"{text}: {problem}")
        self.text = text
        self.problem = problem


def checked_date(text: str, year: int, month: int, day: int | None) -> date:
    """The date, or BadDate naming what is wrong with ``text``; day None is the month's last."""
    problem = date_problem(year, month, day)
    if problem is not None:
        raise BadDate(text, problem)
    return last_day(year, month) if day is None else date(year, month, day)
