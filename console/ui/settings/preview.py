"""Live preview: the aftercare sheet for a sample visit, built from the values being edited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.model.protocol import from_body
from console.protocol.check import check
from console.texts import languages as language_texts
from console.ui.steps.handout_preview import PdfPagesView
from console.ui.widgets import common as widgets


class PreviewTab(QWidget):
    """Rebuilt a moment after each edit, and only while it is on screen (building costs)."""

    def __init__(
        self,
        clinic_values: Callable[[], dict[str, Any]],
        protocol_body: Callable[[], dict[str, Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clinic_values, self._protocol_body = clinic_values, protocol_body
        self.pdf: bytes = b""
        self._dirty = True
        self.status = widgets.hint(
            self.tr(
                "A sample visit, printed with the values being edited "
                "now (not yet saved). Nothing is stored."
            )
        )
        self.problem = widgets.warning_label()
        # Any language can be previewed; a text it lacks shows in English, highlighted.
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the preview"))
        for lang in language_texts.languages():
            self.language.addItem(f"{lang.name} ({lang.english_name})", lang.code)
        self.language.currentIndexChanged.connect(lambda _i: self.mark_dirty())
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Language")))
        choose.addWidget(self.language)
        choose.addStretch(1)
        # The same page view as the Finish screen's sheet, a little larger for reading wording.
        self.viewer = PdfPagesView(self, dpi=96)
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addLayout(choose)
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
            self.problem.setText(
                self.tr(
                    "The library being edited has problems; fix them to "
                    "see it here. First: {where}: {message}"
                ).format(where=problems[0].where(body), message=problems[0].message)
            )
            return self.pdf
        try:
            protocol = from_body(0, body)
            self.pdf = build_sheet(
                sample_record(protocol),
                protocol,
                self._clinic_values(),
                sample=True,
                language=self.language.currentData(),
            )
        except Exception as exc:  # a preview must never take the screen down; say why instead
            self.problem.setText(
                self.tr("The sheet cannot be built with these values: {error}").format(error=exc)
            )

            return self.pdf
        self.problem.clear()
        self.viewer.show_pdf(self.pdf)
        return self.pdf

    def shutdown(self) -> None:
        self._timer.stop()
