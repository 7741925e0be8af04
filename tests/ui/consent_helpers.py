"""Driving the Consent step as a patient would: pointer events on the pad, Page Down to read."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.visit_helpers import press


def _mouse(widget: QWidget, kind: QMouseEvent.Type, x: float, y: float) -> None:
    button = Qt.MouseButton.LeftButton
    buttons = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseButtonRelease else button
    pos = QPointF(x, y)
    event = QMouseEvent(
        kind, pos, widget.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def sign_with_mouse(pad: QWidget, points: list[tuple[float, float]]) -> None:
    _mouse(pad, QMouseEvent.Type.MouseButtonPress, *points[0])
    for p in points[1:]:
        _mouse(pad, QMouseEvent.Type.MouseMove, *p)
    _mouse(pad, QMouseEvent.Type.MouseButtonRelease, *points[-1])


def sign_with_pen(pad: QWidget, points: list[tuple[float, float]]) -> None:
    device = QPointingDevice.primaryPointingDevice()
    kinds = (
        [QTabletEvent.Type.TabletPress]
        + [QTabletEvent.Type.TabletMove] * (len(points) - 2)
        + [QTabletEvent.Type.TabletRelease]
    )
    for kind, (x, y) in zip(kinds, points, strict=True):
        pos = QPointF(x, y)
        event = QTabletEvent(
            kind,
            device,
            pos,
            pad.mapToGlobal(pos),
            0.6,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
        )
        QApplication.sendEvent(pad, event)


ZIGZAG = [(30 + 25 * i, 40 + 60 * (i % 2)) for i in range(14)]


def read_to_end(screen: object) -> None:
    bar = screen.text.verticalScrollBar()
    screen.text.setFocus()
    for _ in range(60):
        if screen.read_to_end:
            return
        press(screen.text, Qt.Key.Key_PageDown)
    assert bar.value() == bar.maximum()
