"""At start (after sign-in): offer to resume a visit that was interrupted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from console.clock import parse_iso
from console.ui.shell import i18n
from console.ui.shell.i18n import QT_TRANSLATE_NOOP

# Same words (and translation context) as the patient screen's "Resume visit (at …)".
STEP_WORDS = {
    "screening": QT_TRANSLATE_NOOP("PatientScreen", "Screening"),
    "consent": QT_TRANSLATE_NOOP("PatientScreen", "Consent"),
    "prep": QT_TRANSLATE_NOOP("PatientScreen", "Prep"),
    "plan": QT_TRANSLATE_NOOP("PatientScreen", "Plan"),
    "treat": QT_TRANSLATE_NOOP("PatientScreen", "Treat"),
    "finish": QT_TRANSLATE_NOOP("PatientScreen", "Finish"),
}


class ResumeDialog(QDialog):
    def __init__(self, visits: list[dict[str, Any]], tz: Any, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resume an interrupted visit"))
        self.visits = visits
        self.list = QListWidget()
        for v in visits:
            started = parse_iso(v["started_at"]).astimezone(tz)
            step = v["step"]
            at = (
                QCoreApplication.translate("PatientScreen", STEP_WORDS[step])
                if (step in STEP_WORDS)
                else step
            )
            self.list.addItem(
                self.tr("{name} — started {when} — stopped at {step}").format(
                    name=v["patient_name"], when=i18n.weekday_day_time(started), step=at
                )
            )
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Resume selected visit"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "A visit was not finished (the console was closed or the PC stopped).\n"
                    "Every completed pass is kept. Resume it where it stopped?"
                )
            )
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, visits: list[dict[str, Any]], tz: Any, parent: QWidget | None) -> str | None:
        """The visit id to resume, or None. Tests monkeypatch this."""
        dialog = cls(visits, tz, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return str(visits[dialog.list.currentRow()]["id"])
