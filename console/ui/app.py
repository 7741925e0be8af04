"""Build the QApplication and the main window on the chosen database."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from console import paths
from console.context import open_context
from console.data import settings_repo
from console.ui import theme
from console.ui.main_window import MainWindow


def run(db_path: Path | None) -> int:
    path = db_path if db_path is not None else paths.default_db_path()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Treatment Room Console")
    ctx = open_context(path)
    theme.apply(app, float(settings_repo.get(ctx.db, "room.font_scale")))  # type: ignore[arg-type]
    window = MainWindow(ctx)
    window.show()
    return int(app.exec())
