"""The clickable face and body map (vector art from resources/map/body_map.json)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QWidget,
)

from console.protocol import RESOURCES

MAP_FILE: Path = RESOURCES / "map" / "body_map.json"
IDLE = QColor("#dde7e4")
HOVER = QColor("#b9d3cb")
CHOSEN = QColor("#1f6f5c")


class _ZonePolygon(QGraphicsPolygonItem):
    def __init__(self, zone_id: str, polygon: QPolygonF, owner: BodyMap) -> None:
        super().__init__(polygon)
        self.zone_id = zone_id
        self.owner = owner
        self.setAcceptHoverEvents(True)
        self.setPen(QPen(QColor("#5b7f75"), 1.2))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.owner.zone_clicked.emit(self.zone_id)
        event.accept()

    def hoverEnterEvent(self, event: object) -> None:
        self.owner._hovered = self.zone_id
        self.owner.refresh()

    def hoverLeaveEvent(self, event: object) -> None:
        self.owner._hovered = None
        self.owner.refresh()


class BodyMap(QGraphicsView):
    """Emits ``zone_clicked(zone_id)``; shows chosen zones filled."""

    zone_clicked = Signal(str)

    def __init__(self, zone_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        data = json.loads(MAP_FILE.read_text(encoding="utf-8"))
        self._scene = QGraphicsScene(0, 0, data["width"], data["height"], self)
        self.setScene(self._scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(280, 420)
        self._items: dict[str, list[_ZonePolygon]] = {}
        self._chosen: set[str] = set()
        self._hovered: str | None = None
        for shape in data.get("outline", []):
            if shape["kind"] == "ellipse":
                self._scene.addEllipse(shape["x"], shape["y"], shape["w"], shape["h"],
                                       QPen(QColor("#9ab")))  # fmt: skip
            elif shape["kind"] == "text":
                text = self._scene.addText(shape["text"])
                text.setPos(shape["x"], shape["y"])
        for zone_id, polygons in data["zones"].items():
            if zone_id not in zone_names:
                continue  # the clinic removed this zone from its library
            for points in polygons:
                poly = QPolygonF([QPointF(x, y) for x, y in points])
                item = _ZonePolygon(zone_id, poly, self)
                item.setToolTip(zone_names[zone_id])
                self._scene.addItem(item)
                self._items.setdefault(zone_id, []).append(item)
        self.refresh()

    def zone_ids(self) -> list[str]:
        return list(self._items)

    def set_chosen(self, zone_ids: set[str]) -> None:
        self._chosen = set(zone_ids)
        self.refresh()

    def refresh(self) -> None:
        for zone_id, items in self._items.items():
            colour = (
                CHOSEN if zone_id in self._chosen else HOVER if zone_id == self._hovered else IDLE
            )
            for item in items:
                item.setBrush(QBrush(colour))

    def resizeEvent(self, event: object) -> None:
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        super().resizeEvent(event)  # type: ignore[arg-type]
