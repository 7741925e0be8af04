"""A patient's consents in Records: state of each, open and reprint the signed PDF, withdraw."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.consent.service import ConsentListing, ConsentService
from console.context import AppContext
from console.errors import DomainError
from console.ui.shell import i18n
from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.shell.printing import print_pdf
from console.ui.steps.handout_preview import PdfPagesView
from console.ui.widgets import common as widgets

# Marked for lupdate here, translated where the header is made.
COLUMNS = (
    QT_TRANSLATE_NOOP("ConsentsTab", "Signed"),
    QT_TRANSLATE_NOOP("ConsentsTab", "Consent"),
    QT_TRANSLATE_NOOP("ConsentsTab", "Version"),
    QT_TRANSLATE_NOOP("ConsentsTab", "Signed by"),
    QT_TRANSLATE_NOOP("ConsentsTab", "Witness"),
    QT_TRANSLATE_NOOP("ConsentsTab", "State"),
)


class ConsentPdfDialog(QDialog):
    """The archived signed PDF, checked against its hash, with Print…."""

    def __init__(self, ctx: AppContext, consent_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signed consent"))
        self.resize(760, 800)
        self.service, self.consent_id = ConsentService(ctx), consent_id
        self.pages = PdfPagesView()
        self.error = widgets.error_label()
        self.status = widgets.hint()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self._on_print_clicked)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        try:
            self.pages.show_pdf(self.service.archived_pdf(consent_id))
        except DomainError as exc:
            self.error.setText(exc.message)
            self.print_button.setEnabled(False)

    @classmethod
    def ask_printer(cls, parent: QWidget, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(
            QCoreApplication.translate("ConsentPdfDialog", "Print signed consent")
        )
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def print_to(self, printer: QPrinter) -> bool:
        try:
            data = self.service.archived_pdf(self.consent_id)  # checked again at print time
        except DomainError as exc:
            self.error.setText(exc.message)
            return False
        outcome = print_pdf(
            data, printer, copies=printer.copyCount(), doc_name=self.tr("Signed consent")
        )
        self.service.record_print(
            self.consent_id, printer=outcome.printer, ok=outcome.ok, message=outcome.message
        )
        (self.status if outcome.ok else self.error).setText(outcome.message or self.tr("Printed."))
        return outcome.ok

    def _on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.ask_printer(self, printer):
            self.print_to(printer)


class ConsentsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ConsentService(ctx)
        self.rows: list[ConsentListing] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error = widgets.error_label()
        self.open_button = QPushButton(self.tr("Open / reprint PDF…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.open_button.clicked.connect(self._on_open_clicked)
        self.withdraw_button.clicked.connect(self._on_withdraw_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._patient_id = ""

    def show_patient(self, patient_id: str) -> None:
        self._patient_id = patient_id
        self.error.clear()
        self.rows = self.service.for_patient(patient_id)
        zone = self.ctx.timezone()
        self.table.setRowCount(len(self.rows))
        for r, item in enumerate(self.rows):
            c = item.consent
            values = [
                i18n.day_time(c.signed_at.astimezone(zone)),
                item.title,
                f"{c.material_version}",
                c.signer_name,
                c.witness_name or "",
                item.state,
            ]
            for col, value in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        if self.rows:
            self.table.selectRow(0)

    def selected(self) -> ConsentListing | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    @classmethod
    def ask_withdraw_reason(cls, parent: QWidget, title: str) -> str | None:
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("ConsentsTab", "Withdraw consent"),
            QCoreApplication.translate(
                "ConsentsTab",
                "Withdraw “{title}”? Treatment is refused until a new consent is signed.\n"
                "Reason (the patient's words, how it was received):",
            ).format(title=title),
        )
        return text if ok else None

    @classmethod
    def show_pdf(cls, parent: QWidget, ctx: AppContext, consent_id: str) -> QDialog:
        dialog = ConsentPdfDialog(ctx, consent_id, parent)
        dialog.open()
        return dialog

    def _on_open_clicked(self) -> None:
        item = self.selected()
        if item is not None:
            self.show_pdf(self, self.ctx, item.consent.id)

    def _on_withdraw_clicked(self) -> None:
        item = self.selected()
        if item is None:
            return
        reason = self.ask_withdraw_reason(self, item.title)
        if reason is None:
            return
        try:
            self.service.withdraw(item.consent.id, reason)
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.show_patient(self._patient_id)
