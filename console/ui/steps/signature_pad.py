"""A box the patient signs in with a mouse, a pen tablet or a finger; strokes keep their times.

Qt turns touch into mouse events when a widget does not take touch itself, so mouse handlers
serve fingers too; a pen is taken as tablet events (pressure-capable, no synthesised mouse).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QElapsedTimer, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from console.consent.signature import Point, Signature


class SignaturePad(QWidget):
    """Strokes in pad units (0..1); ``changed`` after every stroke and on clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature-pad")
        self.setAccessibleName(self.tr("signature box: sign here"))
        self.setMinimumSize(400, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[list[Point]] = []
        self._drawing = False
        self._clock = QElapsedTimer()

    # -- what it holds ------------------------------------------------------------------------
    def signature(self) -> Signature:
        return Signature(tuple(tuple(s) for s in self._strokes if s))

    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        self._strokes = []
        self._drawing = False
        self.update()
        self.changed.emit()

    # -- pointer input --------------------------------------------------------------------------
    def _point(self, pos: QPointF) -> Point:
        if not self._clock.isValid():
            self._clock.start()  # times count from the first touch of the signature
        w, h = max(1, self.width() - 1), max(1, self.height() - 1)
        x = min(max(pos.x() / w, 0.0), 1.0)
        y = min(max(pos.y() / h, 0.0), 1.0)
        return Point(x, y, int(self._clock.elapsed()))

    def _begin(self, pos: QPointF) -> None:
        if not self.isEnabled():
            return
        if not self._strokes:
            self._clock.invalidate()
        self._drawing = True
        self._strokes.append([self._point(pos)])
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if self._drawing:
            self._strokes[-1].append(self._point(pos))
            self.update()

    def _end(self, pos: QPointF) -> None:
        if self._drawing:
            self._extend(pos)
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()  # no synthesised mouse events: each pen point is taken once

    # -- drawing --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9aa5b1"), 1, Qt.PenStyle.DashLine))
        base = int(self.height() * 0.78)
        painter.drawLine(16, base, self.width() - 16, base)
        painter.drawText(
            16,
            base + 18,
            self.tr("Sign above the line")
            if self.isEnabled()
            else self.tr("Read the text to the end first"),
        )
        painter.setPen(
            QPen(
                QColor("#111111"),
                3,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        w, h = self.width() - 1, self.height() - 1
        for stroke in self._strokes:
            pts = [QPointF(p.x * w, p.y * h) for p in stroke]
            if len(pts) == 1:
                painter.drawPoint(pts[0])
            for a, b in itertools.pairwise(pts):
                painter.drawLine(a, b)
        painter.setPen(QPen(QColor("#3b4754"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()
