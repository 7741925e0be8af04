"""Widgets shared by sign-in and the lock screen: big name buttons and a PIN pad.

Both work with the keyboard alone (digits, Backspace, Enter, arrow keys between names) and
with gloved fingers (large targets).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.ui.widgets import theme

NAME_BUTTON_HEIGHT = 72
PAD_BUTTON_SIZE = 72
NAMES_PER_ROW = 1  # one column: long names fit, and many staff scroll


class NamePicker(QWidget):
    """One big checkable button per practitioner; exactly one is chosen."""

    chosen = Signal(str)  # practitioner id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self._on_group_clicked)
        self.setObjectName("name-picker")  # the theme styles its names and scroll area
        inner = QWidget()
        self._grid = QGridLayout(inner)
        self._grid.setSpacing(12)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setMinimumWidth(380)
        self.setMaximumWidth(560)
        self._ids: list[str] = []

    def set_people(self, people: list[dict[str, Any]]) -> None:
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.deleteLater()
        self._ids = [str(p["id"]) for p in people]
        for i, p in enumerate(people):
            button = QPushButton(str(p["display_name"]))
            button.setCheckable(True)
            button.setMinimumHeight(NAME_BUTTON_HEIGHT)
            button.setAccessibleName(self.tr("sign in as {name}").format(name=p["display_name"]))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing goes to the PIN field
            button.setObjectName(f"name-{i}")
            theme.mark(button, role="name")
            self.group.addButton(button, i)
            self._grid.addWidget(button, i // NAMES_PER_ROW, i % NAMES_PER_ROW)

    def buttons(self) -> list[QPushButton]:
        return [self.group.button(i) for i in range(len(self._ids))]  # type: ignore[misc]

    def current_id(self) -> str | None:
        i = self.group.checkedId()
        return self._ids[i] if 0 <= i < len(self._ids) else None

    def select(self, practitioner_id: str | None) -> None:
        if practitioner_id in self._ids:
            self.group.button(self._ids.index(practitioner_id)).setChecked(True)
            self.chosen.emit(practitioner_id)

    def move_choice(self, step: int) -> None:
        """Arrow keys move the choice: no mouse needed."""
        if not self._ids:
            return
        i = self.group.checkedId()
        i = 0 if i < 0 else (i + step) % len(self._ids)
        self.select(self._ids[i])

    def _on_group_clicked(self, i: int) -> None:
        self.chosen.emit(self._ids[i])


class PinField(QLineEdit):
    """The PIN itself, hidden; Up/Down change the chosen name so hands stay on the keys.

    Only digits get in unless a password is chosen deliberately (``allow_password``): a
    pedal's Space or a stray letter pressed at the lock must not become part of a PIN and
    then count as a wrong one.
    """

    move_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits = QRegularExpressionValidator(QRegularExpression("[0-9]*"), self)
        self.setValidator(self._digits)  # also refuses pasted or dropped text
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setMaxLength(64)
        self.setPlaceholderText(self.tr("PIN"))
        self.setAccessibleName(self.tr("PIN"))
        self.setObjectName("pin")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(56)

    @property
    def digits_only(self) -> bool:
        return self.validator() is not None

    def allow_password(self, allowed: bool) -> None:
        self.clear()
        self.setValidator(None if allowed else self._digits)  # type: ignore[arg-type]
        self.setPlaceholderText(self.tr("Password") if allowed else self.tr("PIN"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if self.digits_only and text.isprintable() and text and not _is_digit(text):
            event.accept()  # swallowed here: it must not reach the screens beneath either
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Left) and not self.text():
            self.move_requested.emit(-1)
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Right) and not self.text():
            self.move_requested.emit(+1)
            return
        super().keyPressEvent(event)


def _is_digit(text: str) -> bool:
    return text.isascii() and text.isdigit()


class PinPad(QWidget):
    """A PIN field with a 3×4 pad; ``submitted`` carries the text on Enter or OK."""

    submitted = Signal(str)

    def __init__(self, ok_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ok_text = ok_text or self.tr("Sign in")
        self.field = PinField()
        self.field.returnPressed.connect(self._on_ok_clicked)
        grid = QGridLayout()
        grid.setSpacing(8)
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        self.keys: dict[str, QPushButton] = {}
        for i, label in enumerate(labels):
            button = QPushButton(label)
            button.setFixedSize(PAD_BUTTON_SIZE * 3 // 2, PAD_BUTTON_SIZE)
            # The pad never takes focus, so typed digits keep going into the field.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if label == "OK":
                # Its word ("Unlock", "Sign in", or a longer translation) is bold and padded:
                # the key grows with it instead of clipping it; never narrower than the digits.
                button.setMinimumSize(button.size())
                button.setMaximumSize(16_777_215, PAD_BUTTON_SIZE)  # Qt's "no limit"
                button.setText(ok_text)
                button.setAccessibleName(ok_text)
                theme.mark(button, primary=True)
                button.clicked.connect(self._on_ok_clicked)
            elif label == "⌫":
                button.setAccessibleName(self.tr("delete last digit"))
                button.clicked.connect(self.field.backspace)
            else:
                theme.mark(button, role="pin-digit")
                button.clicked.connect(lambda _=False, d=label: self.field.insert(d))
            self.keys[label] = button
            grid.addWidget(button, i // 3, i % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(grid)

    def _on_ok_clicked(self) -> None:
        self.submitted.emit(self.field.text())

    def clear(self) -> None:
        self.field.clear()

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)


class NamesAndPin:
    """The names on the left, the PIN pad on the right: shared by sign-in and the lock screen.

    Up/Down in the PIN field change the chosen name, so hands stay on the keys.
    """

    def __init__(self, ok_text: str, *, error_name: str) -> None:
        self.names = NamePicker()
        self.prompt = QLabel()
        self.prompt.setObjectName("pin-prompt")
        self.pad = PinPad(ok_text)
        self.pad.field.move_requested.connect(self.names.move_choice)
        # Accounts may hold a password instead of a PIN (auth.check_pin_rules); typing one
        # is a deliberate choice, so stray keys stay out of everyone else's PIN.
        self.password = QPushButton(
            QCoreApplication.translate("NamesAndPin", "Type a password instead")
        )
        self.password.setObjectName("pin-password")
        self.password.setCheckable(True)
        self.password.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.password.toggled.connect(self._on_password_toggled)
        self.error = QLabel()
        self.error.setObjectName(error_name)
        self.error.setWordWrap(True)
        theme.mark(self.error, role="error")
        pin_column = QVBoxLayout()
        for widget in (self.prompt, self.pad, self.password, self.error):
            pin_column.addWidget(widget)
        pin_column.addStretch(1)
        self.row = QHBoxLayout()
        self.row.addWidget(self.names, 1)
        self.row.addSpacing(40)
        self.row.addLayout(pin_column, 0)
        self.row.addStretch(1)

    def _on_password_toggled(self, allowed: bool) -> None:
        self.pad.field.allow_password(allowed)
        self.pad.focus()

    def reset(self) -> None:
        """Back to a PIN of digits, empty: for the next person at the screen."""
        self.password.setChecked(False)
        self.pad.field.allow_password(False)
        self.error.clear()
