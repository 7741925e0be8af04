"""The banner above every screen while the room keeps visit events on its own PC.

"Saving on this PC since 14:05 — the clinic's server does not answer" (the clinic's time),
until the journal has been replayed onto the server; an entry the server refused stays named
here with the server's sentence. A room on its own file has no journal: nothing shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.context import AppContext
from console.ui.widgets import theme
from console.visit import journal as room_journal

# The journal is a small local file: looking at it every second costs nothing and the banner
# appears as soon as a pass is kept. The server is asked again less often: on a dead network
# a connection attempt waits (console.data.pg.RECONNECT_TIMEOUT_S) and the screen with it.
LOOK_MS = 1000
REPLAY_EVERY = 5  # looks: a replay attempt every 5 s while entries wait


class JournalBanner(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        busy: Callable[[], bool] = lambda: False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = busy  # a pass running: replay waits (the timer must not stall)
        self.journal = room_journal.journal_for(ctx)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("saving on this PC"))
        theme.mark(self.label, role="warning")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.label.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(LOOK_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._looks = 0
        self.refresh()

    def refresh(self) -> None:
        journal = self.journal
        lines = []
        if journal is not None:
            since = journal.saving_since()
            if since is not None:
                lines.append(
                    self.tr(
                        "Saving on this PC since {time} — the clinic's server does not answer"
                    ).format(time=since.strftime("%H:%M"))
                )
            refused = journal.refused()
            if refused:
                lines.append(
                    self.tr(
                        "{count} event(s) kept on this PC were refused by the clinic's server: "
                        "{reason}"
                    ).format(count=len(refused), reason=refused[-1].refused)
                )
        self.label.setText("\n".join(lines))
        self.label.setVisible(bool(lines))

    def replay_now(self) -> None:
        """Send what waits to the server (each entry once); the banner goes once it is empty."""
        if self.journal is not None and self.journal.holds_waiting():
            from console.visit.journal_replay import replay  # after sign-in; not at first paint

            replay(self.ctx, self.journal)
        self.refresh()

    def _on_timer_timeout(self) -> None:
        self._looks += 1
        if self._looks % REPLAY_EVERY == 0 and not self.busy():
            self.replay_now()
        else:
            self.refresh()

    # The timer runs while the window shows: a closed window leaves nothing ticking.
    def showEvent(self, event: QShowEvent) -> None:
        if self.journal is not None:
            self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)
