"""From the Finish step: this visit's before and after of each view, compared."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.context import AppContext
from console.errors import DomainError
from console.model.photos import Pair
from console.photos.service import PhotoService
from console.ui.photos.compare import PhotoCompare
from console.ui.photos.images import pixmap
from console.ui.widgets import common as widgets


class VisitPairDialog(QDialog):
    def __init__(self, ctx: AppContext, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before and after"))
        self.ctx, self.visit_id = ctx, visit_id
        self.service = PhotoService(ctx)
        self.pairs: list[Pair] = [
            pair
            for v in self.service.all_views()
            if (pair := self.service.visit_pair(visit_id, v.id)) is not None
        ]
        self.view_box = QComboBox()
        for pair in self.pairs:
            self.view_box.addItem(pair.view.name, pair.view.id)
        self.view_box.currentIndexChanged.connect(self._on_view_box_changed)
        self.compare = PhotoCompare()
        self.error = widgets.error_label()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("View")))
        top.addWidget(self.view_box)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.compare, 1)
        if not self.pairs:
            self.error.setText(
                self.tr("No view has both a before and an after photo in this visit.")
            )
        else:
            self._on_view_box_changed(0)

    def _on_view_box_changed(self, index: int) -> None:
        if not 0 <= index < len(self.pairs):
            return
        pair = self.pairs[index]
        zone = self.ctx.timezone()
        try:
            self.compare.show_pair(
                pixmap(self.service.screen(pair.earlier)),
                pixmap(self.service.screen(pair.later)),
                self.tr("Before, {time}").format(
                    time=f"{pair.earlier.taken_at.astimezone(zone):%H:%M}"
                ),
                self.tr("After, {time}").format(
                    time=f"{pair.later.taken_at.astimezone(zone):%H:%M}"
                ),
            )
            self.error.clear()
        except DomainError as exc:
            self.compare.clear()
            self.error.setText(exc.message)
