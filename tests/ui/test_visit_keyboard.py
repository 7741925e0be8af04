"""Screening and Finish driven by keys alone, as a gloved practitioner does (no mouse event)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import visits_repo
from console.ui.shell.main_window import MainWindow
from console.ui.widgets.common import Confirm
from console.visit.service import VisitService
from tests.completion_support import open_finish


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> Iterator[MainWindow]:
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowState.WindowNoState)
    w.flow.set_practitioner(staff[0])
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w
    w.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_screening_by_keys_names_the_question_and_moves_on(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, patient: str
) -> None:
    visit_id = VisitService(ctx).start_visit(patient)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.go("screening")
    screen = window.screen_for("screening")
    questions = screen.questions  # type: ignore[attr-defined]
    # The first unanswered question has the focus and is named.
    assert focused() is questions[0].no
    assert f"Question 1 of {len(questions)}: {questions[0].item.text}" in screen.where.text()  # type: ignore[attr-defined]
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Up)
    assert focused() is questions[0].no
    for q in questions:
        assert focused() in (q.no, q.yes)
        qtbot.keyClick(focused(), Qt.Key.Key_N)
        assert q.no.isChecked()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert window.current_key() == "consent"
    stored = visits_repo.load_record(ctx.db, visit_id).screening
    assert len(stored) == len(questions) and {s.answer for s in stored} == {"no"}


def test_yes_to_a_waiting_period_goes_to_its_empty_labelled_date(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, patient: str
) -> None:
    visit_id = VisitService(ctx).start_visit(patient)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.go("screening")
    screen = window.screen_for("screening")
    index, q = next(
        (i, q)
        for i, q in enumerate(screen.questions)  # type: ignore[attr-defined]
        if q.item.kind == "waiting_period"
    )
    screen.focus_question(index)  # type: ignore[attr-defined]
    qtbot.keyClick(focused(), Qt.Key.Key_Y)
    assert focused() is q.date and q.date.text() == "Date?"
    assert q.item.event_label and q.item.event_label in q.date.accessibleName()
    assert q.answer().event_date is None  # nothing stands in for the date


def test_ctrl_enter_completes_after_a_question_whose_default_is_no(
    qtbot: QtBot,
    window: MainWindow,
    ctx: AppContext,
    patient: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    visit_id, finish = open_finish(window, ctx, patient)
    finish.notes.setFocus()  # type: ignore[attr-defined]
    replies = [False, True]  # No, then Yes
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: replies.pop(0)))
    qtbot.keyClick(finish.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert replies == [True]  # asked once, answered No
    assert visits_repo.load_record(ctx.db, visit_id).status == "open"
    qtbot.keyClick(finish.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert visits_repo.load_record(ctx.db, visit_id).status == "completed"
