"""What cannot be undone is asked first, with No as the answer to Enter and Escape."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import patients_repo, visits_repo
from console.ui.shell.main_window import MainWindow
from console.ui.widgets.common import Confirm
from console.visit.service import VisitService
from tests.completion_support import open_finish as treated_on_finish


class Answers:
    """Stands in for the practitioner at the dialog: records each question, gives ``reply``."""

    def __init__(self, reply: bool) -> None:
        self.reply = reply
        self.asked: list[str] = []

    def __call__(self, parent: object, title: str, text: str, yes: str) -> bool:
        self.asked.append(title)
        return self.reply


def answer(monkeypatch: pytest.MonkeyPatch, reply: bool) -> Answers:
    answers = Answers(reply)
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: answers(*a)))
    return answers


def test_the_safe_answer_is_the_default(qtbot: QtBot) -> None:
    box = Confirm.box(None, "Complete visit", "Complete and lock?", "Complete and lock")
    qtbot.addWidget(box)
    assert box.buttonRole(box.defaultButton()) == QMessageBox.ButtonRole.NoRole
    assert box.buttonRole(box.escapeButton()) == QMessageBox.ButtonRole.NoRole


def open_finish(window: MainWindow, ctx: AppContext, patient: str) -> object:
    return treated_on_finish(window, ctx, patient)[1]


def test_completing_asks_and_no_keeps_the_visit_open(
    window: MainWindow, ctx: AppContext, patient: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    finish = open_finish(window, ctx, patient)
    visit_id = window.flow.visit_id
    answers = answer(monkeypatch, False)
    finish.complete.click()  # type: ignore[attr-defined]
    assert answers.asked == ["Complete visit"]
    assert visits_repo.load_record(ctx.db, visit_id).status == "open"
    assert window.flow.visit_id == visit_id


def test_after_completing_the_patient_screen_is_an_empty_search(
    window: MainWindow, ctx: AppContext, patient: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = window.screen_for("patient")
    window.flow.go("patient")
    people.open_patient(patient)  # type: ignore[attr-defined]
    finish = open_finish(window, ctx, patient)
    visit_id = window.flow.visit_id
    answer(monkeypatch, True)
    finish.complete.click()  # type: ignore[attr-defined]
    assert visits_repo.load_record(ctx.db, visit_id).status == "completed"
    assert window.status.text().count("Zoë") == 0
    window.flow.go("patient")
    assert window.current_key() == "patient"
    assert people.patient is None and people.search.text() == ""  # type: ignore[attr-defined]
    assert not people.start_button.isVisibleTo(window)  # type: ignore[attr-defined]


def test_stopping_a_visit_asks_and_no_keeps_it_open(
    window: MainWindow, ctx: AppContext, patient: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit_id = VisitService(ctx).start_visit(patient)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.go("screening")
    screen = window.screen_for("screening")
    for q in screen.questions:  # type: ignore[attr-defined]
        (q.yes if q.item.id == "isotretinoin_current" else q.no).click()
    screen.check.click()  # type: ignore[attr-defined]
    answers = answer(monkeypatch, False)
    screen.stop.click()  # type: ignore[attr-defined]
    assert answers.asked == ["Stop this visit"]
    assert visits_repo.load_record(ctx.db, visit_id).status == "open"
    assert window.current_key() == "screening"


def test_going_to_another_patient_asks_before_leaving_a_visit_open(
    window: MainWindow,
    ctx: AppContext,
    patient: str,
    staff: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    visit_id = VisitService(ctx).start_visit(patient)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    other = patients_repo.insert(
        ctx.db,
        full_name="Amira Haddad",
        date_of_birth=date(1990, 5, 2),
        phone="",
        email="",
        fitzpatrick=4,
        now=ctx.now(),
        by=staff[0],
    )
    window.flow.go("patient")
    people = window.screen_for("patient")
    people.open_patient(other)  # type: ignore[attr-defined]
    answers = answer(monkeypatch, False)
    people.start_button.click()  # type: ignore[attr-defined]
    assert answers.asked == ["Another patient's visit is open"]
    assert (window.flow.patient_id, window.flow.visit_id) == (patient, visit_id)
    answers.reply = True
    people.start_button.click()  # type: ignore[attr-defined]
    assert window.flow.patient_id == other and window.flow.visit_id != visit_id
    assert visits_repo.load_record(ctx.db, visit_id).status == "open"  # resumable later
