"""Lot recall: scan a box of the recalled lot (or type the lot), see every visit and patient."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.records import recall
from console.records.recall_pdf import export_pdf
from console.settings import service as settings_service
from console.ui.records.record_view import _fill, _table
from console.ui.shell import i18n
from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.widgets import common as widgets

# Marked for lupdate here, translated where the table is made.
COLUMNS = (
    QT_TRANSLATE_NOOP("RecallView", "Visit"),
    QT_TRANSLATE_NOOP("RecallView", "Patient"),
    QT_TRANSLATE_NOOP("RecallView", "Born"),
    QT_TRANSLATE_NOOP("RecallView", "Phone"),
    QT_TRANSLATE_NOOP("RecallView", "E-mail"),
    QT_TRANSLATE_NOOP("RecallView", "Item"),
    QT_TRANSLATE_NOOP("RecallView", "GTIN"),
    QT_TRANSLATE_NOOP("RecallView", "Lot"),
    QT_TRANSLATE_NOOP("RecallView", "Serial"),
    QT_TRANSLATE_NOOP("RecallView", "Practitioner"),
)


class RecallView(QWidget):
    patient_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query: recall.RecallQuery | None = None
        self.hits: list[recall.RecallHit] = []
        self.lot = QLineEdit()
        self.lot.setPlaceholderText(
            self.tr("Scan a box from the recalled lot, or type the lot number")
        )
        self.lot.setAccessibleName(self.tr("lot or scanned label"))
        self.gtin = QLineEdit()
        self.gtin.setPlaceholderText(self.tr("GTIN (optional)"))
        self.gtin.setMaximumWidth(240)
        self.search_button = widgets.primary(self.tr("Find"))
        self.lot_error = widgets.error_label()
        self.gtin_error = widgets.error_label()
        self.errors = widgets.FieldErrors(self.lot_error, lot=self.lot_error, gtin=self.gtin_error)
        self.summary = widgets.hint("")
        self.table = _table([self.tr(c) for c in COLUMNS])
        self.table.cellDoubleClicked.connect(self._on_table_double_clicked)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.pdf_button = QPushButton(self.tr("Printable list (PDF)…"))
        for b in (self.csv_button, self.pdf_button):
            b.setEnabled(False)
        # A keyboard-wedge scanner ends with Enter: the search runs as the scan lands.
        self.lot.returnPressed.connect(self.run_search)
        self.gtin.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)

        row = QHBoxLayout()
        row.addWidget(self.lot, 3)
        row.addWidget(self.gtin, 1)
        row.addWidget(self.search_button)
        errs = QHBoxLayout()
        errs.addWidget(self.lot_error, 3)
        errs.addWidget(self.gtin_error, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addWidget(widgets.title(self.tr("Lot recall")))
        layout.addLayout(row)
        layout.addLayout(errs)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def run_search(self) -> None:
        self.errors.clear()
        try:
            query = recall.parse_query(self.lot.text(), self.gtin.text())
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.query = query
        self.hits = recall.search(self.ctx, query)
        zone_rows = [
            [
                i18n.day(h.visit_started_at),
                h.patient_name,
                h.date_of_birth,
                h.phone,
                h.email,
                f"{h.source}: {h.product}",
                h.gtin or "",
                h.lot,
                h.serial or "",
                h.practitioner,
            ]
            for h in self.hits
        ]
        _fill(self.table, zone_rows)
        visits = len({h.visit_id for h in self.hits})
        self.summary.setText(
            self.tr("{query}: {visits} visits, {patients} patients").format(
                query=query.describe(),
                visits=visits,
                patients=recall.patients_affected(self.hits),
            )
            if self.hits
            else self.tr("{query}: no visit used this lot.").format(query=query.describe())
        )
        for b in (self.csv_button, self.pdf_button):
            b.setEnabled(bool(self.hits))
        self.lot.selectAll()  # ready for the next scan

    def _on_table_double_clicked(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.hits):
            self.patient_requested.emit(self.hits[row].patient_id)

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str, kind: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("RecallView", "Save recall list"),
            suggested,
            kind,
        )
        return path or None

    def _on_csv_clicked(self) -> None:
        if self.query is None:
            return
        path = self.ask_save_path(self, f"recall-{self.query.lot}.csv", "CSV (*.csv)")
        if path:
            try:
                recall.export_csv(self.ctx, self.query, self.hits, Path(path))
            except DomainError as exc:  # full disk, unwritable folder: beside the buttons
                self.summary.setText(exc.message)
                return
            self.summary.setText(
                self.tr("Saved {count} rows to {path}").format(count=len(self.hits), path=path)
            )

    def _on_pdf_clicked(self) -> None:
        if self.query is None:
            return
        path = self.ask_save_path(self, f"recall-{self.query.lot}.pdf", "PDF (*.pdf)")
        if path:
            clinic = str(settings_service.get(self.ctx, "clinic.name"))
            try:
                export_pdf(self.ctx, self.query, self.hits, Path(path), clinic=clinic)
            except DomainError as exc:
                self.summary.setText(exc.message)
                return
            self.summary.setText(self.tr("Saved the printable list to {path}").format(path=path))
