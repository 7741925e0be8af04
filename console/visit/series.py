"""The series rule: sessions belong to one series while no gap exceeds twice the interval.

The visit numbers a new session with it, and Records finds the current series with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TypeVar

# A gap longer than this many intervals starts a new series.
NEW_SERIES_AFTER_INTERVALS = 2

When = TypeVar("When", date, datetime)


def linked_sessions(earlier: Sequence[When], since: When, interval_weeks: int) -> int:
    """How many of ``earlier`` (latest first) chain back from ``since`` without a long gap."""
    gap = timedelta(weeks=NEW_SERIES_AFTER_INTERVALS * interval_weeks)
    count, previous = 0, since
    for moment in earlier:
        if previous - moment > gap:
            break
        count += 1
        previous = moment
    return count


def series_number(completed_ends: Sequence[datetime], now: datetime, interval_weeks: int) -> int:
    """Which session of the series a visit started ``now`` is (ends: latest first)."""
    return 1 + linked_sessions(completed_ends, now, interval_weeks)
