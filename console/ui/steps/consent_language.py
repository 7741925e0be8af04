"""The Consent step's language switch: which language the text is shown (and signed) in, and
why when it is not the patient's own.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.consent.languages import Shown
from console.ui.widgets import common as widgets


class ConsentLanguageBar(QWidget):
    """A combo of the languages the consent has text in, and the fallback note under it."""

    chosen = Signal(str)  # a language code the practitioner picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("consent-language")
        self.combo.setAccessibleName(self.tr("language the consent text is shown in"))
        self.combo.activated.connect(self._on_combo_activated)
        self.note = widgets.warning_label()
        self.note.setObjectName("consent-language-note")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Text shown in:")))
        row.addWidget(self.combo)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.note)

    def show_choice(self, options: list[tuple[str, str]], shown: Shown) -> None:
        """Fill the combo with ``options`` (code, name) and select what is shown."""
        self.combo.blockSignals(True)
        self.combo.clear()
        for code, name in options:
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(self.combo.findData(shown.code), 0))
        self.combo.blockSignals(False)
        self.note.setText(shown.note)
        self.note.setVisible(bool(shown.note))

    def _on_combo_activated(self, index: int) -> None:
        self.chosen.emit(str(self.combo.itemData(index)))
