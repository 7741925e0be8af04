"""Verified backups of the console's database, their rotation, and restoring one.

A backup is taken with SQLite's online backup API (a consistent copy while the app keeps
writing), checked with ``integrity_check`` before it gets its final name, and kept private.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from console.clock import FixedClock
from console.context import AppContext, SignedIn
from console.data import db_copy
from console.data.db import open_database
from console.data.db_file import DatabaseDamaged, refuse_unusable
from console.data.store import file_connection
from console.errors import DomainError
from console.files import paths
from console.files.private import NotWritten, console_dir, private_dir, reason_for
from console.settings.clinic_time import local_day

log = logging.getLogger(__name__)

KEEP = 14
_NAME = re.compile(r"^console-(\d{8}-\d{6})(?:-(\d+))?\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S"  # UTC, so names sort in time order whatever the clinic's timezone


class BackupFailed(DomainError):
    """The copy could not be made or did not pass the integrity check."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    reason: str
    size: int
    seconds: float


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    db_path: Path
    replaced: Path | None  # where the file that was there before now is
    erased_again: tuple[str, ...] = ()  # patients erased after the backup was taken


def _stamp_of(path: Path) -> tuple[datetime, int] | None:
    m = _NAME.match(path.name)
    if not m:
        return None
    at = datetime.strptime(m.group(1), _STAMP).replace(tzinfo=UTC)
    return at, int(m.group(2) or 0)


def list_backups(folder: Path) -> list[Path]:
    """The console's backups in ``folder``, newest first (other files are left alone)."""
    if not folder.is_dir():
        return []
    found = [(s, p) for p in folder.iterdir() if (s := _stamp_of(p)) is not None]
    return [p for _, p in sorted(found, reverse=True)]


def backup_time(path: Path) -> datetime | None:
    stamp = _stamp_of(path)
    return stamp[0] if stamp else None


def check_file(path: Path, *, quick: bool = False, require_console: bool = True) -> list[str]:
    """SQLite's integrity (or quick) check of a file; ``["ok"]`` when sound.

    Never raises for a damaged file: the problem comes back as the list's text.
    """
    if not path.is_file():
        return [f"no file at {path}"]
    return db_copy.check(path, quick=quick, require_console=require_console)


def startup_check(db_path: Path) -> list[str]:
    """The quick check run at every start; a file not created yet is fine."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return ["ok"]
    return check_file(db_path, quick=True, require_console=False)


def newest_good_backup(folder: Path) -> Path | None:
    """The newest backup that passes the full integrity check."""
    for path in list_backups(folder):
        if check_file(path) == ["ok"]:
            return path
        log.warning("backup %s fails its integrity check; trying an older one", path.name)
    return None


def rotate(folder: Path, keep: int = KEEP) -> list[Path]:
    removed = list_backups(folder)[keep:]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _free_name(folder: Path, at: datetime) -> Path:
    base = f"console-{at.astimezone(UTC).strftime(_STAMP)}"
    path, n = folder / f"{base}.sqlite3", 1
    while path.exists():
        path, n = folder / f"{base}-{n}.sqlite3", n + 1
    return path


def create_backup(
    source: sqlite3.Connection, folder: Path, *, at: datetime, keep: int = KEEP
) -> Path:
    """Copy ``source`` into ``folder`` and verify the copy; returns the new file."""
    private_dir(folder)
    # A copy cut short (power cut, killed process) never got its final name: tidy it away.
    for stale in folder.glob("console-*.sqlite3.partial"):
        if time.time() - stale.stat().st_mtime > 3600:
            stale.unlink(missing_ok=True)
    final = _free_name(folder, at)
    partial = final.with_name(final.name + ".partial")
    os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    try:
        result = db_copy.copy_checked(source, partial)
        if result != ["ok"]:
            raise BackupFailed(
                "The backup copy failed its integrity check: " + "; ".join(result[:3])
            )
        os.chmod(partial, 0o600)
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    rotate(folder, keep)
    return final


def backup_database(db_path: Path, folder: Path, *, at: datetime, keep: int = KEEP) -> Path:
    """Back up the file at ``db_path`` through a connection of its own."""
    if not db_path.is_file():
        raise BackupFailed(f"There is no database at {db_path}.")
    source = sqlite3.connect(str(db_path), timeout=5)
    try:
        return create_backup(source, folder, at=at, keep=keep)
    except (sqlite3.DatabaseError, OSError, NotWritten) as exc:
        raise BackupFailed(_why(exc)) from exc
    finally:
        source.close()


def _reason(exc: Exception) -> str:
    if isinstance(exc, NotWritten):
        return exc.reason
    if isinstance(exc, OSError):
        return reason_for(exc)
    if "full" in str(exc).lower():  # SQLite's "database or disk is full"
        return "the disk is full"
    return str(exc)


def _why(exc: Exception) -> str:
    if isinstance(exc, BackupFailed):
        return exc.message
    return f"The backup could not be written: {_reason(exc)}."


def _backup_and_audit(
    ctx: AppContext, source: Path | None, folder: Path, *, reason: str
) -> BackupResult:
    """Copy (from ``source``, or ``ctx.db`` itself when in memory), then audit on ``ctx.db``;
    ``ctx``'s clock is stopped at the time the backup is named after."""
    db, at = ctx.db, ctx.now()
    started = time.monotonic()
    try:
        path = (
            create_backup(file_connection(db), folder, at=at)
            if source is None
            else backup_database(source, folder, at=at)
        )
    except (BackupFailed, NotWritten, OSError, sqlite3.DatabaseError) as exc:
        failed = BackupFailed(_why(exc))
        log.error("backup failed (%s): %s", reason, exc.__class__.__name__)
        try:
            ctx.audit(
                "backup.failed",
                entity="database",
                detail={"reason": reason, "error": failed.message},
            )
        except sqlite3.Error:  # the same full disk: the sentence below still reaches the user
            log.error("backup failure could not be audited either")
        raise failed from exc
    result = BackupResult(path, reason, path.stat().st_size, time.monotonic() - started)
    try:
        ctx.audit(
            "backup.create",
            entity="database",
            detail={"file": path.name, "reason": reason, "bytes": result.size},
        )
    except sqlite3.Error as exc:
        # The copy is whole and checked: keep it (it may be what saves the day), but say so.
        raise BackupFailed(
            f"The backup {path.name} was written, but the database could not record it: "
            f"{_reason(exc)}."
        ) from exc
    log.info(
        "backup %s written (%s, %d bytes, %.1f s)", path.name, reason, result.size, result.seconds
    )
    return result


def _own_backups_dir(ctx: AppContext) -> None:
    # If the folder cannot be made, the copy fails just after with a sentence and an audit row.
    with contextlib.suppress(NotWritten):
        console_dir(ctx.backups_dir)


def backup_now(ctx: AppContext, reason: str) -> BackupResult:
    """Back up the open database into the data folder's ``backups/`` and audit it."""
    _own_backups_dir(ctx)
    at_once = replace(ctx, clock=FixedClock(ctx.now()))
    return _backup_and_audit(at_once, ctx.db_path, ctx.backups_dir, reason=reason)


def backup_in_background(
    ctx: AppContext,
    reason: str,
    on_done: Callable[[BackupResult | BackupFailed], None] | None = None,
) -> threading.Thread:
    """Like ``backup_now`` on a worker thread with its own connections (a large file takes
    seconds to copy and check; the screen must not freeze meanwhile).

    ``on_done`` is called on the worker thread: a Qt caller forwards it with a signal.
    The thread is not a daemon, so quitting waits for the copy instead of cutting it short.
    """
    if ctx.db_path is None:
        raise DomainError("An in-memory database is backed up with backup_now.")
    db_path, folder, clock = ctx.db_path, ctx.backups_dir, FixedClock(ctx.now())
    _own_backups_dir(ctx)

    def work() -> None:
        outcome: BackupResult | BackupFailed
        try:
            db = open_database(db_path, migrate=False)  # sqlite3 objects stay in their thread
            try:
                own = replace(ctx, db=db, clock=clock)
                outcome = _backup_and_audit(own, db_path, folder, reason=reason)
            finally:
                db.close()
        except BackupFailed as exc:
            outcome = exc
        except Exception as exc:  # whatever went wrong, the caller hears of it in words
            log.error("background backup failed: %s", exc.__class__.__name__)
            outcome = BackupFailed(_why(exc))
        if on_done is not None:
            on_done(outcome)

    thread = threading.Thread(target=work, name="console-backup")
    thread.start()
    return thread


def _local_date(ctx: AppContext, at: datetime) -> date:
    return local_day(at, ctx.timezone())


def backup_if_first_today(
    ctx: AppContext, *, background: bool = False
) -> BackupResult | threading.Thread | None:
    """The day's first start backs up; later starts the same (clinic-local) day do not."""
    today = _local_date(ctx, ctx.now())
    for path in list_backups(ctx.backups_dir):
        at = backup_time(path)
        if at is not None and _local_date(ctx, at) == today:
            return None
    if background and ctx.db_path is not None:
        return backup_in_background(ctx, "first start of the day")
    return backup_now(ctx, "first start of the day")


# -- restore --------------------------------------------------------------------------------
def lock_file_for(db_path: Path) -> Path:
    """The lock a running console holds on its database (a QLockFile, see ui/startup.py)."""
    return db_path.with_name(db_path.name + ".lock")


def running_instance(db_path: Path) -> int | None:
    """The process id of another console that has ``db_path`` open, if any."""
    try:
        first = lock_file_for(db_path).read_text(encoding="utf-8", errors="replace").split("\n")[0]
        pid = int(first.strip())
    except (OSError, ValueError):
        return None
    if pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # a stale lock left by a crash
    except PermissionError:
        return pid
    return pid


def replaced_name(db_path: Path, at: datetime) -> Path:
    base = f"{db_path.name}.replaced-{at.astimezone(UTC).strftime(_STAMP)}"
    path, n = db_path.with_name(base), 1
    while path.exists():
        path, n = db_path.with_name(f"{base}-{n}"), n + 1
    return path


def _erase_again(path: Path, data_dir: Path, *, at: datetime, restored_from: str) -> list[str]:
    """Re-apply the register's erasures to the database file at ``path`` (brought up to the
    current schema first); returns the patients erased again."""
    from console.records import erasure  # erasure names backups, so it imports this module

    db = open_database(path)
    try:
        again = erasure.reapply(db, data_dir, at=at, restored_from=restored_from)
        db_copy.make_self_contained(db)
        return again
    finally:
        db.close()


def restore(
    backup: Path, db_path: Path, *, confirmed: bool, at: datetime, by: str | None = None
) -> RestoreResult:
    """Put ``backup`` in place of ``db_path``; the file it replaces is kept beside it.

    Refuses a damaged backup, a database another console has open, and (unless
    ``confirmed``) overwriting an existing file. Patients erased since the backup was taken
    are erased again before anyone can open it.
    """
    # Never over another program's file (a PDF, a folder): only nothing, ours, or our damaged one.
    with contextlib.suppress(DatabaseDamaged):
        refuse_unusable(db_path, may_create=True)
    # Imported here: erasure names backups, so it imports this module.
    from console.records import erasure_register

    data_dir = paths.data_dir_for(db_path)
    erasure_register.read(data_dir)  # a damaged register refuses the restore before any change
    problems = check_file(backup)
    if problems != ["ok"]:
        raise DomainError(
            f"The backup {backup.name} cannot be used: {'; '.join(problems[:3])}", field="backup"
        )
    pid = running_instance(db_path)
    if pid is not None:
        raise DomainError(
            f"The console (process {pid}) has this database open: close it, then restore."
        )
    replaced = replaced_name(db_path, at) if db_path.exists() else None
    if replaced is not None and not confirmed:
        raise DomainError(
            f"{db_path} exists. Restoring replaces it (it would be kept as {replaced.name}); "
            "confirm to go ahead.",
            field="confirm",
        )
    # Only a folder made here gets a mode: the one the user chose keeps theirs.
    db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    incoming = db_path.with_name(db_path.name + ".restoring")
    os.close(os.open(incoming, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    try:
        shutil.copyfile(backup, incoming)
        os.chmod(incoming, 0o600)
        if check_file(incoming) != ["ok"]:
            raise DomainError(
                "The copy of the backup did not read back correctly; nothing changed."
            )
        # Before it takes the database's place, so no one (nor a crash) ever sees it un-erased.
        again = _erase_again(incoming, data_dir, at=at, restored_from=backup.name)
        if replaced is not None:
            os.replace(db_path, replaced)
            # The WAL holds the replaced file's latest commits: it travels with it.
            wal = db_path.with_name(db_path.name + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                os.replace(wal, replaced.with_name(replaced.name + "-wal"))
            else:  # an empty one (left by a read-only look) holds nothing to keep
                wal.unlink(missing_ok=True)
            db_path.with_name(db_path.name + "-shm").unlink(missing_ok=True)
        os.replace(incoming, db_path)
    except BaseException:
        for leftover in ("", "-wal", "-shm"):
            incoming.with_name(incoming.name + leftover).unlink(missing_ok=True)
        raise
    db = open_database(db_path)  # brings an older backup up to the current schema
    try:
        restored = AppContext(
            db=db, db_path=db_path, clock=FixedClock(at), data_dir=data_dir, signed_in=SignedIn(by)
        )
        restored.audit(
            "backup.restore",
            entity="database",
            detail={"from": backup.name, "replaced": replaced.name if replaced else ""},
        )
    finally:
        db.close()
    log.info(
        "restored %s (replaced file kept as %s; %d erased again)", backup.name, replaced, len(again)
    )
    return RestoreResult(backup, db_path, replaced, tuple(again))
