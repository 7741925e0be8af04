"""One start-up, timed: ``startup_child.py bare`` or ``startup_child.py app DB``.

Prints ``PAINTED <time.monotonic()>`` once the main window's first paint has been flushed,
then quits. ``bare`` is an empty PySide6 QMainWindow (the floor); ``app`` is
``python -m console --db DB``. Both carry the same instrumentation, so the ratio is fair.
On Linux CLOCK_MONOTONIC is system-wide: the parent compares it with its own clock.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    """Watches the main window alone (an app-wide Python filter would slow every event, and the
    app has hundreds more than a bare window); marks once its first paint has been flushed."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.seen = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            # Runs after the paint pass and the backing store's flush that follows it.
            QTimer.singleShot(0, self.mark)
        return False

    def mark(self) -> None:
        print(f"PAINTED {time.monotonic():.6f}", flush=True)
        self.app.exit(0)


def watch_main_windows(spy: FirstPaint) -> None:
    """Every QMainWindow (the console's MainWindow included) gets the spy when shown."""
    original = QMainWindow.show

    def show(window: QMainWindow) -> None:
        window.installEventFilter(spy)
        original(window)

    QMainWindow.show = show  # type: ignore[method-assign]


def main(argv: list[str]) -> int:
    # The app builds its own QApplication with the same call when none exists yet.
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    watch_main_windows(FirstPaint(app))
    if argv[0] == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
        window.show()
        return int(app.exec())
    from console.__main__ import main as console_main

    return console_main(["--db", argv[1]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
