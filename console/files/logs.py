"""The console's log file: rotating, private (0600), and holding ids only, never patient data.

Log calls pass record ids (patient, visit, practitioner) and never names, dates of birth or
free text: the log is read by whoever fixes the PC, not only by clinicians.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_NAME = "console.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file whose every generation is created 0600, whatever the umask."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        os.close(fd)
        os.chmod(self.baseFilename, 0o600)
        return super()._open()


def log_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def configure(data_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the ``console`` loggers to ``<data_dir>/logs/console.log``; returns its path.

    Calling it again for the same folder changes nothing (no duplicate lines).
    """
    folder = log_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    path = folder / LOG_NAME
    logger = logging.getLogger("console")
    for handler in logger.handlers:
        if isinstance(handler, PrivateRotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level)
    return path


def close(data_dir: Path) -> None:
    """Detach and close the handler for ``data_dir`` (tests, and a database switch)."""
    path = log_dir(data_dir) / LOG_NAME
    logger = logging.getLogger("console")
    for handler in list(logger.handlers):
        if isinstance(handler, PrivateRotatingFileHandler) and Path(handler.baseFilename) == path:
            logger.removeHandler(handler)
            handler.close()
