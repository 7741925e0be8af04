"""Small building blocks shared by the screens: titles, buttons, messages next to fields."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QWidget,
)

from console.errors import DomainError
from console.ui.widgets import theme


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


def show_whole_choice(combo: QComboBox) -> None:
    """Never cut the chosen entry short ("SkinPen cartridge, 14 needles" is not "… 14"):
    the box is at least as wide as its current text, and the layout wraps around it."""

    def fit(_text: str = "") -> None:
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        metrics = combo.fontMetrics()
        text = QSize(metrics.horizontalAdvance(combo.currentText()) + 8, metrics.height())
        size = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, combo)
        combo.setMinimumWidth(size.width())

    combo.currentTextChanged.connect(fit)
    fit()


class _WholePrompt(QObject):
    """Keeps a field at least as wide as its prompt, measured in the font it is shown in
    (the theme sets it when the field is polished, and again on a type size change)."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        edit.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Polish, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False

    def fit(self) -> None:
        edit = self.edit
        metrics = edit.fontMetrics()
        margins = edit.textMargins()
        text = QSize(
            metrics.horizontalAdvance(edit.placeholderText()) + margins.left() + margins.right(),
            metrics.height(),
        )
        option = QStyleOptionFrame()
        edit.initStyleOption(option)
        # + 4: the 2 px QLineEdit keeps clear either side of its text.
        size = edit.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, text, edit)
        edit.setMinimumWidth(size.width() + 4)


def show_whole_prompt(edit: QLineEdit) -> None:
    """Never cut a field's prompt short ("Practiti…", "Scan the cartridge box's bar…"): what
    an empty field asks for is all the practitioner has to go on."""
    _WholePrompt(edit)


def primary(text: str, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    theme.mark(button, primary=True)
    # Enter on a focused step action presses it, as Space does: outside a dialog a
    # QPushButton answers Enter only when auto-default.
    button.setAutoDefault(True)
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


class ActionBar(QStackedWidget):
    """The strip at the bottom of the window that the current screen fills with its actions.

    A screen names its buttons in ``action_buttons`` (secondary first, primary last); they
    move here out of the screen's own layout, so the step's primary action stays on screen
    however tall the step grows on a small room monitor or at a large type size. The screen
    keeps its references and its signal connections: only the parent changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("action_bar")
        self._pages: dict[str, QWidget] = {}
        self._blank = QWidget()
        self.addWidget(self._blank)

    def take(self, key: str, buttons: Sequence[QWidget]) -> None:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(12, 6, 12, 6)
        primaries = [b for b in buttons if b.property("primary")]
        first_primary = primaries[0] if primaries else None
        for button in buttons:
            if button is first_primary:
                row.addStretch(1)  # secondary actions left, primary right, as in dialogs
            old = button.parentWidget()
            old_layout = old.layout() if old is not None else None
            if old_layout is not None:
                old_layout.removeWidget(button)  # recursive: finds it in nested rows
            row.addWidget(button)
        if not primaries:
            row.addStretch(1)
        self._pages[key] = page
        self.addWidget(page)

    def show_for(self, key: str) -> None:
        self.setCurrentWidget(self._pages.get(key, self._blank))


class Confirm:
    """The question before what cannot be undone. No answers Enter and Escape, so a slip or a
    pedal press never locks a record or stops a visit. Tests replace ``ask``."""

    @classmethod
    def box(cls, parent: QWidget | None, title: str, text: str, yes: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.addButton(yes, QMessageBox.ButtonRole.YesRole)
        no = box.addButton("No, go back", QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        return box

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes: str) -> bool:
        box = cls.box(parent, title, text, yes)
        box.exec()
        return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.YesRole
