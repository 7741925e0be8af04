"""Live preview: the aftercare sheet for a sample visit, built from the values being edited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from console.errors import DomainError
from console.protocol import from_body
from console.protocol_check import check
from console.ui import widgets


class _Pages(QScrollArea):
    """Fallback page view (pypdfium2) for when the shared handout preview is not there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._box = QWidget()
        self._lay = QVBoxLayout(self._box)
        self._lay.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self._box)

    def show_pdf(self, data: bytes) -> None:
        import pypdfium2 as pdfium

        while self._lay.count():
            item = self._lay.takeAt(0)
            old = item.widget()
            if old is not None:
                old.hide()  # at once: deleteLater alone leaves it painted over the new page
                old.deleteLater()
        pdf = pdfium.PdfDocument(data)
        try:
            for page in pdf:
                bitmap = page.render(scale=1.1)
                w, h, stride = bitmap.width, bitmap.height, bitmap.stride
                # pdfium writes BGR(x): little-endian RGB32 has exactly that byte order.
                fmt = QImage.Format.Format_BGR888 if bitmap.n_channels == 3 else (
                    QImage.Format.Format_RGB32)  # fmt: skip
                qimage = QImage(bytes(bitmap.buffer), w, h, stride, fmt).copy()
                label = QLabel()
                label.setPixmap(QPixmap.fromImage(qimage))
                label.setStyleSheet("border: 1px solid #c9d3d6;")
                self._lay.addWidget(label)
        finally:
            pdf.close()


def _viewer(parent: QWidget) -> QWidget:
    try:
        from console.ui.handout_preview import HandoutPreview
    except ImportError:
        return _Pages(parent)
    return HandoutPreview(parent)  # type: ignore[no-any-return]


class PreviewTab(QWidget):
    """Rebuilt a moment after each edit, and only while it is on screen (building costs)."""

    def __init__(self, clinic_values: Callable[[], dict[str, Any]],
                 protocol_body: Callable[[], dict[str, Any]],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._clinic_values, self._protocol_body = clinic_values, protocol_body
        self.pdf: bytes = b""
        self._dirty = True
        self.status = widgets.hint("A sample visit, printed with the values being edited now "
                                   "(not yet saved). Nothing is stored.")  # fmt: skip
        self.problem = widgets.warning_label()
        self.viewer = _viewer(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(self.problem)
        lay.addWidget(self.viewer, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh_now)

    def mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start(0)

    def hideEvent(self, event: Any) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def refresh_now(self) -> bytes:
        """Build and show the sheet from the current (unsaved) values; returns the PDF."""
        from console.aftercare.sample import sample_record
        from console.aftercare.sheet import build_sheet

        self._dirty = False
        body = self._protocol_body()
        problems = check(body)
        if problems:
            self.problem.setText("The library being edited has problems; fix them to see "
                                 f"it here. First: {problems[0].where(body)}: "
                                 f"{problems[0].message}")  # fmt: skip
            return self.pdf
        try:
            protocol = from_body(0, body)
            self.pdf = build_sheet(sample_record(protocol), protocol, self._clinic_values(),
                                   sample=True)  # fmt: skip
        except (DomainError, ValueError, KeyError) as exc:
            self.problem.setText(f"The sheet cannot be built with these values: {exc}")
            return self.pdf
        self.problem.clear()
        self.viewer.show_pdf(self.pdf)  # type: ignore[attr-defined]
        return self.pdf

    def shutdown(self) -> None:
        self._timer.stop()
