from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import settings_repo
from console.ui.shell.main_window import SCREENS, MainWindow


def _row(window: MainWindow, key: str) -> int:
    return next(i for i, s in enumerate(SCREENS) if s.key == key)


def test_shell_shows_the_visit_steps_and_starts_at_sign_in(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    for word in (
        "Sign-in",
        "Patient",
        "Screening",
        "Prep",
        "Plan",
        "Treat",
        "Finish",
        "Records",
        "Settings",
    ):
        assert any(word in t for t in titles), word
    assert window.current_key() == "signin"
    # Nothing past sign-in can be opened before someone signs in.
    item = window.sidebar.item(_row(window, "patient"))
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled


def test_geometry_is_remembered_in_this_pcs_room_file(
    qtbot: QtBot, ctx: AppContext, room_file: Path
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(701, 521)  # inside the offscreen 800x600 screen
    window.close()
    # The room's monitor is this PC's: its layout is not in the shared database.
    assert json.loads(room_file.read_text())["settings"]["ui.geometry"]
    assert "ui.geometry" not in settings_repo.stored(ctx.db)
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (701, 521)
