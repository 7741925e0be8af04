"""Time sources. Wall time is UTC and aware; durations use the monotonic clock.

The domain takes a ``Clock`` as a parameter so tests control time and so that a pass's
duration is immune to the PC's clock being changed (NTP, daylight saving, a curious user).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


class FixedClock:
    """Wall time stopped at one instant already taken (a backup audited at the time its file
    is named after, a restore at the time the user asked for it); durations stay real."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at

    def now(self) -> datetime:
        return self._at

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to; for tests and scripted demos."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        from datetime import timedelta

        self._now += timedelta(seconds=seconds)
        self._mono += seconds


def iso(dt: datetime) -> str:
    """Store format: UTC ISO-8601 with offset."""
    if dt.tzinfo is None:
        raise ValueError("naive datetimes are not stored")
    return dt.astimezone(UTC).isoformat()


def parse_iso(text: str) -> datetime:
    dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        raise ValueError(f"stored time without offset: {text!r}")
    return dt
