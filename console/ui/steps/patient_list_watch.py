"""Other rooms' registrations in this room's search (issue 13): while the Patient screen is
shown with a search typed, a cheap marker of the clinic's patient list is read every 2 s and
the search runs again only when it changed.

Polling rather than LISTEN/NOTIFY: one indexed query every 2 s per room is nothing for the
server, needs no second connection, trigger or thread, and behaves the same after the server
comes back. On a room's own file nothing is polled: only this room changes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from console import store_errors
from console.patients.service import PatientService

POLL_MS = 2000  # a patient registered elsewhere shows here within 5 s (issue 13)


class PatientListWatch(QObject):
    """Emits ``changed`` when another room changed the patient list while ``screen`` is
    shown and ``searching()`` says a search is typed."""

    changed = Signal()

    def __init__(
        self, screen: QWidget, service: PatientService, searching: Callable[[], bool]
    ) -> None:
        super().__init__(screen)
        self._service, self._searching = service, searching
        self._marker: tuple[int, str] | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("patientListWatch")
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        if service.shared_with_other_rooms():
            screen.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._marker = self._read()  # the screen searched afresh as it was shown
            self.timer.start()
        elif event.type() == QEvent.Type.Hide:
            self.timer.stop()
        return False

    def _read(self) -> tuple[int, str] | None:
        try:
            return self._service.list_marker()
        except store_errors.Error:
            return None  # the server is away: the next tick asks again

    def _on_timer_timeout(self) -> None:
        # Nothing is read while no search is typed; the marker kept from before may then be
        # stale, which costs one needless search when typing starts and never a missed one.
        if not self._searching():
            return
        marker = self._read()
        if marker is None:
            return
        if marker != self._marker:
            self._marker = marker
            self.changed.emit()
