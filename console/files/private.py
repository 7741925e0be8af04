"""Files that hold patient data: written whole or not at all, readable by the user only.

Every file the console writes with patient data in it (sheets, exports, recall lists,
calendar files, backups) goes through ``write_private`` or ``private_file``: a temporary file
beside the target (so the rename stays on one file system), flushed to disk, renamed over the
target, the folder synced so the rename survives a power cut. The file is 0600 and the folders
the console creates for it are 0700 whatever the umask. When the disk is full (or the folder
is not writable) nothing is left behind and ``NotWritten`` says so in a sentence.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from console.errors import DomainError
from console.visit.storage import StorageError, explain

_WHY = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EFBIG: "the file is larger than the system allows",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EISDIR: "it is a folder",
}


class NotWritten(DomainError):
    """A file could not be written; nothing of it was left behind."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name} was not saved: {reason}. Nothing was left half-written.")
        self.path = path
        self.reason = reason


def reason_for(exc: OSError) -> str:
    """The cause of a failed write in a few plain words."""
    if exc.errno in _WHY:
        return _WHY[exc.errno]
    return (exc.strerror or str(exc)).rstrip(".").lower() or "the system refused it"


def private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents 0700; folders that already exist are left as
    they are (they may be the user's own, such as the folder an export is saved into).
    Raises ``NotWritten`` when a folder cannot be made."""
    missing: list[Path] = []
    p = path
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made meanwhile by another process: not ours to change
        except OSError as exc:
            raise NotWritten(folder, reason_for(exc)) from exc
        os.chmod(folder, 0o700)  # mkdir's mode is reduced by the umask; 0700 is not
    return path


def console_dir(path: Path) -> Path:
    """A folder the console itself keeps beside its database (``handouts/``, ``backups/``):
    created 0700, and brought back to 0700 if an older version left it readable to others."""
    private_dir(path)
    try:
        os.chmod(path, 0o700)
    except OSError as exc:
        raise NotWritten(path, reason_for(exc)) from exc
    return path


def _sync_dir(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):  # POSIX only; Windows has no directory handles to sync
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def private_file(path: Path) -> Iterator[IO[bytes]]:
    """Write ``path`` through the yielded binary file; it appears only once the block ends
    without an error. Raises ``NotWritten`` (never a bare OSError) when the system refuses."""
    tmp: Path | None = None
    try:
        private_dir(path.parent)
        # mkstemp creates the file 0600 whatever the umask, so it is never readable by others.
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        tmp = Path(name)
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
        _sync_dir(path.parent)
    except OSError as exc:
        raise NotWritten(path, reason_for(exc)) from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, 0600 (see ``private_file``)."""
    with private_file(path) as f:
        f.write(data)
    return path


def audit_or_remove(path: Path, record: Callable[[], object]) -> None:
    """Run ``record`` (the audit row of the file just written at ``path``); if the database
    refuses it (full disk), remove the file: a disclosure the trail does not show must not stay."""
    try:
        record()
    except sqlite3.Error as exc:
        path.unlink(missing_ok=True)
        raise StorageError(explain(exc)) from exc
