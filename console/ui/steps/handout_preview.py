"""The aftercare sheet on screen: its rendered pages, and buttons to print it or save the .ics.

``PdfPagesView`` only shows PDF pages (Settings reuses it for a live preview);
``HandoutPreview`` adds the archived sheet of a visit and the print buttons (Finish screen).
It only shows: the sheet is archived by completing the visit (``console.visit.completion``),
never as a side effect of being shown; a visit with none shows a draft that cannot be printed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.aftercare import HandoutInfo, existing_handout, read_verified, save_visit_ics
from console.aftercare.archive import draft_sheet
from console.context import AppContext
from console.errors import DomainError
from console.ui.shell.printing import PrintJob, PrintOutcome, page_count, printer_named, render_page
from console.ui.widgets import common as widgets
from console.ui.widgets import theme
from console.visit.completion import room_printer

PREVIEW_DPI = 80  # about the size of the page on a 24" screen at 100 %, and quick to render


class PdfPagesView(QScrollArea):
    """A vertical strip of a PDF's pages as images. With ``fit_width`` a page wider than the
    view is shown smaller, never scrolled sideways (Finish: the page beside the summary)."""

    def __init__(
        self, parent: QWidget | None = None, *, dpi: float = PREVIEW_DPI, fit_width: bool = False
    ) -> None:
        super().__init__(parent)
        self.dpi = dpi
        self.fit_width = fit_width
        self._rendered: list[QPixmap] = []  # at ``dpi``; what a narrower view scales down
        if fit_width:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(True)
        self._strip = QWidget()
        self._layout = QVBoxLayout(self._strip)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._layout.setSpacing(12)
        self.setWidget(self._strip)
        self._pages: list[QLabel] = []

    def show_pdf(self, data: bytes) -> int:
        """Show every page of ``data``; returns the page count."""
        self.clear()
        ratio = self.devicePixelRatioF() or 1.0
        for index in range(page_count(data)):
            image = render_page(data, index, self.dpi * ratio)
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setPixmap(self._fitted(pixmap))
            self._rendered.append(pixmap)
            theme.mark(label, role="paper")
            label.setAccessibleName(self.tr("Page {number}").format(number=index + 1))
            self._layout.addWidget(label)
            self._pages.append(label)
        return len(self._pages)

    def clear(self) -> None:
        for label in self._pages:
            self._layout.removeWidget(label)
            label.deleteLater()
        self._pages = []
        self._rendered = []

    def _fitted(self, pixmap: QPixmap) -> QPixmap:
        """``pixmap``, scaled down to the width the view has when ``fit_width`` asks for it.
        Scaling the rendered page is quick; rendering it again at each resize would not be."""
        if not self.fit_width:
            return pixmap
        margins = self._layout.contentsMargins()
        # The vertical scroll bar counted always: its coming and going must not change the
        # page's size (and so bring itself back).
        room = (
            self.width()
            - 2 * self.frameWidth()
            - self.verticalScrollBar().sizeHint().width()
            - margins.left()
            - margins.right()
            - 2  # the paper's border
        )
        ratio = pixmap.devicePixelRatio()
        if room <= 0 or pixmap.width() / ratio <= room:
            return pixmap
        scaled = pixmap.scaledToWidth(int(room * ratio), Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        return scaled

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for label, pixmap in zip(self._pages, self._rendered, strict=True):
            label.setPixmap(self._fitted(pixmap))

    def page_labels(self) -> list[QLabel]:
        return list(self._pages)


class HandoutPreview(QWidget):
    """The archived sheet of a visit with Print…, Print to room printer and Save .ics."""

    printed = Signal(object)  # PrintOutcome, done or failed

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        dpi: float = PREVIEW_DPI,
        fit_width: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handout: HandoutInfo | None = None
        self.job: PrintJob | None = None
        self._data: bytes | None = None
        self.pages = PdfPagesView(dpi=dpi, fit_width=fit_width)
        self.status = widgets.hint()
        self.error = widgets.error_label()
        self.print_button = QPushButton(self.tr("Print…"))
        self.room_button = widgets.primary(self.tr("Print to room printer"))
        self.ics_button = QPushButton(self.tr("Save .ics…"))
        self.ics_button.setToolTip(
            self.tr("Save the suggested next session as a calendar file (.ics)")
        )
        self.print_button.clicked.connect(self._on_print_clicked)
        self.room_button.clicked.connect(self._on_room_clicked)
        self.ics_button.clicked.connect(self._on_ics_clicked)
        # Two rows: beside Finish's summary on a room monitor, one row of three would push
        # the page sideways at type size 1.3.
        buttons = QGridLayout()
        buttons.addWidget(self.ics_button, 0, 0)
        buttons.addWidget(self.print_button, 0, 1)
        buttons.addWidget(self.room_button, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._set_buttons()

    # -- showing ---------------------------------------------------------------------------
    def show_pdf(self, data: bytes) -> int:
        """Show any PDF (e.g. a sample sheet); printing stays off until a visit is loaded."""
        self.handout, self._data = None, None
        self.error.clear()
        count = self.pages.show_pdf(data)
        self._set_buttons()
        return count

    def show_archived(self, info: HandoutInfo, data: bytes) -> None:
        """Show the archived sheet ``info`` whose bytes the caller already holds."""
        self.error.clear()
        self.pages.show_pdf(data)
        self.handout, self._data = info, data
        self.status.setText(
            self.tr("Aftercare sheet ready: {pages} page(s), archived.").format(pages=info.pages)
        )
        self._set_buttons()

    def load_visit(self, visit_id: str) -> HandoutInfo | None:
        """Show the visit's archived sheet; writes nothing.

        A visit with no archived sheet shows a draft (how the sheet would look if made now,
        marked as such, printing off) and returns None: only completing a visit, or an
        explicit "archive now", makes the sheet that is handed over.
        """
        self.error.clear()
        self.handout, self._data = None, None
        try:
            info = existing_handout(self.ctx, visit_id)
            if info is None:
                draft = draft_sheet(self.ctx, visit_id)
            else:
                data = read_verified(info)
        except DomainError as exc:
            self.pages.clear()
            self.status.clear()
            self.error.setText(exc.message)
            self._set_buttons()
            return None
        if info is None:
            self.pages.show_pdf(draft)
            self.status.setText(
                self.tr("Draft from today's Settings: no sheet was archived for this visit.")
            )
            self._set_buttons()
            return None
        self.show_archived(info, data)
        return info

    def _set_buttons(self) -> None:
        idle = self.job is None or not self.job.is_running()
        loaded = self.handout is not None
        for button in (self.print_button, self.room_button, self.ics_button):
            button.setEnabled(idle and loaded)

    # -- dialogs (classmethods so tests can replace them) ---------------------------------
    @classmethod
    def ask_printer(cls, parent: QWidget, printer: QPrinter) -> bool:
        """Let the practitioner choose the printer and copies; False when cancelled."""
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("HandoutPreview", "Print aftercare sheet"))

        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    @classmethod
    def ask_ics_path(cls, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("HandoutPreview", "Save calendar file"),
            suggested,
            QCoreApplication.translate("HandoutPreview", "Calendar file (*.ics)"),
        )
        return path or None

    # -- printing --------------------------------------------------------------------------
    def print_to_room(self) -> PrintJob | None:
        name = room_printer(self.ctx)
        try:
            printer = printer_named(name)
        except DomainError as exc:
            self.error.setText(exc.message)
            return None
        return self._start(printer, 1)

    def print_with_dialog(self) -> PrintJob | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        room = room_printer(self.ctx)
        if room:
            printer.setPrinterName(room)
        if not self.ask_printer(self, printer):
            return None
        return self._start(printer, printer.copyCount())

    def _start(self, printer: QPrinter, copies: int) -> PrintJob | None:
        if self.handout is None or self._data is None:
            return None
        try:
            data = read_verified(self.handout)  # reprints use the archived file, checked
        except DomainError as exc:
            self.error.setText(exc.message)
            return None
        self.error.clear()
        self.job = PrintJob(self.ctx, self.handout, data, printer, copies=copies, parent=self)
        self.job.progress.connect(self._on_job_progress)
        self.job.finished.connect(self._on_job_finished)
        self.status.setText(self.tr("Printing…"))
        self.job.start()
        self._set_buttons()
        return self.job

    def _on_print_clicked(self) -> None:
        self.print_with_dialog()

    def _on_room_clicked(self) -> None:
        self.print_to_room()

    def _on_job_progress(self, done: int, total: int) -> None:
        self.status.setText(
            self.tr("Printing page {done} of {total}…").format(done=done, total=total)
        )

    def _on_job_finished(self, outcome: PrintOutcome) -> None:
        if outcome.ok:
            copies = (
                ""
                if outcome.copies == 1
                else self.tr(" ({copies} copies)").format(copies=outcome.copies)
            )
            self.status.setText(
                self.tr("Sent to {printer}{copies}.").format(printer=outcome.printer, copies=copies)
            )
        else:
            self.status.clear()
            self.error.setText(outcome.message)
        self._set_buttons()
        self.printed.emit(outcome)

    # -- calendar --------------------------------------------------------------------------
    def save_ics(self) -> Path | None:
        if self.handout is None:
            return None
        chosen = self.ask_ics_path(self, str(Path.home() / "next-session.ics"))
        if not chosen:
            return None
        try:
            path = save_visit_ics(self.ctx, self.handout.visit_id, Path(chosen))
        except DomainError as exc:
            self.error.setText(exc.message)
            return None
        self.status.setText(self.tr("Calendar file saved: {name}").format(name=path.name))

        return path

    def _on_ics_clicked(self) -> None:
        self.save_ics()
