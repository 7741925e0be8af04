"""A "press the key or pedal now" field: captures ONE key press, F13–F24 included.

A foot pedal is a keyboard that sends one key, often F13–F24 that no keyboard has, so the
field cannot be typed into: it listens for the next key and shows its Qt name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.widgets import theme

_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
    Qt.Key.Key_NumLock,
    Qt.Key.Key_unknown,
}
PROMPT = QT_TRANSLATE_NOOP("KeyCaptureField", "Press the key or pedal now…")


class KeyCaptureField(QPushButton):
    """Shows the chosen key; click it, then press the key (or the pedal) to change it."""

    key_captured = Signal(str)  # the Qt key name, e.g. "F13", "Space", "Ctrl+L"

    def __init__(self, key_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = key_name
        self._capturing = False
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(260)
        # Listening must be unmistakable: the next key press anywhere here is taken.
        theme.mark(self, role="key-capture")
        self.clicked.connect(self._on_self_clicked)
        self._show()

    def key_name(self) -> str:
        return self._key

    def set_key_name(self, name: str) -> None:
        self._key = name
        self._stop()

    def is_capturing(self) -> bool:
        return self._capturing

    def start_capture(self) -> None:
        self._capturing = True
        self.setChecked(True)
        self.setFocus()
        self._show()

    def _stop(self) -> None:
        self._capturing = False
        self.setChecked(False)
        self._show()

    def _show(self) -> None:
        self.setText(
            self.tr(PROMPT)
            if self._capturing
            else (self._key or self.tr("(none: click to choose)"))
        )
        self.setAccessibleName(self.tr("key: {key}").format(key=self._key or self.tr("none")))

    def _on_self_clicked(self) -> None:
        if self._capturing:
            self._stop()
        else:
            self.start_capture()

    def event(self, event: QEvent) -> bool:
        # Accepting the override makes Qt deliver the key here instead of firing a shortcut
        # (the lock key F12 must be capturable, not lock the screen mid-setting).
        if self._capturing and event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._capturing:
            super().keyPressEvent(event)
            return
        if event.isAutoRepeat() or Qt.Key(event.key()) in _MODIFIER_KEYS:
            event.accept()  # wait for the real key; a held pedal repeats
            return
        # Every key is taken while capturing (Space, Escape, Tab …): a pedal may send any.
        name = QKeySequence(event.keyCombination()).toString(
            QKeySequence.SequenceFormat.PortableText
        )
        event.accept()
        if name:
            self._key = name
            self._stop()
            self.key_captured.emit(name)

    def focusNextPrevChild(self, next: bool) -> bool:
        # While capturing, Tab is a key to capture, not a move to the next field.
        return False if self._capturing else super().focusNextPrevChild(next)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._capturing:
            self._stop()
        super().focusOutEvent(event)
