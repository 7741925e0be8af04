"""Where the console keeps its files: the database, and beside it handouts and backups."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "treatment-room-console"
DB_FILENAME = "console.sqlite3"


def default_data_dir() -> Path:
    # e.g. ~/.local/share/treatment-room-console on Linux, %LOCALAPPDATA%\… on Windows
    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return default_data_dir() / DB_FILENAME


def data_dir_for(db_path: Path | None) -> Path:
    """Handouts and backups live next to the database they belong to."""
    return default_data_dir() if db_path is None else db_path.resolve().parent


def handouts_dir(db_path: Path | None) -> Path:
    return data_dir_for(db_path) / "handouts"


def backups_dir(db_path: Path | None) -> Path:
    return data_dir_for(db_path) / "backups"
