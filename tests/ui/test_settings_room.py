"""The Room tab: says these settings are this PC's (and where), and the window names the room."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import settings_repo
from console.ui.settings.screen import SettingsScreen
from console.ui.shell.flow import VisitFlow
from console.ui.shell.main_window import MainWindow


def _room_tab_save(screen: SettingsScreen) -> QPushButton:
    page = screen.tabs.widget(screen.tabs.indexOf(screen.room.parentWidget()))
    assert isinstance(page, QWidget)
    button = page.findChild(QPushButton, "save-settings")
    assert isinstance(button, QPushButton)
    return button


def test_the_room_tab_names_this_pcs_file_and_a_saved_room_name_titles_the_window(
    qtbot: QtBot, ctx: AppContext, staff: list[str], room_file: Path
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Treatment Room Console"
    window.flow.set_practitioner(staff[0])
    window.show_screen("settings")
    screen = window.screen_for("settings")
    assert isinstance(screen, SettingsScreen)
    stored_at = screen.room.stored_at.text()
    assert "this PC" in stored_at and str(room_file) in stored_at
    assert not screen.room.file_problem.isVisibleTo(screen.room)

    qtbot.keyClicks(screen.room.room_name, "Room 2")
    _room_tab_save(screen).click()

    assert window.windowTitle() == "Room 2 · Treatment Room Console"
    assert json.loads(room_file.read_text())["settings"]["room.name"] == "Room 2"
    assert "room.name" not in settings_repo.stored(ctx.db)
    # The next start on this PC shows it at once.
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.windowTitle().startswith("Room 2 · ")


def test_a_room_file_that_is_not_ours_is_said_on_the_room_tab(
    qtbot: QtBot, ctx: AppContext, staff: list[str], room_file: Path
) -> None:
    room_file.parent.mkdir(parents=True)
    room_file.write_text("printer = 'laser'\n")  # someone's TOML, not our file
    screen = SettingsScreen(ctx, VisitFlow(ctx.signed_in))
    qtbot.addWidget(screen)
    assert screen.room.file_problem.isVisibleTo(screen.room)
    assert "not a valid JSON file" in screen.room.file_problem.text()

    screen.room.scale.setValue(1.2)
    assert screen.save_settings()
    assert not screen.room.file_problem.isVisibleTo(screen.room)
    (kept,) = room_file.parent.glob("room.json.bad-*")
    assert kept.read_text() == "printer = 'laser'\n"
