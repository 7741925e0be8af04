"""The treatment map: anatomical art from resources/map/body_map.svg, one named group per zone.

Zones are hit-tested on their rendered pixels (so a click inside the ring around the eye but on
the eye itself picks nothing), chosen by mouse or keyboard, and labelled with their depth.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QToolTip, QWidget

from console.resources import RESOURCES

MAP_FILE: Path = RESOURCES / "map" / "body_map.svg"
CHOSEN = QColor(31, 111, 92, 190)  # the theme's deep green, translucent so the art shows
HOVER = QColor(31, 111, 92, 70)
FOCUS = QColor(240, 170, 40, 210)  # amber: readable from a metre against skin tones and green
OUTLINE = QColor("#3d2a1f")
LABEL_BG = QColor(255, 255, 255, 235)
LABEL_FG = QColor("#12352c")
_ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


def label_anchors(svg: Path = MAP_FILE) -> dict[str, QPointF]:
    """Where each zone's depth is written (data-label="x y" on its group, in viewBox units)."""
    anchors: dict[str, QPointF] = {}
    for element in ET.parse(svg).iter():
        zone_id, spot = element.get("id"), element.get("data-label")
        if zone_id and spot:
            x, y = (float(v) for v in spot.split())
            anchors[zone_id] = QPointF(x, y)
    return anchors


class BodyMap(QWidget):
    """Emits ``zone_clicked(zone_id)`` on a click, or on Space/Enter at the focused zone.

    Arrows move between zones by position, Tab/Shift+Tab in the list's order and then leave;
    Delete on a planned zone emits ``remove_requested(zone_id)``.
    """

    zone_clicked = Signal(str)
    current_changed = Signal(str)
    remove_requested = Signal(str)  # Delete on the focused zone: take it out of the plan

    def __init__(self, zone_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = QSvgRenderer(str(MAP_FILE), self)
        self._names = dict(zone_names)
        # The protocol's order (the list's order) is the Tab order; zones without art stay
        # listed but are not on the map.
        self._zones = [z for z in zone_names if self._renderer.elementExists(z)]
        self._anchors = label_anchors()
        self._labels: dict[str, str] = {}
        self._hovered: str | None = None
        self._current: str | None = None
        self._masks: dict[str, tuple[QRect, QImage]] = {}
        self._tinted: dict[tuple[str, int], QImage] = {}
        self._built_for = QSize()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(300, 200)
        self.setAccessibleName(
            self.tr("Treatment map: arrows or Tab move between areas, Space chooses")
        )

    # -- what the screen asks ----------------------------------------------------------------
    def zone_ids(self) -> list[str]:
        return list(self._zones)

    def current_zone(self) -> str | None:
        return self._current

    def hovered_zone(self) -> str | None:
        return self._hovered

    def set_current(self, zone_id: str | None) -> None:
        if zone_id == self._current or (zone_id is not None and zone_id not in self._zones):
            return
        self._current = zone_id
        self.setAccessibleDescription(self._names.get(zone_id or "", ""))
        self.current_changed.emit(zone_id or "")
        self.update()

    def set_chosen(self, labels: Mapping[str, str]) -> None:
        """The planned zones, each with the text written on it (its depth)."""
        self._labels = dict(labels)
        self.update()

    def chosen(self) -> dict[str, str]:
        return dict(self._labels)

    def zone_at(self, point: QPoint) -> str | None:
        self._ensure_masks()
        for zone_id in reversed(self._zones):  # the last drawn lies on top
            rect, mask = self._masks[zone_id]
            if rect.contains(point):
                local = point - rect.topLeft()
                if mask.pixelColor(local).alpha() > 0:
                    return zone_id
        return None

    def zone_centre(self, zone_id: str) -> QPoint:
        """Where the zone's label sits, in widget pixels (tests click there)."""
        return self.to_widget(self._anchor(zone_id)).toPoint()

    # -- geometry ------------------------------------------------------------------------------
    def _view_rect(self) -> QRectF:
        box = self._renderer.viewBoxF()
        scale = min(self.width() / box.width(), self.height() / box.height())
        w, h = box.width() * scale, box.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _to_widget_rect(self, r: QRectF) -> QRectF:
        view, box = self._view_rect(), self._renderer.viewBoxF()
        s = view.width() / box.width()
        return QRectF(
            view.x() + (r.x() - box.x()) * s,
            view.y() + (r.y() - box.y()) * s,
            r.width() * s,
            r.height() * s,
        )

    def to_widget(self, p: QPointF) -> QPointF:
        """A point of the art (viewBox units) in widget pixels."""
        return self._to_widget_rect(QRectF(p, p)).topLeft()

    def _anchor(self, zone_id: str) -> QPointF:
        return self._anchors.get(zone_id) or self._renderer.boundsOnElement(zone_id).center()

    def _ensure_masks(self) -> None:
        if self._built_for == self.size() and self._masks:
            return
        self._masks.clear()
        self._tinted.clear()
        for zone_id in self._zones:
            bounds = self._to_widget_rect(self._renderer.boundsOnElement(zone_id))
            rect = bounds.toAlignedRect().adjusted(-2, -2, 2, 2)
            mask = QImage(rect.size(), QImage.Format.Format_ARGB32_Premultiplied)
            mask.fill(Qt.GlobalColor.transparent)
            painter = QPainter(mask)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer.render(painter, zone_id, bounds.translated(-QPointF(rect.topLeft())))
            painter.end()
            self._masks[zone_id] = (rect, mask)
        self._built_for = self.size()

    def _tint(self, zone_id: str, colour: QColor) -> QImage:
        key = (zone_id, colour.rgba())
        if key not in self._tinted:
            image = self._masks[zone_id][1].copy()
            painter = QPainter(image)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(image.rect(), colour)
            painter.end()
            self._tinted[key] = image
        return self._tinted[key]

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self._ensure_masks()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self._renderer.render(painter, self._view_rect())
        focused = self._current if self.hasFocus() else None
        for zone_id in self._zones:
            rect, _ = self._masks[zone_id]
            if zone_id == focused:
                # A dark ring (the zone drawn 3 px off in four directions) under the amber fill.
                for dx, dy in ((-3, 0), (3, 0), (0, -3), (0, 3)):
                    painter.drawImage(rect.topLeft() + QPoint(dx, dy), self._tint(zone_id, OUTLINE))
            colour = (
                FOCUS
                if zone_id == focused
                else CHOSEN
                if zone_id in self._labels
                else HOVER
                if zone_id == self._hovered
                else None
            )
            if colour is not None:
                painter.drawImage(rect.topLeft(), self._tint(zone_id, colour))
        if self._renderer.elementExists("features"):
            features = self._to_widget_rect(self._renderer.boundsOnElement("features"))
            self._renderer.render(painter, "features", features)
        for zone_id, text in self._labels.items():
            if zone_id in self._masks:
                self._pill(painter, zone_id, text, bold=True)
        if focused is not None:
            # The focused zone's name goes in the top corner, not on the face it would hide.
            name = self._names.get(focused, focused)
            text = f"{name}: {self._labels[focused]}" if focused in self._labels else name
            self._pill(painter, None, text, bold=True)
        painter.end()

    def _pill(self, painter: QPainter, zone_id: str | None, text: str, *, bold: bool) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(13, round(self._view_rect().height() / 30)))
        font.setBold(bold)
        metrics = QFontMetrics(font)
        box = QRectF(metrics.boundingRect(text)).adjusted(-6, -3, 6, 3)
        if zone_id is None:
            box.moveTopLeft(QPointF(4, 4))
        else:
            box.moveCenter(self.to_widget(self._anchor(zone_id)))
        # Keep the label on the widget even for zones at its edge.
        box.moveLeft(max(2.0, min(box.left(), self.width() - box.width() - 2)))
        painter.setFont(font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LABEL_BG)
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(LABEL_FG)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._masks.clear()
        super().resizeEvent(event)

    # -- mouse ---------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        zone_id = self.zone_at(event.position().toPoint())
        if zone_id != self._hovered:
            self._hovered = zone_id
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if zone_id else Qt.CursorShape.ArrowCursor
            )
            if zone_id:
                QToolTip.showText(event.globalPosition().toPoint(), self._names[zone_id], self)
            self.update()

    def leaveEvent(self, event: object) -> None:
        self._hovered = None
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        zone_id = self.zone_at(event.position().toPoint())
        if zone_id is None:
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.set_current(zone_id)
        self.zone_clicked.emit(zone_id)

    # -- keyboard -----------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._current is None and self._zones:
            backwards = event.reason() == Qt.FocusReason.BacktabFocusReason
            self.set_current(self._zones[-1 if backwards else 0])
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Tab walks the zones first; past the last one it leaves the map as usual.
        if self.hasFocus() and self._current in self._zones:
            i = self._zones.index(self._current) + (1 if forward else -1)
            if 0 <= i < len(self._zones):
                self.set_current(self._zones[i])
                return True
        return super().focusNextPrevChild(forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _ARROWS and self._current is not None:
            target = self._nearest(self._current, *_ARROWS[key])
            if target is not None:
                self.set_current(target)
            event.accept()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current:
            self.zone_clicked.emit(self._current)
            event.accept()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._current in self._labels:
            self.remove_requested.emit(self._current)
            event.accept()
        else:
            super().keyPressEvent(event)

    def _nearest(self, zone_id: str, dx: int, dy: int) -> str | None:
        """The closest zone whose label lies in the arrow's direction; sideways counts double."""
        here = self._anchor(zone_id)
        best: tuple[float, str] | None = None
        for other in self._zones:
            there = self._anchor(other)
            along = (there.x() - here.x()) * dx + (there.y() - here.y()) * dy
            across = abs((there.x() - here.x()) * dy) + abs((there.y() - here.y()) * dx)
            if other == zone_id or along <= 0:
                continue
            score = along + 2 * across
            if best is None or score < best[0]:
                best = (score, other)
        return best[1] if best else None
