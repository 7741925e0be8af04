"""Around the window: one console per database, its checks, a damaged file offered a backup.

A QLockFile beside the database says "in use"; a local socket lets a second start ask the
first to come forward, then quit.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from console.clock import SystemClock
from console.errors import DomainError
from console.files import backup, startup_check
from console.ui.shell import i18n

log = logging.getLogger(__name__)


def server_name(db_path: Path) -> str:
    """Stable per database file and per user, short enough for a Unix socket path."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else ''}:{db_path.resolve()}"
    return "treatment-room-console-" + hashlib.sha256(key.encode()).hexdigest()[:16]


class SingleInstance:
    """Holds the database's lock for the life of the process; ``acquire`` says if we are first."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.name = server_name(db_path)
        db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.lock = QLockFile(str(backup.lock_file_for(db_path)))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self.server: Any = None  # a QLocalServer once listening
        self.window: QWidget | None = None

    def acquire(self) -> bool:
        """Take the database's lock; ``listen`` follows once the window is up."""
        return bool(self.lock.tryLock(200))

    def listen(self) -> None:
        """Answer a second start. QtNetwork is imported here, after the first paint: until
        then a second start finds the lock taken and says so itself."""
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.name)  # a leftover from a crash
        self.server = QLocalServer()
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_server_new_connection)
        if not self.server.listen(self.name):
            log.warning("single-instance server not listening: %s", self.server.errorString())

    def ask_first_to_come_forward(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(2000):
            return False
        socket.write(b"raise\n")
        socket.waitForBytesWritten(2000)
        socket.disconnectFromServer()
        return True

    def attach(self, window: QWidget) -> None:
        self.window = window

    def _on_server_new_connection(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_socket_ready_read(self, socket: Any) -> None:
        if bytes(socket.readAll().data()).startswith(b"raise") and self.window is not None:
            log.info("a second start asked this window to come forward")
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()
            # Said here, where the user is now looking; it goes away by itself.
            notice = QMessageBox(
                QMessageBox.Icon.Information,
                "Treatment Room Console",
                "The console was started again, but it is already open: this is its window.",
                parent=self.window,
            )
            notice.setObjectName("already-open-notice")
            notice.setModal(False)
            notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            QTimer.singleShot(8000, notice.close)
            notice.show()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()


def tell_already_running(db_path: Path) -> None:
    """When the first window could not be reached: say so here; it closes by itself."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Treatment Room Console",
        f"The console is already open on this database ({db_path.name}).\n"
        "Its window has been brought to the front.",
    )
    QTimer.singleShot(6000, box.accept)
    box.exec()


class DamagedDatabaseDialog:
    """The questions asked when the database fails its check at start; tests replace ``ask``."""

    @classmethod
    def ask(cls, text: str, *, can_restore: bool) -> bool:
        box = QMessageBox(QMessageBox.Icon.Critical, "The database is damaged", text)
        if can_restore:
            restore = box.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(restore)
            box.exec()
            return box.clickedButton() is restore
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return False

    @classmethod
    def tell(cls, title: str, text: str) -> None:
        QMessageBox.information(None, title, text)


def refuse_unusable_database(db_path: Path) -> bool:
    """Say why ``db_path`` cannot be the console's database (a folder, a PDF, another program's
    SQLite file, a newer console's): True means do not start. A damaged console file passes
    here, for ``check_database`` to offer its backup."""
    refused = startup_check.refusal(db_path)
    if refused is None:
        return False
    log.error("database refused at start: %s", refused.__class__.__name__)
    print(refused.message, file=sys.stderr)
    DamagedDatabaseDialog.tell("The console cannot open this database", refused.message)
    return True


def check_database(db_path: Path) -> bool:
    """``quick_check`` now; on damage offer the newest sound backup. False: do not start."""
    return offer_restore(db_path, backup.startup_check(db_path))


def offer_restore(db_path: Path, problems: list[str]) -> bool:
    """After a check at start: on damage, offer the newest sound backup. False: do not start."""
    if problems == ["ok"]:
        return True
    log.error("database failed its check at start (%d problem lines)", len(problems))
    folder = db_path.resolve().parent / "backups"
    newest = backup.newest_good_backup(folder)
    detail = "; ".join(problems[:2])
    if newest is None:
        DamagedDatabaseDialog.ask(
            f"The database file {db_path} failed SQLite's check ({detail}) and there is no "
            f"sound backup in {folder}.\n\nThe file has not been changed. Close the console "
            "and ask for help: do not delete the file.",
            can_restore=False,
        )
        return False
    at = backup.backup_time(newest)
    when = i18n.weekday_day_time(at.astimezone()) if at else newest.name
    if not DamagedDatabaseDialog.ask(
        f"The database file {db_path} failed SQLite's check ({detail}).\n\n"
        f"The newest sound backup was taken {when} ({newest.name}). Restoring it brings the "
        "console back as it was then; anything recorded since is not in it. The damaged file "
        "is kept beside it, renamed, for anyone who can rescue more.\n\nRestore it now?",
        can_restore=True,
    ):
        return False
    try:
        result = backup.restore(newest, db_path, confirmed=True, at=SystemClock().now())
    except DomainError as error:
        DamagedDatabaseDialog.tell("Restore failed", error.message)
        return False
    kept = result.replaced.name if result.replaced else "-"
    DamagedDatabaseDialog.tell(
        "Backup restored",
        f"The backup from {when} is now the console's database. The damaged file is kept as "
        f"{kept}. Check the last visits before carrying on.",
    )
    return True


class BackgroundCheck(QObject):
    """``startup_check.WorkerCheck`` on a thread, its results delivered on the Qt thread:
    ``passed_quick`` once writes may begin, ``finished`` with the full check's ["ok"] or
    problems (not emitted when interrupted)."""

    passed_quick = Signal()
    finished = Signal(list)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.check = startup_check.WorkerCheck(db_path)
        self.worker = threading.Thread(target=self._work, name="console-start-check")

    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        """Interrupt a check still running and wait for the thread (the console is closing)."""
        self.check.interrupt()
        if self.worker.is_alive():
            self.worker.join()

    def _work(self) -> None:
        problems = self.check.run(quick=True)
        if problems == ["ok"]:
            self.passed_quick.emit()
            problems = self.check.run(quick=False)
        if problems is not None:
            self.finished.emit(problems)
