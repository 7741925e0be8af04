"""Clinic lists: who is due or overdue for their next session, and the day log."""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.records import lists
from console.records.history import clinic_zone, local_day
from console.ui.records.table_model import RowsModel, rows_view
from console.ui.shell import i18n
from console.ui.widgets import common as widgets


class DueListView(QWidget):
    patient_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[lists.DueEntry] = []
        self.ahead = QSpinBox()
        self.ahead.setRange(0, 60)
        self.ahead.setValue(7)
        self.ahead.setSuffix(self.tr(" days ahead"))
        self.back = QSpinBox()
        self.back.setRange(7, 730)
        self.back.setValue(91)
        self.back.setSuffix(self.tr(" days"))
        self.summary = widgets.hint()
        # A model, not a QTableWidget: a big clinic's due list is thousands of rows.
        self.model = RowsModel(
            [
                self.tr("Next due"),
                self.tr("State"),
                self.tr("Patient"),
                self.tr("Phone"),
                self.tr("E-mail"),
                self.tr("Sessions"),
                self.tr("Last visit"),
            ]
        )
        self.table = rows_view(self.model)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.ahead.valueChanged.connect(self.refresh)
        self.back.valueChanged.connect(self.refresh)
        # One above the other: side by side the two spans overflow a room monitor at the
        # larger type size.
        row = QFormLayout()
        row.addRow(self.tr("Show sessions due within"), self.ahead)
        row.addRow(self.tr("and overdue by up to"), self.back)
        layout = QVBoxLayout(self)
        layout.addWidget(widgets.title(self.tr("Due list")))
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        today = local_day(self.ctx.now(), clinic_zone(self.ctx.db))
        self.entries = lists.due_list(
            self.ctx.db,
            today=today,
            days_ahead=self.ahead.value(),
            overdue_up_to_days=self.back.value(),
        )
        self.model.set_rows(
            [
                [
                    i18n.weekday_day(e.next_due),
                    self.tr("overdue {days} d").format(days=e.days_overdue)
                    if e.state == "overdue"
                    else self.tr("due"),
                    e.patient_name,
                    e.phone,
                    e.email,
                    self.tr("{done} of {planned}").format(done=e.done, planned=e.sessions_planned),
                    i18n.day(e.last_visit),
                ]
                for e in self.entries
            ],
        )
        self.table.resizeColumnsToContents()
        overdue = sum(1 for e in self.entries if e.state == "overdue")
        self.summary.setText(
            self.tr(
                "{count} patients: {due} due, {overdue} overdue (double-click to open the record)"
            ).format(count=len(self.entries), due=len(self.entries) - overdue, overdue=overdue)
        )

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.entries):
            self.patient_requested.emit(self.entries[index.row()].patient_id)


class DayLogView(QWidget):
    patient_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd dd MMM yyyy")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                self.tr("Practitioner / time"),
                self.tr("Patient"),
                self.tr("Status"),
                self.tr("Areas"),
                self.tr("Passes"),
                self.tr("Needling"),
            ]
        )
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        self.summary = widgets.hint()
        self.day.dateChanged.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Day")))
        row.addWidget(self.day)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(widgets.title(self.tr("Day log")))
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def show_today(self) -> None:
        today = local_day(self.ctx.now(), clinic_zone(self.ctx.db))
        self.day.blockSignals(True)
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        q = self.day.date()
        from datetime import date

        day = date(q.year(), q.month(), q.day())
        zone = clinic_zone(self.ctx.db)
        log = lists.day_log(self.ctx.db, day)
        self.tree.clear()
        total = 0
        for name, entries in log.items():
            secs = sum(e.seconds for e in entries)
            top = QTreeWidgetItem(
                [
                    f"{name}",
                    self.tr("{count} visits").format(count=len(entries)),
                    "",
                    "",
                    str(sum(e.passes for e in entries)),
                    f"{secs / 60:.0f} min",
                ]
            )
            for e in entries:
                child = QTreeWidgetItem(
                    [
                        e.started_at.astimezone(zone).strftime("%H:%M"),
                        e.patient_name,
                        e.status,
                        str(e.areas),
                        str(e.passes),
                        f"{e.seconds / 60:.1f} min",
                    ]
                )
                child.setData(0, 256, e.patient_id)  # Qt.UserRole
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
            total += len(entries)
        for c in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(c)
        self.summary.setText(
            self.tr("{visits} visits by {people} practitioners").format(
                visits=total, people=len(log)
            )
        )

    def _on_tree_item_double_clicked(self, item: QTreeWidgetItem, _col: int) -> None:
        pid = item.data(0, 256)
        if pid:
            self.patient_requested.emit(str(pid))
