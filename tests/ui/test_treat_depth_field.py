"""Treat's depth field: a refusal clears the confirmation, and the pedal while typing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.ui.shell.main_window import MainWindow
from console.ui.steps.treat import TreatScreen
from console.visit.service import VisitService
from tests.conftest import ready_visit
from tests.ui.visit_helpers import press, type_text


@pytest.fixture
def treat(window: MainWindow, ctx: AppContext, patient: str, qtbot: QtBot) -> Iterator[TreatScreen]:
    visit_id = ready_visit(ctx, patient)
    # Around the eyes: typical 0.25-0.3 mm, never above 0.5 mm (the shipped library).
    VisitService(ctx).plan_area(visit_id, "periorbital", depth_text="0.25", target_passes=3)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.show()
    window.flow.go("treat")
    screen = window.screen_for("treat")
    assert isinstance(screen, TreatScreen)
    yield screen


def change_depth(treat: TreatScreen, text: str) -> None:
    treat.new_depth.clear()
    type_text(treat.new_depth, text + "\n")


def test_a_refusal_above_the_limit_takes_the_confirmation_away(treat: TreatScreen) -> None:
    change_depth(treat, "0.5")  # outside the typical range: asks for a tick and a reason
    assert treat.depth_confirm.isVisible() and treat.depth_reason.isVisible()
    treat.depth_confirm.setChecked(True)
    type_text(treat.depth_reason, "thick scar tissue")
    change_depth(treat, "0.75")  # above the zone's limit: no tick can save it
    assert "above the limit" in treat.message.text()
    assert not treat.depth_confirm.isVisible() and not treat.depth_confirm.isChecked()
    assert not treat.depth_reason.isVisible() and treat.depth_reason.text() == ""
    assert "0.25" in treat.depth_label.text()  # nothing changed


def test_the_pedal_stops_a_pass_even_from_the_depth_field(
    treat: TreatScreen, clock: FakeClock
) -> None:
    press(treat, Qt.Key.Key_Space, " ")  # the pedal, focus on the screen: starts
    assert treat.session is not None and treat.session.running is not None
    clock.advance(20)
    treat.new_depth.setFocus()
    press(treat.new_depth, Qt.Key.Key_Space, " ")  # the pedal, focus in the depth field
    assert treat.session.running is None, "the pedal did not stop the needle"
    assert treat.new_depth.text() == "", "the pedal typed into the depth field"
    assert treat.count_label.text() == "Pass 1 of 3 done"


def test_the_pedal_never_starts_a_pass_past_a_depth_typed_but_not_applied(
    treat: TreatScreen,
) -> None:
    type_text(treat.new_depth, "0.5")
    press(treat.new_depth, Qt.Key.Key_Space, " ")
    assert treat.session is not None and treat.session.running is None
    assert treat.new_depth.text() == "0.5"
    assert "Enter" in treat.message.text()
    treat.new_depth.clear()
    press(treat.new_depth, Qt.Key.Key_Space, " ")  # nothing waiting: the pedal starts
    assert treat.session.running is not None
    press(treat.new_depth, Qt.Key.Key_Space, " ")
    assert treat.session.running is None
