"""UI test guards (a modal dialog that nobody answers must fail the test, not hang the run),
and the main window most screen tests start from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from console.context import AppContext

if TYPE_CHECKING:
    from console.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_unanswered_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(self: QDialog, *args: object) -> int:
        pytest.fail(
            f"a modal {type(self).__name__} opened ({self.windowTitle()!r}): patch its ask()",
            pytrace=True,
        )

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    yield


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> Iterator[MainWindow]:
    """The main window with the admin signed in (files needing more define their own)."""
    from console.ui.shell.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.flow.set_practitioner(staff[0])
    yield w
    w.close()
