"""Series status: done, next due, overdue, from the plan of the last visit's protocol version."""

from __future__ import annotations

from datetime import date, timedelta

from console.model.protocol import SeriesPlan
from console.records.series import current_series, status

PLAN = SeriesPlan(sessions=3, interval_weeks=7, maintenance="Once a year.")
TODAY = date(2026, 11, 24)


def test_no_visit_is_not_started() -> None:
    s = status([], [], PLAN, today=TODAY, protocol_version=None)
    assert s.state == "not_started" and s.next_due is None and s.done == 0


def test_next_session_is_one_interval_after_the_last() -> None:
    last = TODAY - timedelta(weeks=2)
    s = status([last], [1], PLAN, today=TODAY, protocol_version=1)
    assert s.state == "upcoming"
    assert s.next_due == last + timedelta(weeks=7)
    assert s.planned_dates == (last + timedelta(weeks=7), last + timedelta(weeks=14))
    assert "Session 1 of 3 done" in s.describe()


def test_due_within_the_window_and_overdue_after_the_date() -> None:
    due = status(
        [TODAY - timedelta(weeks=7) + timedelta(days=3)], [1], PLAN, today=TODAY, protocol_version=1
    )
    assert due.state == "due"
    today_exactly = status([TODAY - timedelta(weeks=7)], [1], PLAN, today=TODAY, protocol_version=1)
    assert today_exactly.state == "due"
    late = status([TODAY - timedelta(weeks=8)], [2], PLAN, today=TODAY, protocol_version=1)
    assert late.state == "overdue" and late.next_due == TODAY - timedelta(weeks=1)
    assert "OVERDUE" in late.describe()


def test_series_complete_after_the_planned_sessions() -> None:
    days = [TODAY - timedelta(weeks=w) for w in (20, 13, 6)]
    s = status(days, [1, 2, 3], PLAN, today=TODAY, protocol_version=1)
    assert s.state == "complete" and s.next_due is None and s.remaining == 0
    assert "Once a year" in s.describe()


def test_without_series_numbers_a_long_gap_starts_a_new_series() -> None:
    old = TODAY - timedelta(weeks=80)
    days = [old, old + timedelta(weeks=7), TODAY - timedelta(weeks=3)]
    assert current_series(days, [None, None, None], PLAN) == (days[2],)
    s = status(days, [None, None, None], PLAN, today=TODAY, protocol_version=1)
    assert s.done == 1 and s.state == "upcoming"


def test_a_longer_interval_in_the_plan_moves_the_date() -> None:
    plan = SeriesPlan(sessions=4, interval_weeks=5, maintenance="")
    last = TODAY - timedelta(weeks=6)
    s = status([last], [1], plan, today=TODAY, protocol_version=2)
    assert s.next_due == last + timedelta(weeks=5) and s.state == "overdue"


def test_the_last_visits_series_number_counts_even_without_earlier_dates() -> None:
    s = status([TODAY - timedelta(weeks=1)], [3], PLAN, today=TODAY, protocol_version=1)
    assert s.done == 3 and s.state == "complete"
