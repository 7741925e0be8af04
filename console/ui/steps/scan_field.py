"""A line edit for keyboard-wedge barcode scanners that keeps the GS1 group separator.

QLineEdit drops control characters, so a scanner's GS (ASCII 29) would vanish and a lot
number would swallow the next field. Here it is shown as ␝ and given back as GS.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

GS = "\x1d"
GS_SHOWN = "\u241d"  # ␝ SYMBOL FOR GROUP SEPARATOR


class ScanField(QLineEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl_bracket = (
            event.key() == Qt.Key.Key_BracketRight
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        )
        if event.text() == GS or ctrl_bracket:
            self.insert(GS_SHOWN)
            return
        super().keyPressEvent(event)

    def scanned_text(self) -> str:
        return self.text().replace(GS_SHOWN, GS)
