"""Plan: pick areas on the map or the list; per area a depth typed in mm and target passes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.data import visits_repo
from console.errors import DomainError
from console.protocol import Protocol
from console.ui import widgets
from console.ui.body_map import BodyMap
from console.ui.flow import VisitFlow
from console.visit.service import VisitService
from console.visit.treatment import ConfirmationNeeded


class PlanScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.service = VisitService(ctx)
        self.protocol: Protocol | None = None
        self.map_box = QVBoxLayout()
        self.map: BodyMap | None = None
        self.zones = QListWidget()
        self.zones.currentRowChanged.connect(self._on_zones_row_changed)

        self.zone_title = widgets.title("Choose an area")
        self.concern = QComboBox()
        widgets.show_whole_choice(self.concern)  # the whole concern, never cut short
        self.concern.currentIndexChanged.connect(self._on_concern_changed)
        self.typical = widgets.hint()
        self.depth = QLineEdit()
        self.depth.setPlaceholderText("type it")
        self.depth.setMaximumWidth(140)
        self.depth.setAccessibleName("depth in millimetres")
        self.depth.returnPressed.connect(self._on_add_clicked)
        unit = QLabel("mm")
        unit.setStyleSheet("font-weight: bold;")
        depth_row = QHBoxLayout()
        depth_row.addWidget(self.depth)
        depth_row.addWidget(unit)
        depth_row.addStretch(1)
        self.depth_error = widgets.error_label()
        self.warning = widgets.warning_label()
        self.confirm = QCheckBox("I confirm this depth")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Reason (recorded with the visit)")
        self.passes = QSpinBox()
        self.passes.setRange(1, 20)
        self.add = widgets.primary("Add area to plan")
        self.add.clicked.connect(self._on_add_clicked)
        self._set_confirmation_visible(False)

        form = QFormLayout()
        form.addRow(self.zone_title)
        form.addRow("Concern", self.concern)
        form.addRow(self.typical)
        form.addRow("Depth", depth_row)
        form.addRow(self.depth_error)
        form.addRow(self.warning)
        form.addRow("", self.confirm)
        form.addRow("Reason", self.reason)
        form.addRow("Target passes", self.passes)
        form.addRow("", self.add)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Area", "Depth", "Passes", "Note"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(170)
        self.remove = QPushButton("Remove selected area")
        self.remove.clicked.connect(self._on_remove_clicked)
        self.error = widgets.error_label()
        self.next = widgets.primary("Start treating")
        self.next.clicked.connect(self._on_next_clicked)

        left = QVBoxLayout()
        left.addLayout(self.map_box, 3)
        left.addWidget(self.zones, 2)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(widgets.hint("Planned areas, in treatment order:"))
        right.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        right.addWidget(self.error)
        right.addLayout(buttons)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(widgets.title("Plan"))
        layout.addLayout(columns, 1)
        self.action_buttons = (self.next,)  # the main window's action bar
        self._built_for: str | None = None

    def enter(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        if visit_id != self._built_for:
            self.protocol = self.service.protocol_for(visit_id)
            names = {z.id: z.name for z in self.protocol.zones}
            if self.map is not None:
                self.map.deleteLater()
            self.map = BodyMap(names)
            self.map.zone_clicked.connect(self._on_map_zone_clicked)
            self.map_box.addWidget(self.map)
            self.zones.clear()
            for z in self.protocol.zones:
                item = QListWidgetItem(z.name)
                item.setData(Qt.ItemDataRole.UserRole, z.id)
                self.zones.addItem(item)
            self.concern.clear()
            for cid, cname in self.protocol.concerns:
                self.concern.addItem(cname, cid)
            self._reset_entry()
            self._built_for = visit_id
        self._refresh_table()
        self.zones.setFocus()

    def _reset_entry(self) -> None:
        """A new visit: no zone chosen, no depth typed, no reason carried from the last one."""
        self.zones.setCurrentRow(-1)
        self.zones.clearSelection()
        self.zone_title.setText("Choose an area")
        self.typical.clear()
        self.depth.clear()
        self.passes.setValue(self.passes.minimum())
        self._clear_messages()

    # -- choosing a zone --------------------------------------------------------------------
    def _zone_id(self) -> str | None:
        item = self.zones.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _on_map_zone_clicked(self, zone_id: str) -> None:
        for row in range(self.zones.count()):
            if self.zones.item(row).data(Qt.ItemDataRole.UserRole) == zone_id:
                self.zones.setCurrentRow(row)
        self.depth.setFocus()

    def _on_zones_row_changed(self, _row: int) -> None:
        zone_id = self._zone_id()
        if zone_id is None or self.protocol is None:
            return
        zone = self.protocol.zone(zone_id)
        self.zone_title.setText(zone.name)
        # Never pre-filled: the practitioner types every depth (product.md, safe entry).
        self.depth.clear()
        self.passes.setValue(self.protocol.target_passes(zone))
        self._clear_messages()
        self._on_concern_changed()

    def _on_concern_changed(self, *_: object) -> None:
        zone_id = self._zone_id()
        if zone_id is None or self.protocol is None:
            return
        zone = self.protocol.zone(zone_id)
        concern = self.concern.currentData() or "general"
        low, high = zone.typical_range(concern)
        note = f" {zone.note}" if zone.note else ""
        self.typical.setText(f"Typical for {zone.name}: {low}–{high} mm.{note}")
        self._clear_messages()

    def _clear_messages(self) -> None:
        self.depth_error.clear()
        self.warning.clear()
        self.error.clear()
        self._set_confirmation_visible(False)

    def _set_confirmation_visible(self, visible: bool) -> None:
        self.confirm.setVisible(visible)
        self.reason.setVisible(visible)
        if not visible:
            self.confirm.setChecked(False)
            self.reason.clear()

    # -- adding -----------------------------------------------------------------------------
    def _on_add_clicked(self) -> None:
        zone_id = self._zone_id()
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        if zone_id is None:
            self.error.setText("Choose an area on the map or in the list.")
            return
        self.depth_error.clear()
        try:
            self.service.plan_area(
                visit_id, zone_id, concern=self.concern.currentData() or "general",
                depth_text=self.depth.text(), target_passes=self.passes.value(),
                reason=self.reason.text(), confirmed=self.confirm.isChecked(),
            )  # fmt: skip
        except ConfirmationNeeded as needed:
            self.warning.setText(needed.message + " Confirm and give a reason to add it.")
            self._set_confirmation_visible(True)
            if self.confirm.isChecked() and not self.reason.text().strip():
                self.depth_error.setText("Give the reason for this depth.")
            self.confirm.setFocus()
            return
        except DomainError as error:
            (self.depth_error if error.field == "depth" else self.error).setText(error.message)
            self.depth.setFocus()
            self.depth.selectAll()
            return
        self._clear_messages()
        self.depth.clear()
        self._refresh_table()

    def _refresh_table(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        record = visits_repo.load_record(self.ctx.db, visit_id)
        self.table.setRowCount(len(record.areas))
        for row, area in enumerate(record.areas):
            values = [area.zone_name, f"{area.depth_mm} mm", str(area.target_passes),
                      area.outside_typical_reason]  # fmt: skip
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, area.id)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        if self.map is not None:
            self.map.set_chosen({a.zone_id for a in record.areas})

    def _on_remove_clicked(self) -> None:
        item = self.table.currentItem()
        if item is None:
            self.error.setText("Select a planned area first.")
            return
        try:
            self.service.remove_area(str(item.data(Qt.ItemDataRole.UserRole)))
        except DomainError as error:
            self.error.setText(error.message)
            return
        self._refresh_table()

    def _on_next_clicked(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        if not self.service.area_ids(visit_id):
            self.error.setText("Add at least one area to the plan.")
            return
        missing = self.service.prep_missing(visit_id)
        if missing:
            self.error.setText("Not ready to treat: " + " ".join(missing))
            return
        self.flow.go("treat")
