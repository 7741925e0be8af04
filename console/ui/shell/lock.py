"""The idle lock: after a quiet spell (or the lock key) the window hides behind a PIN screen.

An app-wide event filter restarts a timer on every input. The lock screen is an opaque child
covering the whole window; the screens beneath keep running untouched (a running pass keeps
counting), they only stop receiving input until the PIN is entered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

from console.access import auth
from console.context import AppContext
from console.errors import DomainError
from console.settings import service as settings_service
from console.ui.shell.flow import VisitFlow
from console.ui.steps.signin import people_who_can_sign_in
from console.ui.widgets import theme
from console.ui.widgets.pin import NamesAndPin

_T = QEvent.Type
INPUT_EVENTS = frozenset(
    {
        _T.KeyPress,
        _T.KeyRelease,
        _T.ShortcutOverride,
        _T.Shortcut,
        _T.MouseButtonPress,
        _T.MouseButtonRelease,
        _T.MouseButtonDblClick,
        _T.MouseMove,
        _T.Wheel,
        _T.TouchBegin,
        _T.TouchUpdate,
        _T.TouchEnd,
        _T.TabletPress,
        _T.TabletMove,
        _T.ContextMenu,
    }
)


# What is running beneath the lock: the area's name and the pass's elapsed seconds.
RunningPass = Callable[[], tuple[str, float] | None]


class LockScreen(QWidget):
    """What a locked window shows: no patient data, only names, a PIN pad, and whether a
    pass is running on which area (the practitioner must know the timer still counts)."""

    unlocked = Signal(str)  # who unlocked

    def __init__(
        self, ctx: AppContext, parent: QWidget, running_pass: RunningPass | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running_pass = running_pass
        self.setObjectName("lock-screen")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        title = QLabel(self.tr("Locked"))
        theme.mark(title, role="title")
        self.message = QLabel()
        self.message.setObjectName("lock-message")
        self.message.setWordWrap(True)
        self.pass_status = QLabel()
        self.pass_status.setObjectName("lock-pass-status")
        self.pass_status.setVisible(False)
        # Parented to the screen; runs only while locked with a pass running.
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._refresh_pass_status)
        panel = NamesAndPin(self.tr("Unlock"), error_name="lock-error")
        self.panel = panel
        self.names, self.pad, self.error = panel.names, panel.pad, panel.error
        self.password = panel.password
        self.names.chosen.connect(self._on_names_chosen)
        self.pad.submitted.connect(self._on_pad_submitted)
        row = panel.row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addWidget(title)
        layout.addWidget(self.message)
        layout.addWidget(self.pass_status)
        layout.addSpacing(20)
        layout.addLayout(row, 1)
        self.hide()

    def show_for(self, practitioner_id: str | None) -> None:
        self.locked_by = practitioner_id
        name = auth.display_name(self.ctx, practitioner_id) or self.tr("the practitioner")
        self.message.setText(
            self.tr(
                "Patient data is hidden. {name}: enter your PIN to carry on where you were. "
                "Someone else can choose their name and sign in; the visit stays as it is."
            ).format(name=name)
        )
        self.names.set_people(people_who_can_sign_in(self.ctx))
        self.panel.reset()
        self.names.select(practitioner_id)
        self._refresh_pass_status()
        self.show()
        self.raise_()
        self.pad.focus()

    def hide_lock(self) -> None:
        self.ticker.stop()
        self.pad.clear()
        self.hide()

    def _refresh_pass_status(self) -> None:
        running = self.running_pass() if self.running_pass is not None else None
        if running is None:
            self.pass_status.clear()
            self.pass_status.setVisible(False)
            self.ticker.stop()
            return
        area, seconds = running
        whole = max(0, int(seconds))
        self.pass_status.setText(
            self.tr("Pass running on {area}: {time}. It keeps counting; unlock to stop it.").format(
                area=area, time=f"{whole // 60}:{whole % 60:02d}"
            )
        )
        self.pass_status.setVisible(True)
        if not self.ticker.isActive():
            self.ticker.start()

    def _on_names_chosen(self, _practitioner_id: str) -> None:
        self.error.clear()
        self.pad.clear()
        self.pad.focus()

    def _on_pad_submitted(self, pin: str) -> None:
        who = self.names.current_id()
        if who is None:
            self.error.setText(self.tr("Choose your name first."))
            return
        if not pin:  # a pedal sending Enter, or OK pressed too soon: not a try
            self.error.setText(self.tr("Type your PIN, then press Enter."))
            self.pad.focus()
            return
        try:
            auth.sign_in(self.ctx, who, pin, purpose="unlock")
        except DomainError as error:
            self.error.setText(error.message)
            self.pad.clear()
            self.pad.focus()
            return
        self.pad.clear()
        self.unlocked.emit(who)


class IdleLock(QObject):
    """Locks ``window`` after ``room.idle_lock_minutes`` without input, or on ``keys.lock``."""

    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, ctx: AppContext, flow: VisitFlow) -> None:
        super().__init__(window)
        self.window, self.ctx, self.flow = window, ctx, flow
        self.locked = False
        self._uninstalled = False
        self._focus_before: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.lock("idle"))
        self.overlay = LockScreen(ctx, window, getattr(window, "running_pass", None))
        self.overlay.unlocked.connect(self._on_overlay_unlocked)
        self.shortcut = QShortcut(window)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(lambda: self.lock("key"))
        self.reload_settings()
        # Settings may have changed since: re-read them whenever someone signs in or unlocks.
        flow.practitioner_changed.connect(self._on_flow_practitioner_changed)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        app.focusChanged.connect(self._on_app_focus_changed)  # type: ignore[attr-defined]
        self.timer.start()

    def reload_settings(self) -> None:
        """Timeout and key come from settings; call again after Settings changes them."""
        minutes = float(settings_service.get(self.ctx, "room.idle_lock_minutes") or 5)
        self.set_timeout_ms(max(1, round(minutes * 60_000)))
        self.shortcut.setKey(QKeySequence(str(settings_service.get(self.ctx, "keys.lock"))))

    def _on_flow_practitioner_changed(self, _practitioner_id: object) -> None:
        self.reload_settings()
        self.timer.start()

    def set_timeout_ms(self, ms: int) -> None:
        self.timer.setInterval(ms)
        if self.timer.isActive():
            self.timer.start()

    def uninstall(self) -> None:
        if self._uninstalled:
            return
        self._uninstalled = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            app.focusChanged.disconnect(self._on_app_focus_changed)  # type: ignore[attr-defined]
        self.timer.stop()
        self.overlay.ticker.stop()

    # -- locking ----------------------------------------------------------------------------
    def lock(self, reason: str = "key") -> bool:
        """Hide everything behind the lock screen; nothing to hide before anyone signs in."""
        if self.locked or self.flow.practitioner_id is None:
            return False
        if reason == "idle" and QApplication.activeModalWidget() is not None:
            # A dialog is waiting for an answer and would block the PIN pad: try again later.
            self.timer.start()
            return False
        self._focus_before = QApplication.focusWidget()
        self.locked = True
        self.timer.stop()
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show_for(self.flow.practitioner_id)
        auth.record_lock(self.ctx, reason)
        self.locked_changed.emit(True)
        return True

    def _on_overlay_unlocked(self, who: str) -> None:
        previous = self.flow.practitioner_id
        self.locked = False
        self.overlay.hide_lock()
        if who != previous:
            self.flow.set_practitioner(who)  # the context's SignedIn: records carry ``who``
            auth.record_switch(self.ctx, previous)
        self.flow.signed_in.emit(who)
        if self._focus_before is not None and self._focus_before.isVisible():
            self._focus_before.setFocus()
        self._focus_before = None
        self.reload_settings()
        self.timer.start()
        self.locked_changed.emit(False)

    def _inside_overlay(self, obj: QObject) -> bool:
        return obj is self.overlay or (isinstance(obj, QWidget) and self.overlay.isAncestorOf(obj))

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.locked and new is not None and not self._inside_overlay(new):
            self.overlay.pad.focus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if obj is self.window and kind == _T.Close:
            # A closed window has nothing left to lock: a timer left running would fire
            # against it later.
            self.uninstall()
            return False
        if obj is self.window and kind == _T.Resize and self.locked:
            self.overlay.setGeometry(self.window.rect())
        if kind not in INPUT_EVENTS:
            return False
        if not self.locked:
            self.timer.start()  # any input: the idle time starts again
            return False
        if kind == _T.Shortcut:
            # Window shortcuts (the pedal's pass key …) must not act behind the lock.
            return obj is not self.shortcut and not self._inside_overlay(obj.parent() or obj)
        # Input for widgets beneath the lock is dropped; the QWindow itself passes it on.
        return isinstance(obj, QWidget) and not self._inside_overlay(obj)
