"""One patient's record: details, series, every visit (read-only), charts, screening, sheets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.records import erasure, export, history
from console.ui.photos.series_tab import PhotoSeriesTab
from console.ui.records.charts import HistoryCharts
from console.ui.records.consents_tab import ConsentsTab
from console.ui.records.visit_detail import VisitDetail
from console.ui.shell import i18n
from console.ui.widgets import common as widgets
from console.visit.completion import archive_sheet_now
from console.visit.record_reads import visit_record

# Marked for lupdate here, translated where the table is made.
VISIT_COLUMNS = (
    QT_TRANSLATE_NOOP("PatientRecordView", "Date"),
    QT_TRANSLATE_NOOP("PatientRecordView", "Practitioner"),
    QT_TRANSLATE_NOOP("PatientRecordView", "Areas"),
    QT_TRANSLATE_NOOP("PatientRecordView", "Passes"),
    QT_TRANSLATE_NOOP("PatientRecordView", "Time"),
    QT_TRANSLATE_NOOP("PatientRecordView", "Status"),
    QT_TRANSLATE_NOOP("PatientRecordView", "Amended"),
    QT_TRANSLATE_NOOP("PatientRecordView", "Sheet"),
)


def _table(columns: tuple[str, ...] | list[str]) -> QTableWidget:
    t = QTableWidget(0, len(columns))
    t.setHorizontalHeaderLabels(list(columns))
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()


class PatientRecordView(QWidget):
    exported = Signal(object)  # ExportResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.history: history.PatientHistory | None = None
        self.header = widgets.title("")
        self.header.setWordWrap(True)  # a long name wraps beside the buttons, never off-screen
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.series = QLabel()
        self.series.setWordWrap(True)
        self.error = widgets.error_label()
        self.export_button = QPushButton(self.tr("Export record…"))
        self.erase_button = QPushButton(self.tr("Erasure request…"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.erase_button.clicked.connect(self._on_erase_clicked)
        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        head.addWidget(self.export_button)
        head.addWidget(self.erase_button)

        self.visits = _table([self.tr(str(c)) for c in VISIT_COLUMNS])
        self.visits.itemSelectionChanged.connect(self._on_visits_selection_changed)
        self.detail = VisitDetail()
        self.sheet_button = QPushButton(self.tr("Open / reprint sheet…"))
        self.sheet_button.setEnabled(False)
        self.sheet_button.clicked.connect(self._on_sheet_clicked)
        # Opening a visit never makes its sheet; this button does, when someone asks.
        self.archive_button = QPushButton(self.tr("Archive a sheet now…"))
        self.archive_button.setToolTip(
            self.tr("Makes this visit's sheet from today's Settings and archives it (audited)")
        )
        self.archive_button.setVisible(False)
        self.archive_button.clicked.connect(self._on_archive_clicked)
        detail_box = QWidget()
        dl = QVBoxLayout(detail_box)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.detail, 1)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_button)
        sheet_row.addWidget(self.archive_button)
        dl.addLayout(sheet_row)
        visits_split = QSplitter(Qt.Orientation.Horizontal)
        visits_split.addWidget(self.visits)
        visits_split.addWidget(detail_box)
        visits_split.setSizes([520, 480])

        self.charts = HistoryCharts()
        self.screening = _table(
            [
                self.tr("Visit"),
                self.tr("Question"),
                self.tr("Answer"),
                self.tr("Safe from"),
                self.tr("Note"),
                self.tr("By"),
            ]
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.charts, self.tr("Charts"))
        self.tabs.addTab(visits_split, self.tr("Visits"))
        self.tabs.addTab(self.screening, self.tr("Screening history"))
        self.consents = ConsentsTab(ctx)
        self.tabs.addTab(self.consents, self.tr("Consents"))
        self.photos = PhotoSeriesTab(ctx)
        self.tabs.addTab(self.photos, self.tr("Photos"))
        self._screening_for = ""
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.details)
        layout.addWidget(self.series)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.export_button, self.erase_button):
            w.setEnabled(on)

    # -- loading ---------------------------------------------------------------------------
    def show_patient(self, patient_id: str) -> None:
        """Open the record (audited) and draw everything."""
        self.error.clear()
        try:
            h = history.open_patient(self.ctx, patient_id)
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.history = h
        p = h.patient
        zone = self.ctx.timezone()
        self.header.setText(p.full_name)
        born = i18n.day(p.date_of_birth) if p.date_of_birth else "—"
        bits = [
            self.tr("Born {date}").format(date=born),
            p.phone or self.tr("no phone"),
            p.email or self.tr("no e-mail"),
        ]
        if p.fitzpatrick:
            roman = ("I", "II", "III", "IV", "V", "VI")[p.fitzpatrick - 1]
            bits.append(self.tr("Fitzpatrick {type}").format(type=roman))
        if p.allergies:
            bits.append(self.tr("Allergies: {allergies}").format(allergies=p.allergies))
        if p.anonymised_at:
            bits.append(self.tr("ANONYMISED {date}").format(date=i18n.day(p.anonymised_at)))
        self.details.setText(" · ".join(bits))
        self.series.setText(self.tr("<b>Series:</b> {series}").format(series=h.series.describe()))
        self.series.setProperty("state", h.series.state)
        self.visits.clearSelection()  # so selecting row 0 below always shows its detail
        _fill(self.visits, [self._visit_row(v, zone) for v in reversed(h.visits)])
        self.charts.show_history(h, now=self.ctx.now())
        self._screening_for = ""
        if self.tabs.currentWidget() is self.screening:
            self._fill_screening()
        self.detail.clear()
        self.consents.show_patient(patient_id)
        self.photos.show_patient(patient_id)
        self.sheet_button.setEnabled(False)
        self.archive_button.setVisible(False)
        self._set_enabled(p.anonymised_at is None)
        if h.visits:
            self.visits.selectRow(0)

    def _fill_screening(self) -> None:
        """Filled when its tab is shown: 21 answers a visit is a thousand rows for a
        long-standing patient, and most openings never look at them."""
        if self.history is None or self._screening_for == self.history.patient.id:
            return
        zone = self.ctx.timezone()
        self._screening_for = self.history.patient.id
        _fill(
            self.screening,
            [
                [
                    i18n.day(e.visit_started_at.astimezone(zone)),
                    e.item_text,
                    e.answer,
                    e.safe_from or "",
                    e.note,
                    e.answered_by,
                ]
                for e in history.screening_history(self.ctx.db, self._screening_for)
            ],
        )

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.screening:
            self._fill_screening()

    @staticmethod
    def _visit_row(v: history.VisitSummary, zone: object) -> list[str]:
        areas = ", ".join(f"{a.zone_name} {a.max_mm:g}" for a in v.areas)
        mins, secs = divmod(round(v.treated_seconds), 60)
        return [
            i18n.day_time(v.started_at.astimezone(zone)),  # type: ignore[arg-type]
            v.practitioner_name,
            areas,
            str(v.total_passes),
            f"{mins}:{secs:02d}",
            v.status,
            str(v.amendments) if v.amendments else "",
            QCoreApplication.translate("PatientRecordView", "yes") if v.handouts else "",
        ]

    def selected_visit(self) -> history.VisitSummary | None:
        if self.history is None:
            return None
        rows = self.visits.selectionModel().selectedRows()
        if not rows:
            return None
        ordered = list(reversed(self.history.visits))
        return ordered[rows[0].row()]

    def _on_visits_selection_changed(self) -> None:
        v = self.selected_visit()
        if v is None:
            return
        zone = self.ctx.timezone()
        try:
            record = visit_record(self.ctx, v.id)
        except (DomainError, ValueError) as exc:
            self.detail.setPlainText(
                self.tr("This visit cannot be shown in full: {error}").format(error=exc)
            )
        else:
            self.detail.show_record(record, zone)
        self.sheet_button.setEnabled(bool(v.handouts))
        self.sheet_button.setToolTip(
            "" if v.handouts else self.tr("No sheet was archived for this visit.")
        )
        self.archive_button.setVisible(v.status == "completed" and not v.handouts)

    # -- actions (dialogs behind classmethods so tests can replace them) ------------------
    @classmethod
    def ask_export_path(cls, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("PatientRecordView", "Export record"),
            suggested,
            "Zip (*.zip)",
        )
        return path or None

    @classmethod
    def ask_erasure_reason(cls, parent: QWidget) -> str | None:
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("PatientRecordView", "Erasure request"),
            QCoreApplication.translate(
                "PatientRecordView",
                "Anonymise this patient? Name, birth date and contacts are removed for good;\n"
                "the treatment record is kept (retention). Reason / date of the request:",
            ),
        )
        return text if ok else None

    @classmethod
    def show_sheet(cls, parent: QWidget, ctx: AppContext, visit_id: str) -> QDialog:
        from console.ui.steps.handout_preview import HandoutPreview

        dialog = QDialog(parent)
        dialog.setWindowTitle(QCoreApplication.translate("PatientRecordView", "Aftercare sheet"))
        dialog.resize(760, 800)
        preview = HandoutPreview(ctx, dialog)
        QVBoxLayout(dialog).addWidget(preview)
        preview.load_visit(visit_id)
        dialog.open()
        return dialog

    @classmethod
    def ask_archive_now(cls, parent: QWidget) -> bool:
        return widgets.Confirm.ask(
            parent,
            QCoreApplication.translate("PatientRecordView", "Archive a sheet now"),
            QCoreApplication.translate(
                "PatientRecordView",
                "No aftercare sheet was archived for this visit. Make one now? It is made "
                "from TODAY's Settings (clinic details, texts), not from the day of the "
                "visit, and the audit trail records that it was made late.",
            ),
            QCoreApplication.translate("PatientRecordView", "Archive sheet"),
        )

    def _on_archive_clicked(self) -> None:
        v = self.selected_visit()
        if v is None or v.handouts or v.status != "completed":
            return
        if not self.ask_archive_now(self):
            return
        try:
            archive_sheet_now(self.ctx, v.id)
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.error.clear()
        if self.history is not None:
            self.show_patient(self.history.patient.id)  # the visit's row now says "yes"
        self.show_sheet(self, self.ctx, v.id)

    def _on_sheet_clicked(self) -> None:
        v = self.selected_visit()
        if v is not None and v.handouts:
            self.show_sheet(self, self.ctx, v.id)

    def _on_export_clicked(self) -> None:
        if self.history is None:
            return
        path = self.ask_export_path(self, f"patient-{self.history.patient.id[:8]}.zip")
        if not path:
            return
        try:
            result = export.export_patient(self.ctx, self.history.patient.id, Path(path))
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.error.clear()
        self.series.setText(
            self.tr("Exported {visits} visits and {sheets} sheets to {path}").format(
                visits=result.visits, sheets=result.sheets, path=result.path
            )
        )
        self.exported.emit(result)

    def _on_erase_clicked(self) -> None:
        if self.history is None:
            return
        reason = self.ask_erasure_reason(self)
        if reason is None:
            return
        try:
            report = erasure.anonymise(self.ctx, self.history.patient.id, reason=reason)
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.show_patient(report.patient_id)
        self.series.setText(report.statement().replace("\n", "<br>"))
