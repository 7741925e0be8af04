"""Build the QApplication and the main window on the chosen database."""

# ruff: noqa: E402 (sqlite-utils must be imported, without numpy, before the console's modules)
from __future__ import annotations

import contextlib
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


_import_sqlite_utils_without_numpy()

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console import language_texts, logs, paths
from console.backup import BackupFailed, backup_if_first_today
from console.context import AppContext, open_context
from console.data import settings_repo
from console.errors import DomainError
from console.ui import crash_guard, i18n, theme
from console.ui.main_window import MainWindow
from console.ui.startup import SingleInstance, check_database, tell_already_running

log = logging.getLogger(__name__)


def run(db_path: Path | None) -> int:
    path = db_path if db_path is not None else paths.default_db_path()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Treatment Room Console")
    # One console per database: a second start brings the first window forward and quits.
    instance = SingleInstance(path)
    if not instance.acquire():
        if instance.ask_first_to_come_forward():
            print(f"The console is already open on {path}; its window was brought forward.",
                  file=sys.stderr)  # fmt: skip
        else:
            print(f"The console is already open on {path}.", file=sys.stderr)
            tell_already_running(path)
        return 0
    logs.configure(paths.data_dir_for(path))
    log.info("starting on %s", path.name)
    if not check_database(path):
        instance.release()
        return 1
    ctx = open_context(path)
    # On a worker thread: a large file takes seconds to copy and check. A failed backup is
    # logged and audited; the day's work must not wait for it.
    with contextlib.suppress(BackupFailed):
        backup_if_first_today(ctx, background=True)
    theme.apply(app, float(settings_repo.get(ctx.db, "room.font_scale")))  # type: ignore[arg-type]
    # The UI in the clinic's language, where a translation exists (English otherwise).
    with contextlib.suppress(DomainError):
        i18n.install(app, language_texts.clinic_language(settings_repo.get_all(ctx.db)))
    window = MainWindow(ctx)
    crash_guard.install(window.status)
    instance.attach(window)
    window.show()
    # The idle lock's app-wide filter sees every event: attached once the window is up, it
    # keeps the ~600 events of the first paint (~25 ms) off start-up. Before anyone signs in
    # there is nothing for it to hide.
    QTimer.singleShot(0, lambda: _attach_idle_lock(window, ctx))
    code = int(app.exec())
    instance.release()
    return code


def _attach_idle_lock(window: MainWindow, ctx: AppContext) -> None:
    from console.ui.lock import IdleLock

    window.idle_lock = IdleLock(window, ctx, window.flow)  # type: ignore[attr-defined]
