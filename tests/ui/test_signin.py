"""Sign-in as a practitioner does it: a name button, a PIN by keyboard or pad, clear refusals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import audit_repo, practitioners_repo
from console.ui.shell.flow import VisitFlow
from console.ui.steps.signin import SignInScreen
from tests.pins import staff_with_pins


def _screen(qtbot: QtBot, ctx: AppContext) -> tuple[SignInScreen, VisitFlow, list[str]]:
    flow = VisitFlow(ctx.signed_in)
    steps: list[str] = []
    flow.step_requested.connect(steps.append)
    screen = SignInScreen(ctx, flow)
    qtbot.addWidget(screen)
    screen.show()
    screen.enter()
    return screen, flow, steps


def test_names_are_big_buttons_and_the_keyboard_alone_signs_in(
    qtbot: QtBot, ctx: AppContext
) -> None:
    ids = staff_with_pins(ctx)
    screen, flow, steps = _screen(qtbot, ctx)
    buttons = screen.names.buttons()
    assert [b.text() for b in buttons] == [
        "Aesthetician Nguyễn Thu",
        "Dr Amara Okafor",
        "Nurse Chloé Martin",
    ]
    assert all(b.minimumHeight() >= 64 for b in buttons)
    field = screen.pad.field
    assert field.hasFocus() or screen.focusWidget() is field
    # Down arrow twice: from Nguyễn Thu to Nurse Chloé Martin, then her PIN and Enter.
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert "Nurse Chloé Martin" in screen.prompt.text()
    qtbot.keyClicks(field, "1357")
    assert field.text() == "1357" and field.echoMode() == field.EchoMode.Password
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert ctx.practitioner_id == ids[1] == flow.practitioner_id
    assert steps == ["patient"]
    assert audit_repo.rows(ctx.db, limit=1)[0]["action"] == "auth.signin"


def test_the_pad_signs_in_with_gloves(qtbot: QtBot, ctx: AppContext) -> None:
    ids = staff_with_pins(ctx)
    screen, flow, steps = _screen(qtbot, ctx)
    qtbot.mouseClick(screen.names.buttons()[1], Qt.MouseButton.LeftButton)  # Dr Amara Okafor
    for digit in "2468":
        qtbot.mouseClick(screen.pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.pad.keys["⌫"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.pad.keys["8"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.pad.keys["OK"], Qt.MouseButton.LeftButton)
    assert flow.practitioner_id == ids[0] and steps == ["patient"]


def test_wrong_pins_are_explained_then_the_lockout_gives_its_time(
    qtbot: QtBot, ctx: AppContext
) -> None:
    staff_with_pins(ctx)
    screen, flow, steps = _screen(qtbot, ctx)
    field = screen.pad.field
    for left in ("4 tries", "3 tries", "2 tries", "1 try"):
        qtbot.keyClicks(field, "0000")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert f"Wrong PIN. {left} left" in screen.error.text()
        assert field.text() == ""
    qtbot.keyClicks(field, "0000")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "locked until 14:01" in screen.error.text()
    qtbot.keyClicks(field, "8642")  # the right PIN, too late
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "locked until" in screen.error.text()
    assert flow.practitioner_id is None and steps == []


def test_empty_pin_asks_for_it(qtbot: QtBot, ctx: AppContext) -> None:
    staff_with_pins(ctx)
    screen, _flow, _steps = _screen(qtbot, ctx)
    qtbot.keyClick(screen.pad.field, Qt.Key.Key_Return)
    assert "Type your PIN" in screen.error.text()


def test_a_new_install_asks_for_the_first_admin(qtbot: QtBot, ctx: AppContext) -> None:
    screen, flow, steps = _screen(qtbot, ctx)
    form = screen.first_admin
    assert screen.pages.currentWidget() is form
    assert form.isVisible()
    form.name.setText("Dr Zoë Ødegård")  # non-ASCII: setText, not keyClicks
    qtbot.keyClicks(form.pin, "482916")
    qtbot.keyClicks(form.pin2, "482917")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    assert "differ" in form.errors["pin2"].text()
    assert practitioners_repo.list_active(ctx.db) == []
    qtbot.keyClicks(form.pin, "12")
    qtbot.keyClicks(form.pin2, "12")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    assert "4 to 12 digits" in form.errors["pin"].text()
    qtbot.keyClicks(form.pin, "482916")
    qtbot.keyClicks(form.pin2, "482916")
    qtbot.keyClick(form.pin2, Qt.Key.Key_Return)
    [admin] = practitioners_repo.list_active(ctx.db)
    assert (admin["display_name"], admin["role"]) == ("Dr Zoë Ødegård", "admin")
    assert flow.practitioner_id == admin["id"] and steps == ["patient"]
    actions = [r["action"] for r in audit_repo.rows(ctx.db)]
    assert actions[:2] == ["auth.signin", "practitioner.create"]


def test_accounts_without_pins_do_not_block_the_first_admin(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    """An old database whose staff have no PIN: nobody could sign in, so ask for an admin."""
    screen, _flow, _steps = _screen(qtbot, ctx)
    assert screen.pages.currentWidget() is screen.first_admin
