"""At start (after sign-in): offer to resume a visit that was interrupted."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from console.clock import parse_iso

STEP_WORDS = {"screening": "Screening", "consent": "Consent", "prep": "Prep", "plan": "Plan",
              "treat": "Treat", "finish": "Finish"}  # fmt: skip


class ResumeDialog(QDialog):
    def __init__(self, visits: list[dict[str, Any]], tz: Any, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Resume an interrupted visit")
        self.visits = visits
        self.list = QListWidget()
        for v in visits:
            started = parse_iso(v["started_at"]).astimezone(tz)
            self.list.addItem(
                f"{v['patient_name']} — started {started:%a %d %b, %H:%M} — "
                f"stopped at {STEP_WORDS.get(v['step'], v['step'])}"
            )
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox()
        buttons.addButton("Resume selected visit", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Not now", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "A visit was not finished (the console was closed or the PC stopped).\n"
                "Every completed pass is kept. Resume it where it stopped?"
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
