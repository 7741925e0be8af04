"""Settings → Photo views: the clinic's standard views and its views per treated zone.

An admin adds, renames, reorders and retires views; everyone else sees them read-only. The
rules (bounds, unique ids, who may) are the photo service's; this tab only shows its answers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.model.photos import View
from console.photos.service import PhotoService
from console.ui.widgets import common as widgets


class PhotoViewsEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = PhotoService(ctx)
        self.all: list[View] = []
        self.view_list = QListWidget()
        self.view_list.setAccessibleName(self.tr("photo views, in capture order"))
        self.view_list.currentRowChanged.connect(self._on_view_list_row_changed)
        self.up = QPushButton(self.tr("Move &up"))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down = QPushButton(self.tr("Move d&own"))
        self.down.clicked.connect(lambda: self._move(1))
        self.new = QPushButton(self.tr("&New view"))
        self.new.clicked.connect(self._on_new_clicked)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Cheeks, close"))
        self.view_id = QLineEdit()
        self.view_id.setPlaceholderText(self.tr("made from the name if left empty"))
        self.view_id.setAccessibleName(self.tr("id used by scripts"))
        self.zone = QComboBox()
        self.zone.setAccessibleName(self.tr("treated zone"))
        self.guide = QPlainTextEdit()
        self.guide.setTabChangesFocus(True)
        self.guide.setMaximumHeight(90)
        self.guide.setAccessibleName(self.tr("positioning guide"))
        self.errors = {f: widgets.error_label() for f in ("name", "id", "zone", "guide")}
        self.error = widgets.error_label()
        self.status = widgets.hint()
        self.save = widgets.primary(self.tr("&Save view"))
        self.save.clicked.connect(self._on_save_clicked)
        self.retire = QPushButton(self.tr("&Retire view"))
        self.retire.clicked.connect(self._on_retire_clicked)
        self._set_keys()

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("Id"), self.view_id)
        form.addRow("", self.errors["id"])
        form.addRow(self.tr("Treated zone"), self.zone)
        form.addRow("", self.errors["zone"])
        form.addRow(self.tr("Positioning guide"), self.guide)
        form.addRow("", self.errors["guide"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.retire)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        right = QVBoxLayout()
        right.addWidget(
            widgets.hint(
                self.tr(
                    "A view tied to a treated zone is offered at capture only on visits that "
                    "plan that zone. A retired view is no longer taken; its photos stay in Records."
                )
            )
        )
        right.addLayout(form)
        right.addWidget(self.error)
        right.addLayout(buttons)
        right.addStretch(1)
        # Labels above their fields, and the list's buttons on two rows: side by side, the
        # long zone names and the three buttons made Settings 1,288 px wide at type size 1.3.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        order = QHBoxLayout()
        for b in (self.up, self.down):
            order.addWidget(b)
        left = QVBoxLayout()
        left.addWidget(self.view_list, 1)
        left.addLayout(order)
        left.addWidget(self.new)
        main = QHBoxLayout()
        main.addLayout(left, 2)
        main.addLayout(right, 3)
        outer = QVBoxLayout(self)
        outer.addLayout(main, 1)
        outer.addWidget(self.status)
        self.load()

    def showEvent(self, event: QShowEvent) -> None:
        self.load()
        super().showEvent(event)

    def load(self, keep: str | None = None) -> None:
        """Read the views again and select ``keep`` (or the row that was selected)."""
        current = self.view_list.currentItem()
        if keep is None and current is not None:
            keep = str(current.data(Qt.ItemDataRole.UserRole))
        self.all = self.service.all_views()
        zones = self.service.zones()
        zone_names = dict(zones)
        self.zone.clear()
        self.zone.addItem(self.tr("Every visit (a general view)"), "")
        for zone_id, zone_name in zones:
            self.zone.addItem(zone_name, zone_id)
        self.view_list.blockSignals(True)
        self.view_list.clear()
        for v in self.all:
            text = v.name
            if v.zone_id:
                text += f" · {zone_names.get(v.zone_id, v.zone_id)}"
            if v.retired:
                text += self.tr(" (retired)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            self.view_list.addItem(item)
        self.view_list.blockSignals(False)
        ids = [v.id for v in self.all]
        self.view_list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._on_view_list_row_changed(self.view_list.currentRow())
        editable = self.service.can_edit_views()
        for w in (self.name, self.guide, self.zone, self.save, self.new, self.up, self.down):
            w.setEnabled(editable)
        self.retire.setEnabled(editable and bool(self.all))
        self.view_id.setReadOnly(True)
        if not editable:
            self.status.setText(self.tr("Only an admin can change the photo views."))

    def _set_keys(self) -> None:
        # The underlined letters, set explicitly: mnemonics are off on some platforms, and
        # setText() on a button resets its shortcut.
        for button, key in (
            (self.new, "Alt+N"),
            (self.save, "Alt+S"),
            (self.retire, "Alt+R"),
            (self.up, "Alt+U"),
            (self.down, "Alt+O"),
        ):
            button.setShortcut(QKeySequence(key))

    def selected(self) -> View | None:
        row = self.view_list.currentRow()
        return self.all[row] if 0 <= row < len(self.all) else None

    def _clear_errors(self) -> None:
        self.error.clear()
        for label in self.errors.values():
            label.clear()

    def _show_error(self, exc: DomainError) -> None:
        self.errors.get(exc.field or "", self.error).setText(exc.message)

    def _on_view_list_row_changed(self, row: int) -> None:
        self._clear_errors()
        view = self.selected()
        if view is None:
            return
        self.name.setText(view.name)
        self.view_id.setText(view.id)
        self.view_id.setReadOnly(True)  # photos and scripts refer to it: fixed once made
        self.guide.setPlainText(view.guide)
        self.zone.setCurrentIndex(max(0, self.zone.findData(view.zone_id)))
        self.retire.setText(self.tr("&Restore view") if view.retired else self.tr("&Retire view"))
        self._set_keys()
        movable = self.service.can_edit_views() and not view.retired
        self.up.setEnabled(movable)
        self.down.setEnabled(movable)

    def _on_new_clicked(self) -> None:
        self._clear_errors()
        self.view_list.blockSignals(True)
        self.view_list.setCurrentRow(-1)
        self.view_list.blockSignals(False)
        for field in (self.name, self.view_id):
            field.clear()
        self.guide.clear()
        self.zone.setCurrentIndex(0)
        self.view_id.setReadOnly(False)
        self.retire.setEnabled(False)
        self.status.setText(self.tr("New view: write its name and guide, then Save."))
        self.name.setFocus()

    def _on_save_clicked(self) -> None:
        self._clear_errors()
        view = self.selected()
        zone = str(self.zone.currentData() or "")
        try:
            if view is None:
                saved = self.service.add_view(
                    self.name.text(),
                    self.guide.toPlainText(),
                    zone_id=zone,
                    view_id=self.view_id.text().strip(),
                )
                word = self.tr("added")
            else:
                saved = self.service.edit_view(
                    view.id, self.name.text(), self.guide.toPlainText(), zone_id=zone
                )
                word = self.tr("saved")
        except DomainError as exc:
            self._show_error(exc)
            return
        self.load(keep=saved.id)
        self.status.setText(self.tr("View “{name}” {done}.").format(name=saved.name, done=word))

    def _on_retire_clicked(self) -> None:
        self._clear_errors()
        view = self.selected()
        if view is None:
            return
        try:
            if view.retired:
                done = self.service.restore_view(view.id)
                self.status.setText(
                    self.tr("View “{name}” is offered again.").format(name=done.name)
                )
            else:
                done = self.service.retire_view(view.id)
                self.status.setText(
                    self.tr(
                        "View “{name}” retired: no longer taken; its photos stay in Records."
                    ).format(name=done.name)
                )
        except DomainError as exc:
            self._show_error(exc)
            return
        self.load(keep=view.id)

    def _move(self, step: int) -> None:
        self._clear_errors()
        view = self.selected()
        order = [v.id for v in self.all if not v.retired]
        if view is None or view.id not in order:
            return
        at = order.index(view.id)
        if not 0 <= at + step < len(order):
            return
        order[at], order[at + step] = order[at + step], order[at]
        try:
            self.service.order_views(order)
        except DomainError as exc:
            self._show_error(exc)
            return
        self.load(keep=view.id)
        self.view_list.setFocus()
