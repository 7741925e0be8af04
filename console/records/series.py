"""Where a patient stands in their treatment series: done, next due, overdue.

The plan (sessions, interval) comes from the protocol version of the patient's last completed
visit, so a later edit of the library does not rewrite what an earlier series promised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from console.model.protocol import SeriesPlan
from console.visit.series import linked_sessions

STATES = ("not_started", "upcoming", "due", "overdue", "complete")


@dataclass(frozen=True)
class SeriesStatus:
    state: str  # one of STATES
    sessions_planned: int
    interval_weeks: int
    done: int  # completed sessions in the current series
    series_dates: tuple[date, ...]  # the current series' completed sessions
    last_visit: date | None
    next_due: date | None  # None when the series is complete or not started
    maintenance: str
    protocol_version: int | None

    @property
    def remaining(self) -> int:
        return max(0, self.sessions_planned - self.done)

    @property
    def planned_dates(self) -> tuple[date, ...]:
        """Next due and the sessions after it, one interval apart (for the timeline)."""
        if self.next_due is None:
            return ()
        step = timedelta(weeks=self.interval_weeks)
        return tuple(self.next_due + i * step for i in range(self.remaining))

    def describe(self) -> str:
        if self.state == "not_started":
            return "No completed session yet."
        head = f"Session {self.done} of {self.sessions_planned} done"
        if self.state == "complete":
            return f"Series complete ({self.done} sessions). {self.maintenance}".strip()
        assert self.next_due is not None
        when = self.next_due.strftime("%a %d %b %Y")
        words = {"upcoming": "next due", "due": "due now:", "overdue": "OVERDUE since"}
        return f"{head}; {words[self.state]} {when}"


def current_series(
    visit_days: Sequence[date], series_numbers: Sequence[int | None], plan: SeriesPlan
) -> tuple[date, ...]:
    """The completed sessions (oldest first) that make up the patient's current series."""
    if not visit_days:
        return ()
    last_number = series_numbers[-1] if series_numbers else None
    if last_number is not None and last_number >= 1:
        # The visit service numbered the sessions when they were started: trust it.
        return tuple(visit_days[-last_number:])
    earlier = visit_days[-2::-1]
    return tuple(visit_days[-1 - linked_sessions(earlier, visit_days[-1], plan.interval_weeks) :])


def status(
    visit_days: Sequence[date],
    series_numbers: Sequence[int | None],
    plan: SeriesPlan,
    *,
    today: date,
    protocol_version: int | None,
    due_window_days: int = 7,
) -> SeriesStatus:
    """Series status from the completed visits' days (oldest first) and their series numbers.

    ``due`` means the next session falls within ``due_window_days`` from today (or today);
    ``overdue`` means its date has passed.
    """
    sessions = current_series(visit_days, series_numbers, plan)
    # The visit's own series number counts sessions whose dates may not all be passed in.
    last_number = series_numbers[-1] if series_numbers else None
    done = last_number if last_number is not None and last_number >= 1 else len(sessions)
    last = visit_days[-1] if visit_days else None

    def make(state: str, next_due: date | None) -> SeriesStatus:
        return SeriesStatus(
            state=state,
            sessions_planned=plan.sessions,
            interval_weeks=plan.interval_weeks,
            done=done,
            series_dates=sessions,
            last_visit=last,
            next_due=next_due,
            maintenance=plan.maintenance,
            protocol_version=protocol_version,
        )

    if last is None:
        return make("not_started", None)
    if done >= plan.sessions:
        return make("complete", None)
    next_due = last + timedelta(weeks=plan.interval_weeks)
    if next_due < today:
        state = "overdue"
    elif next_due <= today + timedelta(days=due_window_days):
        state = "due"
    else:
        state = "upcoming"
    return make(state, next_due)
