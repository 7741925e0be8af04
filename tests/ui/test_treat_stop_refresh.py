"""A pass stop on the Treat screen costs a handful of statements and shows what it recorded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.data import visits_repo
from console.ui.shell.main_window import MainWindow
from console.visit.service import VisitService
from console.visit.session import VisitSession
from tests.conftest import ready_visit
from tests.ui.visit_helpers import press

# BEGIN, number, insert, running row, area stamp, COMMIT (a few traced twice by sqlite3).
MOST_STATEMENTS_PER_STOP = 10


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> Iterator[MainWindow]:
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.flow.set_practitioner(staff[0])
    yield w
    w.close()


def test_a_stop_writes_the_pass_and_reads_nothing_back(
    window: MainWindow, ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    svc.plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=3)
    svc.plan_area(visit_id, "neck", depth_text="0.5", target_passes=2)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.go("treat")
    treat = window.screen_for("treat")
    statements: list[str] = []
    for seconds in (31, 29):
        press(treat, Qt.Key.Key_Space, " ")
        clock.advance(seconds)
        statements.clear()
        ctx.db.conn.set_trace_callback(statements.append)
        try:
            press(treat, Qt.Key.Key_Space, " ")
        finally:
            ctx.db.conn.set_trace_callback(None)
        assert len(statements) <= MOST_STATEMENTS_PER_STOP, statements
        assert not [s for s in statements if s.lstrip().upper().startswith("SELECT V.")]
    # What the screen shows came from the stop itself, and matches what was stored.
    assert treat.count_label.text() == "Pass 2 of 3 done"
    assert treat.areas.item(0).text().endswith("Cheeks  2/3")
    assert treat.chart.seconds == [60.0, 0.0] and treat.chart.passes == [2, 0]
    assert treat.timer_label.text() == "0:29"
    cheeks, _neck = visits_repo.load_record(ctx.db, visit_id).areas
    assert [p.duration_s for p in cheeks.passes] == [31, 29]
    assert treat.record is not None and treat.record.areas[0].passes == cheeks.passes


def test_the_running_pass_lives_on_the_visit_session(
    window: MainWindow, ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    svc.plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=3)
    session = VisitSession.resume(ctx, visit_id)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id, session)
    window.flow.go("treat")
    treat = window.screen_for("treat")
    press(treat, Qt.Key.Key_Space, " ")
    assert treat.session is session and session.running is not None
    clock.advance(12)
    # Leaving the step and coming back (as the lock screen does) keeps the same pass.
    window.flow.go("plan")
    window.flow.set_visit(visit_id)
    window.flow.go("treat")
    assert window.flow.session is session and treat.running_pass() == ("Cheeks", 12.0)
    press(treat, Qt.Key.Key_Space, " ")
    assert session.running is None
    (cheeks,) = visits_repo.load_record(ctx.db, visit_id).areas
    assert [p.duration_s for p in cheeks.passes] == [12]
