"""Chart data for a patient's history: plain numbers the UI hands to pyqtgraph as they are.

x values are POSIX seconds of the visit's start (what pyqtgraph's DateAxisItem expects).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from console.records.history import PatientHistory


@dataclass(frozen=True)
class ChartSeries:
    label: str  # zone name
    key: str  # zone id
    x: tuple[float, ...]
    y: tuple[float, ...]


@dataclass(frozen=True)
class TimelinePoint:
    x: float
    day: date
    kind: str  # done / next_due / planned
    label: str
    number: int  # the session's number in the series


def _zone_series(history: PatientHistory, value: str) -> list[ChartSeries]:
    """One series per zone, in the order zones first appear; completed visits only."""
    points: dict[str, tuple[str, list[float], list[float]]] = {}
    for visit in history.completed:
        x = visit.started_at.timestamp()
        for area in visit.areas:
            if area.zone_id not in points:
                points[area.zone_id] = (area.zone_name, [], [])
            _, xs, ys = points[area.zone_id]
            if value == "depth":
                y = area.max_mm
            elif value == "minutes":
                y = round(area.seconds / 60.0, 2)
            else:
                y = float(area.passes)
            if xs and xs[-1] == x:  # a zone twice in one visit: add time/passes, keep max depth
                ys[-1] = max(ys[-1], y) if value == "depth" else ys[-1] + y
            else:
                xs.append(x)
                ys.append(y)
    return [ChartSeries(name, key, tuple(xs), tuple(ys)) for key, (name, xs, ys) in points.items()]


def depth_by_zone(history: PatientHistory) -> list[ChartSeries]:
    """Deepest depth (mm) used per zone at each visit."""
    return _zone_series(history, "depth")


def minutes_by_zone(history: PatientHistory) -> list[ChartSeries]:
    """Needling time (minutes, sum of pass durations) per zone at each visit."""
    return _zone_series(history, "minutes")


def passes_by_zone(history: PatientHistory) -> list[ChartSeries]:
    """Number of passes per zone at each visit."""
    return _zone_series(history, "passes")


def _noon(day: date) -> float:
    return datetime.combine(day, time(12, 0), tzinfo=UTC).timestamp()


def timeline(history: PatientHistory) -> list[TimelinePoint]:
    """The current series: sessions done, the next one due (or overdue) and those after it."""
    s = history.series
    points = [
        TimelinePoint(_noon(d), d, "done", f"Session {i} done {d:%d %b %Y}", i)
        for i, d in enumerate(s.series_dates, start=1)
    ]
    for i, d in enumerate(s.planned_dates):
        number = s.done + 1 + i
        if i == 0:
            word = "overdue since" if s.state == "overdue" else "due"
            label = f"Session {number} {word} {d:%d %b %Y}"
            points.append(TimelinePoint(_noon(d), d, "next_due", label, number))
        else:
            label = f"Session {number} planned {d:%d %b %Y}"
            points.append(TimelinePoint(_noon(d), d, "planned", label, number))
    return points
