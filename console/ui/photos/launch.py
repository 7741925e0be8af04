"""The buttons a visit step shows to take photos or see this visit's before and after."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from console.context import AppContext
from console.model.photos import STAGE_WORDS
from console.ui.shell.flow import VisitFlow


class PhotosButton(QPushButton):
    """Opens the capture dialog for the flow's visit, on the given stage."""

    def __init__(
        self, ctx: AppContext, flow: VisitFlow, stage: str, parent: QWidget | None = None
    ) -> None:
        # translate(), not self.tr: the button is not built yet.
        words = QCoreApplication.translate("PhotosButton", "{stage} photos…")
        super().__init__(words.format(stage=STAGE_WORDS[stage]), parent)
        self.ctx, self.flow, self.stage = ctx, flow, stage
        self.clicked.connect(self._on_clicked)

    @classmethod
    def ask(cls, dialog: QDialog) -> None:
        dialog.exec()

    def _on_clicked(self) -> None:
        from console.ui.photos.capture import PhotoCapture

        if self.flow.visit_id is None or self.flow.patient_id is None:
            return
        dialog = PhotoCapture(
            self.ctx, self.flow.patient_id, self.flow.visit_id, self.stage, self.window()
        )
        dialog.resize(1340, 680)
        self.ask(dialog)


class BeforeAfterButton(QPushButton):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("BeforeAfterButton", "Before / after…"), parent)
        self.ctx, self.flow = ctx, flow
        self.clicked.connect(self._on_clicked)

    @classmethod
    def ask(cls, dialog: QDialog) -> None:
        dialog.exec()

    def _on_clicked(self) -> None:
        from console.ui.photos.visit_pair import VisitPairDialog

        if self.flow.visit_id is None:
            return
        dialog = VisitPairDialog(self.ctx, self.flow.visit_id, self.window())
        dialog.resize(1340, 680)
        self.ask(dialog)
