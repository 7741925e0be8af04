"""Where the console keeps its files: the database, and beside it handouts and backups;
this PC's room settings in the user's config folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "treatment-room-console"
DB_FILENAME = "console.sqlite3"
ROOM_FILENAME = "room.json"
# Two rooms on one machine (or a test) each need their own room file.
ROOM_FILE_ENV = "TREATMENT_CONSOLE_ROOM_FILE"
_chosen_room_file: Path | None = None  # --room-file, for this process
_chosen_clinic_files: Path | None = None  # --files, for this process
CLINIC_FILES_ENV = "TREATMENT_CONSOLE_FILES"


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


def default_room_file() -> Path:
    # e.g. ~/.config/treatment-room-console/room.json on Linux, %LOCALAPPDATA%\… on Windows
    return user_config_path(APP_NAME, appauthor=False) / ROOM_FILENAME


def choose_room_file(path: Path | None) -> Path | None:
    """Use ``path`` (``--room-file``) for this process; returns the previous choice so a
    command run in-process can put it back."""
    global _chosen_room_file
    previous, _chosen_room_file = _chosen_room_file, path
    return previous


def choose_clinic_files(path: Path | None) -> Path | None:
    """Use ``path`` (``--files``) as the clinic's files folder for this process; returns the
    previous choice so a command run in-process can put it back."""
    global _chosen_clinic_files
    previous, _chosen_clinic_files = _chosen_clinic_files, path
    return previous


def clinic_files_dir() -> Path:
    """Where a room on the clinic's server keeps sheets, consents and photos: ``--files``, else
    $TREATMENT_CONSOLE_FILES, else this PC's data folder. Every room should name the same
    shared folder, or a sheet archived in one room cannot be opened in another (README)."""
    if _chosen_clinic_files is not None:
        return _chosen_clinic_files
    env = os.environ.get(CLINIC_FILES_ENV, "").strip()
    return Path(env).expanduser() if env else default_data_dir()


def room_file_path() -> Path:
    """This PC's room settings: ``--room-file``, else $TREATMENT_CONSOLE_ROOM_FILE, else the
    user's config folder."""
    if _chosen_room_file is not None:
        return _chosen_room_file
    env = os.environ.get(ROOM_FILE_ENV, "").strip()
    return Path(env).expanduser() if env else default_room_file()
