"""The room's visual language: legible colours, body text size, a focus ring seen from a metre."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QFontInfo
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.ui.widgets import theme


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    app = qapp
    font, sheet = app.font(), app.styleSheet()
    theme.apply(app, 1.0)
    yield app
    app.setStyleSheet(sheet)
    app.setFont(font)


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = []
        for v in (c.redF(), c.greenF(), c.blueF()):
            channels.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        r, g, b_ = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize(
    ("fore", "back"),
    [
        (theme.INK, "#ffffff"),
        ("#ffffff", theme.PRIMARY),
        ("#ffffff", theme.DANGER),
        (theme.DANGER, "#ffffff"),
        (theme.WARNING, "#ffffff"),
        (theme.HINT, "#ffffff"),
        (theme.INK, theme.BANNER),
        (theme.FOCUS, "#ffffff"),
    ],
)
def test_text_colours_meet_wcag_aa(fore: str, back: str) -> None:
    assert contrast(fore, back) >= 4.5


def test_body_text_is_at_least_16_pixels(app: QApplication) -> None:
    assert QFontInfo(app.font()).pixelSize() >= 16


def test_the_focused_button_wears_a_thick_ring(qtbot: QtBot, app: QApplication) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    first, second = QPushButton("Record gel"), QPushButton("Skin cleansed")
    layout = QVBoxLayout(page)
    layout.addWidget(first)
    layout.addWidget(second)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)

    def ring_pixels(button: QPushButton) -> int:
        image = button.grab().toImage()
        focus = QColor(theme.FOCUS).rgb()
        return sum(
            image.pixel(x, y) == focus for x in range(image.width()) for y in range(image.height())
        )

    # About four pixels deep all round the focused button; none on the other.
    assert ring_pixels(first) >= 3 * 2 * (first.width() + first.height())
    assert ring_pixels(second) == 0
