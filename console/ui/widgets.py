"""Small building blocks shared by the screens: titles, buttons, messages next to fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from console.errors import DomainError
from console.ui import theme


def title(text: str) -> QLabel:
    label = QLabel(text)
    theme.mark(label, role="title")
    return label


def hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    theme.mark(label, role="hint")
    return label


def error_label() -> QLabel:
    """A message slot next to a field: empty until the input is refused."""
    label = QLabel()
    label.setWordWrap(True)
    theme.mark(label, role="error")
    label.setAccessibleName(QCoreApplication.translate("widgets", "error message"))
    return label


def warning_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    theme.mark(label, role="warning")
    return label


def primary(text: str, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    theme.mark(button, primary=True)
    return button


class FieldErrors:
    """Routes a DomainError to the label of the field it names, else to a general label."""

    def __init__(self, general: QLabel, **by_field: QLabel) -> None:
        self.general = general
        self.by_field = by_field

    def clear(self) -> None:
        for label in (self.general, *self.by_field.values()):
            label.clear()

    def show(self, error: DomainError) -> None:
        self.clear()
        target = self.by_field.get(error.field or "", self.general)
        target.setText(error.message)
