from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.settings import service as settings_service
from console.ui.settings.key_capture import PROMPT, KeyCaptureField
from console.ui.settings.screen import SettingsScreen
from console.ui.shell.flow import VisitFlow


def _press(
    widget: object,
    key: Qt.Key,
    modifiers=Qt.KeyboardModifier.NoModifier,
    text: str = "",
    autorepeat: bool = False,
) -> None:
    QApplication.sendEvent(
        widget, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text, autorepeat)
    )


def test_a_pedal_sending_f13_is_captured(qtbot: QtBot) -> None:
    field = KeyCaptureField("Space")
    qtbot.addWidget(field)
    field.click()
    assert field.is_capturing() and field.text() == PROMPT
    with qtbot.waitSignal(field.key_captured, timeout=1000) as captured:
        _press(field, Qt.Key.Key_Shift)  # a lone modifier is not a choice
        assert field.is_capturing()
        _press(field, Qt.Key.Key_F13)
    assert captured.args == ["F13"]
    assert field.key_name() == "F13" and field.text() == "F13"
    assert not field.is_capturing()
    _press(field, Qt.Key.Key_F14)  # not capturing any more: ignored
    assert field.key_name() == "F13"


def test_capture_takes_space_tab_and_combinations(qtbot: QtBot) -> None:
    field = KeyCaptureField("F12")
    qtbot.addWidget(field)
    for key, mods, expected in [
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, "Space"),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, "Tab"),
        (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier, "Ctrl+L"),
        (Qt.Key.Key_F24, Qt.KeyboardModifier.NoModifier, "F24"),
    ]:
        field.start_capture()
        _press(field, key, mods)
        assert field.key_name() == expected
    field.start_capture()
    _press(field, Qt.Key.Key_F20, autorepeat=True)  # a held pedal repeating
    assert field.is_capturing() and field.key_name() == "F24"


def test_room_tab_saves_captured_keys_and_refuses_a_key_used_twice(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = SettingsScreen(ctx, VisitFlow(ctx.signed_in))
    qtbot.addWidget(screen)
    pedal = screen.room.keys["keys.pass_toggle"]
    pedal.start_capture()
    _press(pedal, Qt.Key.Key_F13)
    nxt = screen.room.keys["keys.next_area"]
    nxt.start_capture()
    _press(nxt, Qt.Key.Key_F13)
    assert screen.room.errors["keys.next_area"].text() == "Already used for start/stop pass."
    assert not screen.save_settings()
    nxt.start_capture()
    _press(nxt, Qt.Key.Key_F14)
    screen.room.idle.setValue(3)
    assert screen.save_settings()
    assert settings_service.get(ctx, "keys.pass_toggle") == "F13"
    assert settings_service.get(ctx, "keys.next_area") == "F14"
    assert settings_service.get(ctx, "room.idle_lock_minutes") == 3


def test_capturing_the_lock_key_does_not_fire_its_shortcut(qtbot: QtBot) -> None:
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    field = KeyCaptureField("Space", window)
    QVBoxLayout(window).addWidget(field)
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence("F12"), window)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append(True))
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # shortcuts need an active window
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_F12)  # not capturing: the shortcut works as usual
    assert fired == [True]
    field.start_capture()
    qtbot.keyClick(field, Qt.Key.Key_F12)
    assert field.key_name() == "F12" and fired == [True]
