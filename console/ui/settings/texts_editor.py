"""Settings › Texts per language: the sheet's and calendar's words in each language, editable,
each with its state (as shipped, edited by the clinic, or missing so English is shown)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.protocol import edit as protocol_edit
from console.texts import edits as text_edits
from console.texts import languages as language_texts
from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.widgets import common as widgets

_MISSING = QColor("#fde68a")  # the same yellow as a missing text in the sheet preview
# Marked for lupdate here, translated where the header is made.
_COLUMNS = (
    QT_TRANSLATE_NOOP("LanguageTextsTab", "English"),
    QT_TRANSLATE_NOOP("LanguageTextsTab", "On the sheet"),
    QT_TRANSLATE_NOOP("LanguageTextsTab", "State"),
)


class LanguageTextsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the texts"))
        for lang in language_texts.languages():
            self.language.addItem(f"{lang.name} ({lang.english_name})", lang.code)
        self.review = widgets.warning_label()
        self.review.setWordWrap(True)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in _COLUMNS])
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.error = widgets.error_label()
        self.error.hide()
        self.status = QLabel()
        self.save_button = widgets.primary(self.tr("Save texts"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language")))
        top.addWidget(self.language)
        top.addStretch(1)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.review)
        lay.addWidget(
            widgets.hint(
                self.tr(
                    "Words in {braces} are filled in by the sheet: keep "
                    "them. An empty text goes back to the shipped one."
                )
            )
        )
        lay.addWidget(self.table, 1)
        lay.addWidget(self.error)
        lay.addLayout(bar)
        self._keys: list[str] = []
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.load()

    def code(self) -> str:
        return str(self.language.currentData())

    def load(self) -> None:
        lang = language_texts.language(self.code())
        self.review.setText(
            self.tr("Needs review: {note}").format(note=lang.review) if lang.review else ""
        )
        self.review.setVisible(bool(lang.review))
        listed = text_edits.rows(self.ctx, self.code())
        self._keys = [r.key for r in listed]
        self.table.setRowCount(len(listed))
        for n, row in enumerate(listed):
            english = QTableWidgetItem(row.english)
            english.setFlags(english.flags() & ~Qt.ItemFlag.ItemIsEditable)
            english.setToolTip(row.key)
            text = QTableWidgetItem(row.text)
            state = QTableWidgetItem(row.state)
            state.setFlags(state.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if row.state == language_texts.ENGLISH:
                text.setText("")  # nothing in this language yet: the English is beside it
                for item in (english, text, state):
                    item.setBackground(_MISSING)
            self.table.setItem(n, 0, english)
            self.table.setItem(n, 1, text)
            self.table.setItem(n, 2, state)
        self.table.resizeRowsToContents()
        editable = protocol_edit.can_edit(self.ctx)
        self.save_button.setEnabled(editable)
        self.table.setEnabled(True)
        if not editable:
            self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.error.hide()

    def _on_language_changed(self, _index: int) -> None:
        self.status.clear()
        self.load()

    def edits(self) -> dict[str, str]:
        out = {}
        for n, key in enumerate(self._keys):
            item = self.table.item(n, 1)
            out[key] = item.text() if item is not None else ""
        return out

    def _on_save_clicked(self) -> None:
        self.error.hide()
        try:
            changed = text_edits.save(self.ctx, self.code(), self.edits())
        except text_edits.TextsInvalid as exc:
            key, message = next(iter(exc.problems.items()))
            row = self._keys.index(key)
            self.error.setText(self.tr("Row {row}: {message}").format(row=row + 1, message=message))
            self.error.show()
            self.table.setCurrentCell(row, 1)
            self.status.setText(self.tr("Not saved."))
            return
        except DomainError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.load()
        self.status.setText(
            self.tr("Saved {count} change(s).").format(count=len(changed))
            if changed
            else self.tr("Nothing changed.")
        )
