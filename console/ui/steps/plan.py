"""Plan: pick areas on the map or the list; per area a depth typed in mm and target passes."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
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
from console.errors import DomainError
from console.model.protocol import Protocol
from console.protocol.depth import format_mm
from console.ui.shell.flow import VisitFlow
from console.ui.steps.body_map import BodyMap
from console.ui.widgets import common as widgets
from console.ui.widgets import theme
from console.ui.widgets.fitted_table import FittedTable
from console.visit.lifecycle import VisitLifecycle
from console.visit.prep import PrepService
from console.visit.treatment import ConfirmationNeeded, TreatmentService


def headline(warning: str) -> str:
    """The first clause: "2.5 mm is above 1.5 mm on the SkinPen. FDA labelling: …" -> its
    first sentence. A decimal point is followed by a digit, so it never ends a clause here."""
    return re.split(r"(?<=[.?!:])\s", warning, maxsplit=1)[0].rstrip(":")


class ZoneGrid(QListWidget):
    """The areas as a wrapped grid, exactly as tall as its rows: every name in view, whole."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def fit_rows(self) -> None:
        self.doItemsLayout()
        if not self.count():
            return
        bottom = max(self.visualItemRect(self.item(i)).bottom() for i in range(self.count()))
        height = bottom + self.verticalOffset() + 2 * self.frameWidth() + 2 * self.spacing() + 2
        if height != self.height():
            self.setFixedHeight(height)


class ConfirmRow(QWidget):
    """The tick and the reason side by side, or the reason under the tick where both do not
    fit whole (German at type size 1.3). Decided from the width the row is given, so the
    choice is stable: side by side asks for no more than it was given."""

    def __init__(self, tick: QCheckBox, reason: QLineEdit) -> None:
        super().__init__()
        self.tick, self.reason = tick, reason
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(tick)
        self.box.addWidget(reason, 1)
        # Asks only for what the stacked pair needs: the width given decides the arrangement.
        self.box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    def minimumSizeHint(self) -> QSize:
        tick, reason = self.tick.minimumSizeHint(), self._reason_least()
        if self.box.direction() == QBoxLayout.Direction.LeftToRight:
            return QSize(max(tick.width(), reason.width()), max(tick.height(), reason.height()))
        return QSize(
            max(tick.width(), reason.width()), tick.height() + self.box.spacing() + reason.height()
        )

    def _reason_least(self) -> QSize:
        # Its minimum width is set to show its prompt whole (show_whole_prompt).
        return self.reason.minimumSizeHint().expandedTo(self.reason.minimumSize())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        beside = self.tick.sizeHint().width() + self.box.spacing() + self._reason_least().width()
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if beside <= self.width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)


class PlanScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.visits = VisitLifecycle(ctx)
        self.prep = PrepService(ctx, self.visits)
        self.treatment = TreatmentService(ctx, self.visits, self.prep)
        self.protocol: Protocol | None = None
        self.map_box = QVBoxLayout()
        self.map: BodyMap | None = None
        self.zones = ZoneGrid()
        self.zones.setAccessibleName(self.tr("Areas: arrows move, Enter chooses"))
        self.zones.currentRowChanged.connect(self._on_zones_row_changed)
        self.zones.itemActivated.connect(self._on_zones_item_activated)
        # Where the zone was chosen from: after Enter adds it, focus goes back there.
        self._chooser: QWidget = self.zones
        self._planned: dict[str, int] = {}  # zone id -> its row in the plan table

        self.zone_title = widgets.title(self.tr("Choose an area"))
        self.concern = QComboBox()
        widgets.show_whole_choice(self.concern)  # the whole concern, never cut short
        self.concern.currentIndexChanged.connect(self._on_concern_changed)
        self.typical = widgets.hint()
        self.depth_input = QLineEdit()
        self.depth_input.setPlaceholderText(self.tr("type it"))
        self.depth_input.setMaximumWidth(140)
        self.depth_input.setAccessibleName(self.tr("depth in millimetres"))
        self.depth_input.returnPressed.connect(self._on_add_clicked)
        unit = QLabel(self.tr("mm"))
        theme.mark(unit, role="unit")
        depth_row = QHBoxLayout()
        depth_row.addWidget(self.depth_input)
        depth_row.addWidget(unit)
        depth_row.addStretch(1)
        self.depth_error = widgets.error_label()
        self.warning = widgets.warning_label()
        self.details = QPushButton(self.tr("Details"))
        self.details.setCheckable(True)
        self.details.toggled.connect(self._on_details_toggled)
        bold = QFont(self.details.font())
        bold.setBold(True)
        self.details.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(self.details.text()) + 40)
        self.details_text = widgets.hint()
        self.confirm = QCheckBox(self.tr("I confirm"))
        self.reason = QLineEdit()
        # Short enough beside the tick at type size 1.3 in German; the warnings above say why.
        self.reason.setPlaceholderText(self.tr("Reason (recorded)"))
        widgets.show_whole_prompt(self.reason)
        self.reason.setAccessibleName(self.tr("reason for this depth"))
        self.reason.returnPressed.connect(self._on_add_clicked)
        self.passes = QSpinBox()
        self.passes.setRange(1, 20)
        self.add = widgets.primary(self.tr("Add area to plan"))
        self.add.clicked.connect(self._on_add_clicked)

        form = QFormLayout()
        # Rows are shared (Details beside the depth, the reason beside its tick, Add beside the
        # passes) so the form stays short enough for a 700-pixel-high window.
        depth_row.addWidget(self.details)
        self.confirm_row = ConfirmRow(self.confirm, self.reason)
        self.passes.setMaximumWidth(90)
        passes_row = QHBoxLayout()
        passes_row.addWidget(self.passes)
        passes_row.addStretch(1)
        passes_row.addWidget(self.add)
        form.addRow(self.zone_title)
        form.addRow(self.tr("Concern"), self.concern)
        form.addRow(self.typical)
        form.addRow(self.tr("Depth"), depth_row)
        form.addRow(self.depth_error)
        form.addRow(self.warning)
        form.addRow(self.details_text)
        form.addRow(self.confirm_row)
        form.addRow(self.tr("Passes"), passes_row)  # the target; short for the room monitor at 1.3
        self._set_confirmation_visible(False)
        self.details.setVisible(False)
        self.details_text.setVisible(False)

        self.table = FittedTable(0, 4)  # the zone names wrap, never elided or scrolled sideways
        self.table.setHorizontalHeaderLabels(
            [self.tr("Area"), self.tr("Depth"), self.tr("Passes"), self.tr("Note")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: it is no keyboard trap
        self.table.setMinimumHeight(110)
        self.remove = QPushButton(self.tr("Remove area"))
        self.remove.setToolTip(self.tr("Remove the area selected in the plan"))
        self.remove.clicked.connect(self._on_remove_clicked)
        self.error = widgets.error_label()
        self.next = widgets.primary(self.tr("Start treating"))
        self.next.clicked.connect(self._on_next_clicked)

        # Two columns so the whole step fits 1366x700 without scrolling: the map over the areas
        # (a grid, every name whole) and the plan so far; the entry form with the step's action.
        self.zones.setFlow(QListView.Flow.LeftToRight)
        self.zones.setWrapping(True)
        self.zones.setResizeMode(QListView.ResizeMode.Adjust)
        self.zones.setSpacing(2)
        self.zones.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.zones.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setMaximumHeight(150)
        middle = QVBoxLayout()
        middle.addLayout(self.map_box, 1)
        middle.addWidget(self.zones)
        middle.addWidget(self.table)
        self.zone_title.setWordWrap(True)
        form_box = QWidget()
        # 440 to 480 wide: at type size 1.3 the longest concern alone needs 444, so a fixed 440
        # pushed it off the side; a label that no longer fits beside its field goes above it,
        # which keeps the area grid wide enough for "Periorbital (outside the orbital rim)".
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form_box.setMinimumWidth(440)
        form_box.setMaximumWidth(480)
        right = QVBoxLayout(form_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(form)
        right.addStretch(1)
        right.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        right.addLayout(buttons)
        columns = QHBoxLayout()
        columns.addLayout(middle, 1)
        columns.addWidget(form_box, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(widgets.title(self.tr("Plan")))
        layout.addLayout(columns, 1)
        self.action_buttons = (self.next,)  # the main window's action bar
        self._built_for: str | None = None

    def enter(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        if visit_id != self._built_for:
            self.protocol = self.visits.protocol_for(visit_id)
            names = {z.id: z.name for z in self.protocol.zones}
            if self.map is not None:
                self.map.deleteLater()
            self.map = BodyMap(names)
            self.map.zone_clicked.connect(self._on_map_zone_clicked)
            self.map.current_changed.connect(self._on_map_current_changed)
            self.map.remove_requested.connect(self._on_map_remove_requested)
            self.map_box.addWidget(self.map)
            self.zones.clear()
            for z in self.protocol.zones:
                item = QListWidgetItem(z.name)
                item.setData(Qt.ItemDataRole.UserRole, z.id)
                self.zones.addItem(item)
            self.zones.fit_rows()
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
        self.zone_title.setText(self.tr("Choose an area"))
        self.typical.clear()
        self.depth_input.clear()
        self.passes.setValue(self.passes.minimum())
        self._clear_messages()

    # -- choosing a zone --------------------------------------------------------------------
    def _zone_id(self) -> str | None:
        item = self.zones.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _on_map_zone_clicked(self, zone_id: str) -> None:
        for row in range(self.zones.count()):
            item = self.zones.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == zone_id:
                self.zones.setCurrentRow(row)
        if self.map is not None:
            self._chooser = self.map
        planned = self._planned.get(zone_id)
        cell = self.table.item(planned, 0) if planned is not None else None
        if planned is not None and cell is not None:
            # Space again on a planned zone is the way back out of the plan: say how.
            self.table.setCurrentCell(planned, 0)
            self.error.setText(
                self.tr(
                    "{area} is in the plan: Delete on the map or Remove area takes it out."
                ).format(area=cell.text())
            )
            return
        self.depth_input.setFocus()

    def _on_map_remove_requested(self, zone_id: str) -> None:
        row = self._planned.get(zone_id)
        if row is not None:
            self.table.setCurrentCell(row, 0)
            self._on_remove_clicked()

    def _on_map_current_changed(self, zone_id: str) -> None:
        # Moving on the map moves the list's highlight too, so both show the same area.
        for row in range(self.zones.count()):
            item = self.zones.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == zone_id:
                self.zones.setCurrentRow(row)

    def _on_zones_item_activated(self, _item: QListWidgetItem) -> None:
        self._chooser = self.zones
        self.depth_input.setFocus()

    def _on_zones_row_changed(self, _row: int) -> None:
        zone_id = self._zone_id()
        if zone_id is None or self.protocol is None:
            return
        zone = self.protocol.zone(zone_id)
        self.zone_title.setText(zone.name)
        if self.map is not None:
            self.map.set_current(zone_id)
        # Never pre-filled: the practitioner types every depth (product.md, safe entry).
        self.depth_input.clear()
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
        limit = (
            " " + self.tr("Never above {limit} mm.").format(limit=format_mm(zone.max_mm))
            if zone.max_mm is not None
            else ""
        )
        typical = self.tr("Typical for {zone}: {low}–{high} mm.")
        self.typical.setText(typical.format(zone=zone.name, low=low, high=high) + limit + note)
        self._clear_messages()

    def _clear_messages(self) -> None:
        self.depth_error.clear()
        self.warning.clear()
        self.details_text.clear()
        self.details_text.setVisible(False)
        self.details.setChecked(False)
        self.details.setVisible(False)
        self.error.clear()
        self._set_confirmation_visible(False)

    def _set_confirmation_visible(self, visible: bool) -> None:
        self.confirm_row.setVisible(visible)
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
            self.error.setText(self.tr("Choose an area on the map or in the list."))
            return
        self.depth_error.clear()
        try:
            self.treatment.plan_area(
                visit_id,
                zone_id,
                concern=self.concern.currentData() or "general",
                depth_text=self.depth_input.text(),
                target_passes=self.passes.value(),
                reason=self.reason.text(),
                confirmed=self.confirm.isChecked(),
            )
        except ConfirmationNeeded as needed:
            self._show_warnings(needed.check.warnings)
            self._set_confirmation_visible(True)
            if self.confirm.isChecked() and not self.reason.text().strip():
                self.depth_error.setText(self.tr("Give the reason for this depth."))
            self.confirm.setFocus()
            return
        except DomainError as error:
            # A refused depth (above a limit) is not one a tick can save: no confirmation shown.
            self._clear_messages()
            (self.depth_error if error.field == "depth" else self.error).setText(error.message)
            self.depth_input.setFocus()
            self.depth_input.selectAll()
            return
        self._clear_messages()
        self.depth_input.clear()
        self._refresh_table()
        self._chooser.setFocus()

    def _show_warnings(self, warnings: tuple[str, ...]) -> None:
        """One line per warning (its first sentence); the whole sentences under Details."""
        self.warning.setText("\n".join(headline(w) for w in warnings))
        full = "\n".join(warnings)
        self.details_text.setText(full)
        self.details.setVisible(full != self.warning.text())
        self._on_details_toggled(self.details.isChecked())

    def _on_details_toggled(self, shown: bool) -> None:
        # The whole sentences take the headlines' place rather than adding to them.
        has = bool(self.details_text.text())
        self.details_text.setVisible(shown and has)
        self.warning.setVisible(not (shown and has))

    def _refresh_table(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        record = self.visits.record(visit_id)
        self._planned = {area.zone_id: row for row, area in enumerate(record.areas)}
        self.table.setRowCount(len(record.areas))
        for row, area in enumerate(record.areas):
            values = [
                area.zone_name,
                f"{area.depth_mm} mm",
                str(area.target_passes),
                area.outside_typical_reason,
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, area.id)
                self.table.setItem(row, col, item)
        self.table.fit()
        if self.map is not None:
            self.map.set_chosen({a.zone_id: f"{format_mm(a.depth_mm)} mm" for a in record.areas})

    def _on_remove_clicked(self) -> None:
        item = self.table.currentItem()
        if item is None:
            self.error.setText(self.tr("Select a planned area first."))
            return
        try:
            self.treatment.remove_area(str(item.data(Qt.ItemDataRole.UserRole)))
        except DomainError as error:
            self.error.setText(error.message)
            return
        self.error.clear()
        self._refresh_table()

    def _on_next_clicked(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        if not self.treatment.area_ids(visit_id):
            self.error.setText(self.tr("Add at least one area to the plan."))
            return
        missing = self.prep.prep_missing(visit_id)
        if missing:
            self.error.setText(
                self.tr("Not ready to treat: {missing}").format(missing=" ".join(missing))
            )
            return
        self.flow.go("treat")
