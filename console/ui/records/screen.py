"""Records: find a patient and open their record; lot recall; due list; day log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.patients.service import PatientService
from console.ui.records.lists_view import DayLogView, DueListView
from console.ui.records.recall_view import RecallView
from console.ui.records.record_view import PatientRecordView
from console.ui.shell import i18n
from console.ui.shell.flow import VisitFlow
from console.ui.widgets import common as widgets


class RecordsScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.patients = PatientService(ctx)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a patient: name, birth date, phone or e-mail"))
        self.search.setAccessibleName(self.tr("patient search"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMaximumHeight(150)
        self.results.hide()
        self.search_error = widgets.error_label()
        self.record = PatientRecordView(ctx)
        record_tab = QWidget()
        rl = QVBoxLayout(record_tab)
        rl.addWidget(self.search)
        rl.addWidget(self.search_error)
        rl.addWidget(self.results)
        rl.addWidget(self.record, 1)
        self.recall = RecallView(ctx)
        self.due = DueListView(ctx)
        self.day_log = DayLogView(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(record_tab, self.tr("Patient record"))
        self.tabs.addTab(self.recall, self.tr("Lot recall"))
        self.tabs.addTab(self.due, self.tr("Due list"))
        self.tabs.addTab(self.day_log, self.tr("Day log"))
        QVBoxLayout(self).addWidget(self.tabs)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.results.itemClicked.connect(self._on_results_item_activated)
        for view in (self.recall, self.due, self.day_log):
            view.patient_requested.connect(self.open_patient)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def enter(self) -> None:
        """Shown by the main window: open the visit's patient, if there is one. A list shown
        before is read again: other rooms (and this one) may have changed it since."""
        if self.flow.patient_id and self.record.history is None:
            self.open_patient(self.flow.patient_id)
        elif self.tabs.currentWidget() is self.due:
            self.due.refresh()
        elif self.tabs.currentWidget() is self.day_log:
            self.day_log.refresh()
        self.search.setFocus()

    def open_patient(self, patient_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.results.hide()
        self.record.show_patient(patient_id)

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.due:
            self.due.refresh()
        elif self.tabs.widget(index) is self.day_log:
            self.day_log.show_today()

    def _on_search_text_changed(self, text: str) -> None:
        self.results.clear()
        self.search_error.clear()
        hits = self.patients.search(text, limit=20) if text.strip() else []
        for h in hits:
            last = (
                self.tr(" · last visit {date}").format(date=i18n.day(h.last_visit))
                if h.last_visit
                else ""
            )
            item = QListWidgetItem(f"{h.full_name} · {i18n.day(h.date_of_birth)} · {h.phone}{last}")
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            self.results.addItem(item)
        self.results.setVisible(bool(hits))
        if text.strip() and not hits:
            self.search_error.setText(self.tr("No patient matches."))

    def _on_search_return_pressed(self) -> None:
        if self.results.count():
            self._on_results_item_activated(self.results.item(0))

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        self.open_patient(str(item.data(Qt.ItemDataRole.UserRole)))
