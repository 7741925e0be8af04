"""The PIN pad's action key shows its whole word ("Unlock", "Sign in") at both type sizes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from console.ui.widgets import theme
from console.ui.widgets.pin import PinPad


@pytest.fixture(params=[1.0, 1.3])
def themed(request: pytest.FixtureRequest) -> Iterator[float]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet = app.font(), app.styleSheet()
    theme.apply(app, request.param)
    yield request.param
    app.setStyleSheet(sheet)
    app.setFont(font)


def room_for_text(button: QPushButton) -> int:
    """The width inside the button's border and padding, where its text is drawn."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    return (
        button.style()
        .subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        .width()
    )


@pytest.mark.parametrize("word", ["Unlock", "Sign in"])
def test_the_pads_action_key_shows_its_whole_word(qtbot: QtBot, themed: float, word: str) -> None:
    pad = PinPad(word)
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    ok = pad.keys["OK"]
    assert ok.text() == word
    needed = ok.fontMetrics().horizontalAdvance(word)
    assert needed <= room_for_text(ok), f"{word!r} needs {needed} px, has {room_for_text(ok)}"
    assert needed <= ok.contentsRect().width()
