"""Namesakes apart in the patient list (issue 14): whole names, birth date and last visit."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.patients.service import PatientForm, PatientService
from console.ui.shell.flow import VisitFlow
from console.ui.steps.patient import NAMESAKE, PatientScreen
from tests.ui.test_patient_screen import type_text

LONG = (
    "María de los Ángeles Fernández-García y Rodríguez de la Concepción "
    "Villanueva-Santisteban del Río"
)


def _screen(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> PatientScreen:
    svc = PatientService(ctx)
    first = svc.register(PatientForm(full_name="Maria Garcia", date_of_birth="02.03.1985"))
    # The second is confirmed as a different person, as the register form makes one do.
    svc.register(
        PatientForm(full_name="María García", date_of_birth="19.07.1962"), different_from=[first]
    )
    svc.register(PatientForm(full_name=LONG, date_of_birth="11.12.1979"))
    svc.register(PatientForm(full_name="Mario Garcon", date_of_birth="01.01.1990"))
    flow = VisitFlow(ctx.signed_in)
    flow.set_practitioner(staff[0])
    screen = PatientScreen(ctx, flow)
    qtbot.addWidget(screen)
    screen.resize(1146, 640)  # the patient step's share of a 1366x700 window
    screen.show()
    screen.enter()
    return screen


def _row(screen: PatientScreen, name: str) -> int:
    return next(
        r for r in range(screen.results.rowCount()) if screen.results.item(r, 0).text() == name
    )


def test_namesakes_are_flagged_with_birth_date_and_last_visit_standing_out(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = _screen(qtbot, ctx, staff)
    type_text(screen.search, "maria garcia")
    assert sorted(screen.result_names()) == sorted(["Maria Garcia", "María García", LONG])
    assert screen.count_label.text() == "3 found; 2 share a name: check the birth date."
    assert not screen.results.item(_row(screen, LONG), 1).font().bold()
    for name, born in (("Maria Garcia", "2 Mar 1985"), ("María García", "19 Jul 1962")):
        r = _row(screen, name)
        assert screen.results.item(r, 1).text() == born
        assert screen.results.item(r, 1).font().bold() and screen.results.item(r, 3).font().bold()
        assert screen.results.item(r, 0).toolTip() == NAMESAKE


def test_a_lone_name_is_not_flagged(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> None:
    screen = _screen(qtbot, ctx, staff)
    type_text(screen.search, "mario")
    assert screen.result_names() == ["Mario Garcon"]
    assert screen.count_label.text() == "1 found"
    assert not screen.results.item(0, 1).font().bold()


def test_a_long_name_is_shown_whole_not_cut_short(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = _screen(qtbot, ctx, staff)
    type_text(screen.search, "concepcion")
    r = _row(screen, LONG)
    width = screen.results.columnWidth(0)
    metrics = screen.results.fontMetrics()
    assert metrics.horizontalAdvance(LONG) > width  # it would not fit on one line
    wrapped = metrics.boundingRect(QRect(0, 0, width - 10, 10_000), Qt.TextFlag.TextWordWrap, LONG)
    assert screen.results.rowHeight(r) >= wrapped.height()
    assert screen.results.textElideMode() == Qt.TextElideMode.ElideNone
    assert screen.results.wordWrap()
