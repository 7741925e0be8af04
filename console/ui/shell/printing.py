"""Printing the sheet: PDF pages rendered (pypdfium2) onto a QPrinter, off the GUI thread.

reportlab makes a PDF; Qt cannot print a PDF directly, so each page is rendered to an image
at the printer's resolution and painted onto the ``QPrinter``. That takes a fraction of a
second per page, so it runs in a ``QThread``; the outcome is recorded (``prints`` table and
audit trail) back on the GUI thread, which owns the database connection.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRectF,
    QSizeF,
    QThread,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from console.aftercare import HandoutInfo, record_print
from console.aftercare.pdf import open_pdf
from console.context import AppContext
from console.errors import DomainError

log = logging.getLogger(__name__)

# Printers report up to 1200 dpi; an A4 page at 1200 dpi is 140 million pixels (560 MB).
# 300 dpi is as sharp as a laser prints body text and keeps a page under 0.5 s to render.
MAX_DPI = 300


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    printer: str
    copies: int
    pages: int
    message: str  # in words, for the practitioner; "" when printed
    seconds: float


def render_page(data: bytes, index: int, dpi: float) -> QImage:
    """One PDF page as an image at ``dpi`` (white background, no alpha)."""
    with open_pdf(data) as doc:
        page = doc[index]
        bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True, prefer_bgrx=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        fmt = (
            QImage.Format.Format_RGBX8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
        )
        # copy(): the bitmap's memory belongs to PDFium and is freed with it.
        return QImage(bytes(bitmap.buffer), width, height, stride, fmt).copy()


def page_count(data: bytes) -> int:
    with open_pdf(data) as doc:
        return len(doc)


def printer_named(name: str) -> QPrinter:
    """A high-resolution ``QPrinter`` for an installed printer; DomainError in words if none."""
    if not name:
        raise DomainError(
            "No room printer is chosen yet: pick one in Settings, or use Print… to choose.",
            field="room.printer",
        )
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise DomainError(
            f"The room printer “{name}” is not set up on this computer. Check it is "
            "installed and switched on, or choose another in Settings.",
            field="room.printer",
        )
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def print_pdf(
    data: bytes,
    printer: QPrinter,
    *,
    copies: int = 1,
    doc_name: str = "Aftercare sheet",
    progress: SignalInstance | None = None,
) -> PrintOutcome:
    """Print ``data`` on ``printer`` synchronously (call it from a worker thread)."""
    started = time.monotonic()
    name = printer.printerName() or printer.outputFileName() or "printer"
    pages = page_count(data)
    with open_pdf(data) as doc:
        first_w, first_h = doc[0].get_size()
    dpi = min(printer.resolution(), MAX_DPI)
    printer.setResolution(dpi)
    printer.setDocName(doc_name)
    printer.setCopyCount(max(1, copies))
    printer.setFullPage(True)  # we place the whole PDF page, its own margins included
    printer.setPageSize(QPageSize(QSizeF(first_w, first_h), QPageSize.Unit.Point, "Sheet"))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)

    painter = QPainter()
    if not painter.begin(printer):
        return PrintOutcome(False, name, copies, pages, _failed_to_open(name), _since(started))
    try:
        for index in range(pages):
            if index and not printer.newPage():
                return PrintOutcome(
                    False,
                    name,
                    copies,
                    pages,
                    f"The printer “{name}” stopped after page {index}.",
                    _since(started),
                )
            image = render_page(data, index, printer.resolution())
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            painter.drawImage(_fit(target, image.width(), image.height()), image)
            if progress is not None:
                progress.emit(index + 1, pages)
    finally:
        painter.end()
    if printer.printerState() == QPrinter.PrinterState.Error:
        return PrintOutcome(
            False,
            name,
            copies,
            pages,
            f"The printer “{name}” reported an error; the sheet stays archived "
            "and can be printed again.",
            _since(started),
        )
    return PrintOutcome(True, name, copies, pages, "", _since(started))


def _fit(target: QRectF, w: int, h: int) -> QRectF:
    # Same page size in the normal case; on other paper, scale to fit and centre.
    scale = min(target.width() / w, target.height() / h)
    out_w, out_h = w * scale, h * scale
    return QRectF(
        target.x() + (target.width() - out_w) / 2,
        target.y() + (target.height() - out_h) / 2,
        out_w,
        out_h,
    )


def _failed_to_open(name: str) -> str:
    return (
        f"The printer “{name}” could not be opened. Check that it is switched on and "
        "connected; the sheet stays archived and can be printed again."
    )


def _since(started: float) -> float:
    return time.monotonic() - started


class _Worker(QObject):
    progress = Signal(int, int)
    done = Signal(object)

    def __init__(self, data: bytes, printer: QPrinter, copies: int, doc_name: str) -> None:
        super().__init__()
        self._data, self._printer, self._copies, self._doc_name = data, printer, copies, doc_name

    @Slot()
    def run(self) -> None:
        try:
            outcome = print_pdf(
                self._data,
                self._printer,
                copies=self._copies,
                doc_name=self._doc_name,
                progress=self.progress,
            )
        except DomainError as exc:
            outcome = PrintOutcome(
                False, self._printer.printerName(), self._copies, 0, exc.message, 0.0
            )
        except Exception as exc:  # a worker must always answer, or the button stays disabled
            outcome = PrintOutcome(
                False, self._printer.printerName(), self._copies, 0, f"Printing failed: {exc}", 0.0
            )
        self.done.emit(outcome)


class PrintJob(QObject):
    """One print of an archived sheet, run on its own thread; ``finished`` carries the outcome.

    The print is recorded (``prints`` table + audit row) when it ends, done or failed.
    """

    progress = Signal(int, int)  # pages done, pages
    finished = Signal(object)  # PrintOutcome

    def __init__(
        self,
        ctx: AppContext,
        handout: HandoutInfo,
        data: bytes,
        printer: QPrinter,
        *,
        copies: int = 1,
        doc_name: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.handout, self.printer, self.copies = ctx, handout, printer, copies
        self.outcome: PrintOutcome | None = None
        self._thread = QThread()
        self._worker = _Worker(data, printer, copies, doc_name or f"Aftercare {handout.path.stem}")
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.done.connect(self._on_worker_done)
        app = QCoreApplication.instance()
        if app is not None:
            # Closing the app mid-print must let the page finish: a QThread destroyed while
            # running aborts the whole process.
            app.aboutToQuit.connect(self._on_app_about_to_quit)

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 30000) -> bool:
        return bool(self._thread.wait(ms))

    @Slot()
    def _on_app_about_to_quit(self) -> None:
        if self._thread.isRunning():
            self._thread.wait(30000)

    @Slot(object)
    def _on_worker_done(self, outcome: PrintOutcome) -> None:
        self._thread.quit()
        self._thread.wait()
        self.outcome = outcome
        try:
            record_print(
                self.ctx,
                self.handout.id,
                printer=outcome.printer,
                copies=outcome.copies,
                ok=outcome.ok,
                message=outcome.message,
            )
        except Exception:  # the paper is out either way; the screen must still answer
            log.exception("could not record the print of handout %s", self.handout.id)
        self.finished.emit(outcome)
