"""The Plan step's map and keyboard (issue 14): real window, real database file, key events only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import visits_repo
from console.model.protocol import default_body, from_body
from console.ui.shell.main_window import MainWindow
from console.ui.steps.body_map import BodyMap
from console.ui.steps.plan import PlanScreen
from tests.conftest import ready_visit
from tests.ui.visit_helpers import press, type_text


@pytest.fixture
def plan(window: MainWindow, ctx: AppContext, patient: str, qtbot: QtBot) -> PlanScreen:
    visit_id = ready_visit(ctx, patient)
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised to the test screen
    window.show()
    window.resize(1366, 700)
    qtbot.waitExposed(window)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.go("plan")
    screen = window.screen_for("plan")
    assert isinstance(screen, PlanScreen)
    return screen


def _map(plan: PlanScreen) -> BodyMap:
    assert plan.map is not None
    return plan.map


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_every_zone_of_the_library_is_a_named_shape_on_the_map(qtbot: QtBot) -> None:
    zones = {z.id: z.name for z in from_body(1, default_body()).zones}
    body_map = BodyMap(zones)
    qtbot.addWidget(body_map)
    assert sorted(body_map.zone_ids()) == sorted(zones)


def test_a_click_on_a_zone_picks_it_and_the_eye_itself_is_no_zone(
    plan: PlanScreen, qtbot: QtBot
) -> None:
    body_map = _map(plan)
    for zone_id in body_map.zone_ids():
        assert body_map.zone_at(body_map.zone_centre(zone_id)) == zone_id, zone_id
    # The left eye's centre in the art (viewBox units): inside the ring, but never a zone.
    eye = body_map.to_widget(QPointF(96, 168)).toPoint()
    assert body_map.zone_at(eye) is None
    qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=body_map.zone_centre("cheeks"))
    assert plan.zone_title.text() == "Cheeks"
    assert _focused() is plan.depth_input


def test_hovering_a_zone_lights_it_and_leaving_it_clears_it(plan: PlanScreen, qtbot: QtBot) -> None:
    body_map = _map(plan)
    qtbot.mouseMove(body_map, body_map.zone_centre("neck"))
    qtbot.waitUntil(lambda: body_map.hovered_zone() == "neck")
    qtbot.mouseMove(body_map, body_map.to_widget(QPointF(96, 168)).toPoint())  # the eye
    qtbot.waitUntil(lambda: body_map.hovered_zone() is None)


def test_a_whole_plan_by_keyboard_on_the_map_with_depths_written_on_it(
    plan: PlanScreen, ctx: AppContext
) -> None:
    body_map = _map(plan)
    body_map.setFocus(Qt.FocusReason.TabFocusReason)
    assert body_map.current_zone() == "forehead"  # the list's first zone
    press(body_map, Qt.Key.Key_Space, " ")
    assert plan.zone_title.text() == "Forehead" and _focused() is plan.depth_input
    type_text(plan.depth_input, "0,5\n")
    assert body_map.chosen() == {"forehead": "0.5 mm"}
    assert _focused() is body_map  # back where the zone was chosen, for the next one
    press(body_map, Qt.Key.Key_Down)  # straight below the forehead: the nose
    assert body_map.current_zone() == "nose"
    press(body_map, Qt.Key.Key_Left)
    assert body_map.current_zone() == "periorbital"
    press(body_map, Qt.Key.Key_Tab)  # Tab walks the list's order: nose after periorbital
    assert body_map.current_zone() == "nose"
    press(body_map, Qt.Key.Key_Down)
    assert body_map.current_zone() == "perioral"
    press(body_map, Qt.Key.Key_Return)
    type_text(plan.depth_input, "0.25\n")
    areas = visits_repo.load_record(ctx.db, plan.flow.visit_id or "").areas
    assert [(a.zone_id, str(a.depth_mm)) for a in areas] == [
        ("forehead", "0.50"),
        ("perioral", "0.25"),
    ]
    assert body_map.chosen() == {"forehead": "0.5 mm", "perioral": "0.25 mm"}


def test_space_on_a_planned_zone_says_how_and_delete_takes_it_out(
    plan: PlanScreen, ctx: AppContext
) -> None:
    body_map = _map(plan)
    body_map.setFocus(Qt.FocusReason.TabFocusReason)
    press(body_map, Qt.Key.Key_Space, " ")
    type_text(plan.depth_input, "0.5\n")
    press(body_map, Qt.Key.Key_Space, " ")  # the forehead again
    assert plan.error.text() == (
        "Forehead is in the plan: Delete on the map or Remove area takes it out."
    )
    assert _focused() is body_map
    press(body_map, Qt.Key.Key_Delete)
    assert visits_repo.load_record(ctx.db, plan.flow.visit_id or "").areas == ()
    assert body_map.chosen() == {} and plan.error.text() == ""


def test_tab_leaves_the_map_after_its_last_zone(plan: PlanScreen) -> None:
    body_map = _map(plan)
    body_map.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(len(body_map.zone_ids()) - 1):
        press(body_map, Qt.Key.Key_Tab)
    assert body_map.current_zone() == body_map.zone_ids()[-1]
    press(body_map, Qt.Key.Key_Tab)
    assert _focused() is not body_map


def test_the_list_by_keyboard_then_enter_types_the_depth(plan: PlanScreen, ctx: AppContext) -> None:
    plan.zones.setFocus()
    plan.zones.setCurrentRow(0)
    press(plan.zones, Qt.Key.Key_Right)  # the list is a grid of names: Right is the next one
    assert plan.zone_title.text() == "Temples"
    assert _map(plan).current_zone() == "temples"  # the map follows the list
    press(plan.zones, Qt.Key.Key_Return)
    assert _focused() is plan.depth_input
    type_text(plan.depth_input, "0.25\n")
    (area,) = visits_repo.load_record(ctx.db, plan.flow.visit_id or "").areas
    assert area.zone_id == "temples"
    assert _focused() is plan.zones


def test_no_tick_saves_a_depth_above_the_limit_around_the_eyes(
    plan: PlanScreen, ctx: AppContext
) -> None:
    _map(plan).zone_clicked.emit("periorbital")
    assert "Never above 0.5 mm" in plan.typical.text()
    type_text(plan.depth_input, "0.5\n")  # outside the typical 0.25-0.3 but at the limit: confirm
    assert plan.confirm.isVisibleTo(plan)
    plan.confirm.setChecked(True)
    type_text(plan.reason, "Thick skin, discussed with the physician")
    plan.depth_input.clear()
    type_text(plan.depth_input, "0.75\n")
    assert plan.depth_error.text() == (
        "0.75 mm is above the limit of 0.5 mm for the periorbital (outside the orbital rim): "
        "no depth above it can be saved."
    )
    assert not plan.confirm.isVisibleTo(plan) and not plan.confirm.isChecked()
    assert visits_repo.load_record(ctx.db, plan.flow.visit_id or "").areas == ()


def test_warnings_one_line_each_and_the_whole_sentences_on_demand(plan: PlanScreen) -> None:
    _map(plan).zone_clicked.emit("nose")
    type_text(plan.depth_input, "2.5\n")
    assert plan.warning.text().splitlines() == [
        "Did you mean 0.25 mm?",
        "2.5 mm is outside the typical range for the nose (0.25–0.5 mm)",
        "2.5 mm is above 1.5 mm on the SkinPen Precision.",
    ]
    assert plan.details.isVisibleTo(plan) and not plan.details_text.isVisibleTo(plan)
    plan.details.click()
    assert "FDA labelling: safety above 1.5 mm was not evaluated." in plan.details_text.text()
    assert plan.details_text.isVisibleTo(plan) and not plan.warning.isVisibleTo(plan)


@pytest.mark.parametrize("size", [(1366, 700), (1280, 720)], ids=["1366x700", "1280x720"])
def test_the_step_fits_the_room_monitor_with_warnings_showing(
    plan: PlanScreen, qtbot: QtBot, size: tuple[int, int]
) -> None:
    plan.window().resize(*size)
    _map(plan).zone_clicked.emit("nose")
    type_text(plan.depth_input, "2.5\n")
    plan.details.click()
    qtbot.wait(10)  # let the layout settle at the new size
    for widget in (plan.next, plan.add, plan.confirm, plan.reason, plan.zones, _map(plan)):
        visible = widget.visibleRegion().boundingRect()
        assert visible == widget.rect(), (type(widget).__name__, visible, widget.rect())
    for row in range(plan.zones.count()):  # every zone name whole, none scrolled away
        rect = plan.zones.visualItemRect(plan.zones.item(row))
        assert plan.zones.viewport().rect().contains(rect), plan.zones.item(row).text()
