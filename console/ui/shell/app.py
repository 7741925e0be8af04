"""Build the QApplication and the main window on the chosen database."""

# ruff: noqa: E402 (sqlite-utils must be imported, without numpy, before the console's modules)
from __future__ import annotations

import contextlib
import importlib.util
import logging
import sys
from pathlib import Path


def _import_sqlite_utils_without_numpy() -> None:
    """sqlite-utils imports numpy (~40 ms of start-up here) only to map numpy scalars to column
    types; the console never stores numpy values. Importing it while numpy reads as missing
    keeps numpy off the path to the first screen; the charts import it when first shown."""
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` now fails
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


def _defer_dateutil_parser() -> None:
    """sqlite-utils imports dateutil's parser (~20 ms) for its date-parsing recipes, which the
    console never calls. Registered lazily, it is only executed if something uses it."""
    if "dateutil.parser" in sys.modules:
        return
    spec = importlib.util.find_spec("dateutil.parser")
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["dateutil.parser"] = module
    spec.loader.exec_module(module)
    sys.modules["dateutil"].parser = module  # type: ignore[attr-defined]


_defer_dateutil_parser()
_import_sqlite_utils_without_numpy()

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from console import store_errors
from console.context import AppContext, open_context
from console.errors import DomainError
from console.files import logs, paths, startup_check
from console.files.backup import BackupFailed, backup_if_first_today
from console.resources import RESOURCES
from console.settings import service as settings_service
from console.texts import languages as language_texts
from console.ui.shell import crash_guard, i18n
from console.ui.shell.main_window import MainWindow
from console.ui.shell.startup import (
    BackgroundCheck,
    DamagedDatabaseDialog,
    SingleInstance,
    offer_restore,
    refuse_unusable_database,
    tell_already_running,
)
from console.ui.widgets import theme

log = logging.getLogger(__name__)


def run(db_path: Path | str | None) -> int:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):  # a bare QCoreApplication has no windows to show
        raise RuntimeError("The console needs a QApplication, not a QCoreApplication.")
    app.setApplicationName("Treatment Room Console")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "treatment-console.png")))
    if isinstance(db_path, str):
        return _run_on_server(app, db_path)
    path = db_path if db_path is not None else paths.default_db_path()
    if refuse_unusable_database(path):
        return 1
    # One console per database: a second start brings the first window forward and quits.
    instance = SingleInstance(path)
    if not instance.acquire():
        if instance.ask_first_to_come_forward():
            print(
                f"The console is already open on {path}; its window was brought forward.",
                file=sys.stderr,
            )
        else:
            print(f"The console is already open on {path}.", file=sys.stderr)
            tell_already_running(path)
        return 0
    logs.configure(paths.data_dir_for(path))
    log.info("starting on %s", path.name)
    marker = startup_check.SessionMarker(path)
    if marker.left_behind():
        log.warning("the last session did not end cleanly: full check before use")
    if not offer_restore(path, startup_check.before_use(path, marker)):
        instance.release()
        return 1
    marker.create()
    session = Session(app, path, instance)
    session.ended.connect(app.exit)
    session.open()
    code = 1 if session.damaged else int(app.exec())
    session.close()
    instance.release()
    if not session.damaged:
        marker.remove()  # a clean end: the next start need not check before the window
    return code


def _run_on_server(app: QApplication, url: str) -> int:
    """A room on the clinic's server: no file to check or copy at start (the server keeps its
    own pages and IT its dumps), so the window opens as soon as the schema is up to date."""
    logs.configure(paths.default_data_dir())
    try:
        ctx = open_context(url)
    except DomainError as exc:  # DatabaseRefused: unreachable, refused, a password in the URL
        log.error("the clinic's server refused or did not answer at start")
        print(exc.message, file=sys.stderr)
        DamagedDatabaseDialog.tell("The console cannot reach the clinic's server", exc.message)
        return 1
    log.info("started on the clinic's server %s", ctx.server)
    from console.visit.journal_replay import replay_at_start  # loads the treatment service

    replay_at_start(ctx)  # what the last session kept on this PC goes first
    window = _main_window(app, ctx)
    crash_guard.install(window.status)
    window.show()
    QTimer.singleShot(0, lambda: _attach_idle_lock(window, ctx))
    code = int(app.exec())
    ctx.close()
    return code


def _main_window(app: QApplication, ctx: AppContext) -> MainWindow:
    """The room's type size and the clinic's language, then the window."""
    theme.apply(app, float(settings_service.get(ctx, "room.font_scale")))
    # The UI in the clinic's language, where a translation exists (English otherwise).
    with contextlib.suppress(DomainError):
        values = settings_service.get_all(ctx)
        i18n.install(
            app,
            language_texts.clinic_language(values),
            str(values.get("clinic.locale") or "en_GB").replace("-", "_"),
        )
    return MainWindow(ctx)


class Session(QObject):
    """The window on the database, and the checks that finish once it is up.

    The window shows at once, held (no input, nothing written) until the worker's quick check
    passes; the full check follows. Damage found then leads to the restore question, and after
    a restore the window opens again on the restored file.
    """

    ended = Signal(int)  # the damage was not repaired: the console quits with this status

    def __init__(self, app: QApplication, path: Path, instance: SingleInstance) -> None:
        super().__init__()  # a QObject on the Qt thread: the worker's signals queue to it
        self.app, self.path, self.instance = app, path, instance
        self.window: MainWindow | None = None
        self.check: BackgroundCheck | None = None
        self.damaged = False
        self._painted = self._checked = self._deferred_done = False

    def open(self) -> None:
        ctx: AppContext | None = None
        try:
            ctx = open_context(self.path)
            window = self.window = _main_window(self.app, ctx)
        except store_errors.DatabaseError as exc:
            # Damage in a page the first screen reads, before the worker got to it.
            log.error("database unreadable while opening the window: %s", exc)
            if ctx is not None:
                ctx.close()
            problems = startup_check.WorkerCheck(self.path).run(quick=False) or [str(exc)]
            self._on_damage(problems if problems != ["ok"] else [str(exc)])
            return
        crash_guard.install(window.status)
        self.instance.attach(window)
        window.hold("Checking the database file: you can sign in in a moment…")
        self._painted = self._checked = self._deferred_done = False
        window.installEventFilter(self)  # to see its first paint (eventFilter)
        window.show()
        if self.check is not None:
            self.check.stop()
        self.check = BackgroundCheck(self.path)
        self.check.passed_quick.connect(self._on_check_passed_quick)
        self.check.finished.connect(self._on_check_finished)
        self.check.start()

    def close(self) -> None:
        if self.check is not None:
            self.check.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._on_window_painted)  # once the paint has been flushed
        return False

    def _on_window_painted(self) -> None:
        self._painted = True
        self._after_paint_and_check()

    def _after_paint_and_check(self) -> None:
        """What neither the first paint nor the sign-in needs, once both are done. The idle
        lock's app-wide filter sees every event (attached earlier it slowed the ~600 events of
        the first paint by ~25 ms), and before anyone signs in there is nothing for it to hide;
        the single-instance server needs QtNetwork, ~12 ms to import."""
        window = self.window
        if window is None or not (self._painted and self._checked) or self._deferred_done:
            return
        self._deferred_done = True
        _attach_idle_lock(window, window.ctx)
        if self.instance.server is None:
            self.instance.listen()

    def _on_check_passed_quick(self) -> None:
        if self.window is None:
            return
        self.window.release_hold()
        self._checked = True
        self._after_paint_and_check()
        # On a worker thread: a large file takes seconds to copy and check. A failed backup is
        # logged and audited; the day's work must not wait for it.
        with contextlib.suppress(BackupFailed):
            backup_if_first_today(self.window.ctx, background=True)

    def _on_check_finished(self, problems: list[str]) -> None:
        if problems == ["ok"] or self.window is None:
            return
        window, self.window = self.window, None
        window.hold("The database file failed its check.")
        window.hide()
        window.ctx.close()
        window.deleteLater()
        self._on_damage(problems)

    def _on_damage(self, problems: list[str]) -> None:
        if offer_restore(self.path, problems):
            self.open()
            return
        self.damaged = True
        self.ended.emit(1)


def _attach_idle_lock(window: MainWindow, ctx: AppContext) -> None:
    from console.ui.shell.lock import IdleLock

    window.idle_lock = IdleLock(window, ctx, window.flow)  # type: ignore[attr-defined]
