"""Records › Photos: a timeline per view, and any two dates compared (side by side, overlay).

The record's header takes a third of the room monitor, so the timeline runs down the left and
the comparison has the rest; "Enlarge" shows the same pair on the whole screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.model.photos import STAGE_WORDS, Pair, Photo
from console.photos.service import PhotoService
from console.ui.photos.compare import PhotoCompare
from console.ui.photos.images import pixmap
from console.ui.shell import i18n
from console.ui.widgets import common as widgets

TILE = 64


class PhotoSeriesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = PhotoService(ctx)
        self.patient_id = ""
        self.timeline: dict[str, list[Photo]] = {}
        self.pair: Pair | None = None
        self.view_box = QComboBox()
        self.view_box.setAccessibleName(self.tr("view"))
        self.view_box.currentIndexChanged.connect(self._on_view_box_changed)
        self.a_box, self.b_box = QComboBox(), QComboBox()
        for box in (self.a_box, self.b_box):
            # Narrow enough for the bar on a 1366 px screen; the list shows the whole date.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(9)
        self.a_box.setAccessibleName(self.tr("earlier date"))
        self.b_box.setAccessibleName(self.tr("later date"))
        self.a_box.currentIndexChanged.connect(self._on_dates_changed)
        self.b_box.currentIndexChanged.connect(self._on_dates_changed)
        self.strip = QListWidget()
        self.strip.setViewMode(QListView.ViewMode.ListMode)
        self.strip.setIconSize(QSize(TILE, TILE))
        self.strip.setAccessibleName(self.tr("timeline of the view"))
        self.strip.itemClicked.connect(self._on_strip_item_clicked)
        self.strip.setMinimumHeight(TILE + 8)
        self.compare = PhotoCompare()
        self.enlarge = QPushButton(self.tr("Enlarge…"))
        self.enlarge.clicked.connect(self._on_enlarge_clicked)
        self.error = widgets.error_label()
        self.empty = widgets.hint()
        self.empty.setWordWrap(True)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.view_box)
        left.addWidget(self.strip, 1)
        left.addWidget(self.empty)
        left.addWidget(self.enlarge)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(210)
        # The dates get a row of their own above the compare view's mode buttons: on one row
        # with them they pushed the Records screen 81 px past a 1280 px monitor.
        dates = QHBoxLayout()
        for w in (self.a_box, QLabel(self.tr("with")), self.b_box):
            dates.addWidget(w)
        dates.addStretch(1)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.error)
        right.addLayout(dates)
        right.addWidget(self.compare, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(left_box)
        layout.addLayout(right, 1)

    def show_patient(self, patient_id: str) -> None:
        self.patient_id = patient_id
        self.error.clear()
        self.timeline = self.service.timeline(patient_id)
        names = {v.id: v.name for v in self.service.all_views()}
        self.view_box.blockSignals(True)
        self.view_box.clear()
        for view_id, photos in self.timeline.items():
            self.view_box.addItem(f"{names.get(view_id, view_id)} ({len(photos)})", view_id)
        self.view_box.blockSignals(False)
        self.empty.setText("" if self.timeline else self.tr("No photos of this patient yet."))
        self._on_view_box_changed()

    def _label(self, p: Photo) -> str:
        local = p.taken_at.astimezone(self.ctx.timezone())
        return f"{i18n.day(local)} {STAGE_WORDS.get(p.stage, p.stage).lower()}"

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
        self.enlarge.setEnabled(bool(photos))
        if not photos:
            self.pair = None
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
            self.pair = self.service.pair(str(a), str(b))
            show(self.compare, self.service, self.pair, self._label)
        except DomainError as exc:
            self.pair = None
            self.compare.clear()
            self.error.setText(exc.message)

    @classmethod
    def ask(cls, dialog: QDialog) -> None:
        dialog.exec()

    def _on_enlarge_clicked(self) -> None:
        if self.pair is None:
            return
        dialog = QDialog(self.window())
        dialog.setWindowTitle(self.tr("{view}: compare").format(view=self.pair.view.name))
        big = PhotoCompare()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(dialog.accept)
        big.bar.addWidget(close)
        QVBoxLayout(dialog).addWidget(big)
        screen = self.screen().availableGeometry()
        dialog.resize(screen.width(), screen.height())
        show(big, self.service, self.pair, self._label)
        big.set_mode(self.compare.stack.currentIndex())
        self.ask(dialog)


def show(compare: PhotoCompare, service: PhotoService, pair: Pair, label: object) -> None:
    """Load the pair's screen copies (hash-checked paths, no EXIF) into ``compare``."""
    compare.show_pair(
        pixmap(service.screen(pair.earlier)),
        pixmap(service.screen(pair.later)),
        label(pair.earlier),  # type: ignore[operator]
        label(pair.later),  # type: ignore[operator]
    )
