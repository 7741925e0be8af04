"""Records › Photos: a timeline per view, and any two dates compared (side by side, overlay)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.photos.model import STAGE_WORDS, Photo
from console.photos.service import PhotoService
from console.ui import widgets
from console.ui.photos.compare import PhotoCompare
from console.ui.photos.images import pixmap

TILE = 96


class PhotoSeriesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = PhotoService(ctx)
        self.patient_id = ""
        self.timeline: dict[str, list[Photo]] = {}
        self.view_box = QComboBox()
        self.view_box.setAccessibleName("view")
        self.view_box.currentIndexChanged.connect(self._on_view_box_changed)
        self.a_box, self.b_box = QComboBox(), QComboBox()
        self.a_box.setAccessibleName("earlier date")
        self.b_box.setAccessibleName("later date")
        self.a_box.currentIndexChanged.connect(self._on_dates_changed)
        self.b_box.currentIndexChanged.connect(self._on_dates_changed)
        self.strip = QListWidget()
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setIconSize(QSize(TILE, TILE))
        self.strip.setFixedHeight(TILE + 44)
        self.strip.setMovement(QListView.Movement.Static)
        self.strip.itemClicked.connect(self._on_strip_item_clicked)
        self.compare = PhotoCompare()
        self.error = widgets.error_label()
        self.empty = widgets.hint()
        top = QHBoxLayout()
        top.addWidget(QLabel("View"))
        top.addWidget(self.view_box)
        top.addSpacing(16)
        top.addWidget(QLabel("Compare"))
        top.addWidget(self.a_box)
        top.addWidget(QLabel("with"))
        top.addWidget(self.b_box)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.strip)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(self.compare, 1)

    def show_patient(self, patient_id: str) -> None:
        self.patient_id = patient_id
        self.error.clear()
        self.timeline = self.service.timeline(patient_id)
        names = {v.id: v.name for v in self.service.views()}
        self.view_box.blockSignals(True)
        self.view_box.clear()
        for view_id, photos in self.timeline.items():
            self.view_box.addItem(f"{names.get(view_id, view_id)} ({len(photos)})", view_id)
        self.view_box.blockSignals(False)
        self.empty.setText("" if self.timeline else "No photos of this patient yet.")
        self._on_view_box_changed()

    def _label(self, p: Photo) -> str:
        local = p.taken_at.astimezone(self.ctx.timezone())
        return f"{local:%d %b %Y} {STAGE_WORDS.get(p.stage, p.stage).lower()}"

    def photos(self) -> list[Photo]:
        return self.timeline.get(str(self.view_box.currentData() or ""), [])

    def _on_view_box_changed(self, _index: int = 0) -> None:
        photos = self.photos()
        self.strip.clear()
        for p in photos:
            item = QListWidgetItem(self._label(p))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            try:
                item.setIcon(QIcon(pixmap(self.service.thumbnail(p), TILE)))
            except DomainError as exc:
                self.error.setText(exc.message)
            self.strip.addItem(item)
        for box in (self.a_box, self.b_box):
            box.blockSignals(True)
            box.clear()
            for p in photos:
                box.addItem(self._label(p), p.id)
            box.blockSignals(False)
        if not photos:
            self.compare.clear()
            return
        # First the series' very first picture against its latest: the whole course at a glance.
        self.a_box.setCurrentIndex(0)
        self.b_box.setCurrentIndex(len(photos) - 1)
        self._on_dates_changed()

    def _on_strip_item_clicked(self, item: QListWidgetItem) -> None:
        """A tile goes into the later slot: click through the series against the first."""
        index = self.b_box.findData(item.data(Qt.ItemDataRole.UserRole))
        self.b_box.setCurrentIndex(index)

    def shown_ids(self) -> tuple[str, str]:
        return str(self.a_box.currentData()), str(self.b_box.currentData())

    def _on_dates_changed(self, _index: int = 0) -> None:
        a, b = self.a_box.currentData(), self.b_box.currentData()
        if not a or not b:
            return
        self.error.clear()
        try:
            pair = self.service.pair(str(a), str(b))
            self.compare.show_pair(
                pixmap(self.service.screen(pair.earlier)),
                pixmap(self.service.screen(pair.later)),
                self._label(pair.earlier),
                self._label(pair.later),
            )
        except DomainError as exc:
            self.compare.clear()
            self.error.setText(exc.message)
