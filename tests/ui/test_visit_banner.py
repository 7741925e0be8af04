"""One banner names the visit's patient in full on every step, and never another patient."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import patients_repo
from console.ui.shell.main_window import MainWindow
from tests.conftest import ready_visit


@pytest.mark.parametrize("step", ["screening", "prep", "plan", "treat", "finish"])
def test_every_visit_step_names_the_patient_with_birth_date_and_age(
    qtbot: QtBot, ctx: AppContext, staff: list[str], patient: str, step: str
) -> None:
    visit_id = ready_visit(ctx, patient)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.set_practitioner(staff[0])
    window.flow.go(step)
    # Born 14 Mar 1988; the test clock reads a day in November 2026.
    assert "Zoë Łukasz-Nguyễn" in window.status.text()
    assert "born 14 Mar 1988 (age 38)" in window.status.text()


def test_the_patient_screen_showing_someone_else_names_no_visit_patient(
    qtbot: QtBot, ctx: AppContext, staff: list[str], patient: str
) -> None:
    visit_id = ready_visit(ctx, patient)
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
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.set_practitioner(staff[0])
    window.flow.go("patient")
    window.screen_for("patient").open_patient(other)  # type: ignore[attr-defined]
    assert "Zoë" not in window.status.text()
    window.flow.go("prep")
    assert "Zoë Łukasz-Nguyễn" in window.status.text() and "Amira" not in window.status.text()
