"""The patient record: visits summarised, chart data per zone, series, screening history."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo
from console.records import charts, history
from tests.records_support import make_visit


def test_record_summarises_each_visit_and_audits_the_opening(
    ctx: AppContext, completed_visit: str, patient: str
) -> None:
    h = history.open_patient(ctx, patient)
    assert h.patient.full_name == "Zoë Łukasz-Nguyễn"
    (visit,) = h.visits
    assert visit.id == completed_visit and visit.status == "completed"
    cheeks, forehead = visit.areas
    assert (cheeks.zone_id, cheeks.passes, cheeks.planned_mm, cheeks.max_mm) == (
        "cheeks",
        4,
        0.75,
        1.0,
    )
    assert cheeks.seconds == 40 + 41 + 42 + 30
    assert (forehead.passes, forehead.seconds) == (2, 50)
    assert visit.total_passes == 6
    opened = [
        r for r in audit_repo.rows(ctx.db, entity_id=patient) if r["action"] == "patient.open"
    ]
    assert len(opened) == 1 and opened[0]["practitioner_id"] == ctx.practitioner_id
    assert "Zoë" not in opened[0]["detail"]


def test_chart_series_follow_the_zones_across_visits(
    ctx: AppContext, clock: FakeClock, patient: str
) -> None:
    first = make_visit(
        ctx,
        clock,
        patient,
        lot="L1",
        serial="1",
        areas=[("cheeks", "0.5", (30, 30)), ("forehead", "0.25", (20,))],
    )
    clock.advance(timedelta(weeks=7).total_seconds())
    second = make_visit(
        ctx, clock, patient, lot="L1", serial="2", areas=[("cheeks", "0.75", (40, 50, 60))]
    )
    h = history.load_history(ctx.db, patient, now=ctx.now())
    x1, x2 = (v.started_at.timestamp() for v in h.visits)
    assert [v.id for v in h.visits] == [first, second]
    depth = {s.key: s for s in charts.depth_by_zone(h)}
    assert depth["cheeks"].x == (x1, x2) and depth["cheeks"].y == (0.5, 0.75)
    assert depth["forehead"].x == (x1,) and depth["forehead"].y == (0.25,)
    minutes = {s.key: s.y for s in charts.minutes_by_zone(h)}
    assert minutes["cheeks"] == (1.0, 2.5)
    passes = {s.key: s.y for s in charts.passes_by_zone(h)}
    assert passes == {"cheeks": (2.0, 3.0), "forehead": (1.0,)}


def test_timeline_shows_done_sessions_and_the_next_due(
    ctx: AppContext, clock: FakeClock, patient: str
) -> None:
    make_visit(ctx, clock, patient, lot="L1", serial="1")
    clock.advance(timedelta(weeks=7).total_seconds())
    make_visit(ctx, clock, patient, lot="L1", serial="2")
    clock.advance(timedelta(weeks=9).total_seconds())  # two weeks late for the third
    h = history.load_history(ctx.db, patient, now=ctx.now())
    assert h.series.done == 2 and h.series.state == "overdue"
    points = charts.timeline(h)
    assert [p.kind for p in points] == ["done", "done", "next_due"]
    assert points[2].day == h.visits[1].started_at.date() + timedelta(weeks=7)
    assert "overdue" in points[2].label


def test_screening_history_keeps_the_questions_as_asked(
    ctx: AppContext, completed_visit: str, patient: str
) -> None:
    entries = history.screening_history(ctx.db, patient)
    assert entries and all(e.visit_id == completed_visit for e in entries)
    assert {e.answer for e in entries} == {"no"}
    body = json.loads(ctx.db.execute("SELECT body FROM protocol_versions").fetchone()[0])
    assert [e.item_text for e in entries] == [c["text"] for c in body["contraindications"]]


def test_an_unknown_patient_is_a_plain_error(ctx: AppContext) -> None:
    import pytest

    from console.errors import NotFound

    with pytest.raises(NotFound):
        history.load_history(ctx.db, "nope", now=datetime(2026, 1, 1, tzinfo=UTC))
