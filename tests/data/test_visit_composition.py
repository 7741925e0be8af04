"""The visit's services: composed, not inherited; SQL only in repositories; mutations say
what changed; the running pass is an object its session holds, and a crash still shows."""

from __future__ import annotations

import ast
import re
from decimal import Decimal
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext
from console.data import visits_repo
from console.errors import DomainError
from console.model.changes import Changed, Changes
from console.model.visit_record import PassRecord
from console.visit.lifecycle import VisitLifecycle
from console.visit.prep import PrepService
from console.visit.service import VisitService
from console.visit.session import VisitSession
from console.visit.treatment import RunningPass, TreatmentService
from tests.conftest import ready_visit

VISIT = Path(__file__).resolve().parents[2] / "console" / "visit"
SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b")


def test_services_are_composed_not_mixed_in() -> None:
    for service in (VisitService, VisitLifecycle, PrepService, TreatmentService, VisitSession):
        assert service.__bases__ == (object,), service
    # Nothing the services use imports the facade back: there is no circle to break.
    for path in [*VISIT.glob("*.py"), *(VISIT.parent / "consent").glob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert "console.visit.service" not in imported, path.name


def test_no_sql_in_the_visit_package() -> None:
    for path in VISIT.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        strings = [
            node.value
            for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        ]
        assert not [s for s in strings if SQL.search(s)], path.name
        assert ".execute(" not in text and ".query(" not in text, path.name


def test_mutations_say_what_changed(ctx: AppContext, patient: str, clock: FakeClock) -> None:
    visit_id = ready_visit(ctx, patient)
    session = VisitSession.resume(ctx, visit_id)
    planned = session.treatment.plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=2)
    assert isinstance(planned, Changed) and planned.changes.plan
    area_id = planned.value
    assert planned.changes.area_id == area_id
    started = session.start_pass(area_id, "vertical")
    assert started == Changes(passes=True, area_id=area_id)
    clock.advance(21)
    stopped = session.stop_pass()
    assert stopped.changes == Changes(passes=True, area_id=area_id)
    assert isinstance(stopped.value, PassRecord) and stopped.value.duration_s == 21
    assert stopped.value.number == 1 and stopped.value.direction == "vertical"
    depth = session.change_depth(area_id, "1.0")
    assert depth.value == Decimal("1.00") and depth.changes.plan
    assert session.change_depth(area_id, "1.0").changes == Changes()  # the same depth
    assert session.set_endpoint(area_id, "erythema") == Changes(endpoint=True, area_id=area_id)
    assert session.visits.complete(visit_id, notes="ok").visit
    (area,) = visits_repo.load_record(ctx.db, visit_id).areas
    assert area.passes == (stopped.value,)


def test_the_running_pass_is_the_sessions_alone(
    ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    visit_id = ready_visit(ctx, patient)
    area_id = VisitService(ctx).plan_area(visit_id, "neck", depth_text="0.5", target_passes=2)
    session = VisitSession.resume(ctx, visit_id)
    session.start_pass(area_id, "horizontal")
    assert isinstance(session.running, RunningPass) and session.running_area_id == area_id
    other = VisitSession.resume(ctx, visit_id)  # e.g. a second screen's
    assert other.running is None
    assert session.interrupted_passes() == []  # our own pass is not an interrupted one
    with pytest.raises(DomainError, match="Stop the running pass"):
        session.set_current_area(area_id)
    with pytest.raises(DomainError, match="Stop the pass"):
        session.change_depth(area_id, "0.75")
    clock.advance(9)
    assert session.running_elapsed() == 9
    assert session.stop_pass().value.duration_s == 9


def test_a_pass_running_when_the_console_died_is_reported_once(
    ctx: AppContext, patient: str
) -> None:
    visit_id = ready_visit(ctx, patient)
    area_id = VisitService(ctx).plan_area(
        visit_id, "chin_jawline", depth_text="0.5", target_passes=2
    )
    VisitSession.resume(ctx, visit_id).start_pass(area_id, "vertical")
    # The console dies: its session (and the RunningPass) is gone, the running row is not.
    after = VisitSession.resume(ctx, visit_id)
    assert after.running is None
    assert after.interrupted_passes() == ["Chin / jawline"]
    assert VisitSession.resume(ctx, visit_id).interrupted_passes() == []
    assert visits_repo.load_record(ctx.db, visit_id).areas[0].passes == ()


def test_resuming_a_locked_visit_is_refused(ctx: AppContext, completed_visit: str) -> None:
    with pytest.raises(DomainError, match="completed and locked"):
        VisitSession.resume(ctx, completed_visit)


def test_one_series_rule_for_the_visit_and_records() -> None:
    from datetime import UTC, date, datetime, timedelta

    from console.model.protocol import SeriesPlan
    from console.records.series import current_series
    from console.visit.series import series_number

    now = datetime(2026, 6, 1, 10, tzinfo=UTC)
    ends = [now - timedelta(weeks=4), now - timedelta(weeks=8), now - timedelta(weeks=17)]
    # 4 weeks apart twice, then a 9-week gap: over twice a 4-week interval, a new series.
    assert series_number(ends, now, interval_weeks=4) == 3
    assert series_number(ends, now, interval_weeks=5) == 4
    assert series_number([], now, interval_weeks=4) == 1
    days = [date(2026, 1, 1), date(2026, 3, 6), date(2026, 4, 3), date(2026, 5, 1)]
    plan = SeriesPlan(sessions=3, interval_weeks=4, maintenance="")
    assert current_series(days, [None] * 4, plan) == tuple(days[1:])


def test_one_endpoint_table_matches_the_schema_and_the_default_protocol(ctx: AppContext) -> None:
    from console.data import protocol_repo
    from console.visit.endpoints import ENDPOINT_IDS, endpoint_word

    check = ctx.db.execute("SELECT sql FROM sqlite_master WHERE name = 'treated_areas'").fetchone()[
        0
    ]
    allowed = re.search(r"endpoint IN \(([^)]*)\)", check)
    assert allowed is not None
    assert tuple(x.strip(" '") for x in allowed.group(1).split(",")) == ENDPOINT_IDS
    assert {e for e, _ in protocol_repo.current(ctx.db).endpoints} == set(ENDPOINT_IDS)
    assert endpoint_word("pinpoint_bleeding") == "Pinpoint bleeding"
    assert endpoint_word(None) == "not recorded"
