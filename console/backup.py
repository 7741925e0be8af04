"""Verified backups of the console's database, their rotation, and restoring one.

A backup is taken with SQLite's online backup API (a consistent copy while the app keeps
writing), checked with ``integrity_check`` before it gets its final name, and kept private.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from console.context import AppContext
from console.data import audit_repo, settings_repo
from console.data.db import open_database
from console.errors import DomainError

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


def private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


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
    pragma = "quick_check" if quick else "integrity_check"
    try:
        conn = sqlite3.connect(str(path), timeout=5)
        try:
            result = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
            if (
                result == ["ok"]
                and require_console
                and not conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'"
                ).fetchone()
            ):
                return ["not a console database (no audit_log table)"]
            return result
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


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
    final = _free_name(folder, at)
    partial = final.with_name(final.name + ".partial")
    os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    try:
        target = sqlite3.connect(str(partial))
        try:
            # One step (pages=-1): a consistent snapshot; with WAL, writers are not blocked.
            source.backup(target)
            # The copy is a plain file: no -wal/-shm companions to lose when it is moved.
            target.execute("PRAGMA journal_mode=DELETE")
            result = [str(r[0]) for r in target.execute("PRAGMA integrity_check").fetchall()]
        finally:
            target.close()
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
    except sqlite3.DatabaseError as exc:
        raise BackupFailed(f"The database could not be copied: {exc}") from exc
    finally:
        source.close()


def backup_now(ctx: AppContext, reason: str) -> BackupResult:
    """Back up the open database into the data folder's ``backups/`` and audit it."""
    started = time.monotonic()
    now = ctx.now()
    try:
        if ctx.db_path is None:
            path = create_backup(ctx.db.conn, ctx.backups_dir, at=now)
        else:
            path = backup_database(ctx.db_path, ctx.backups_dir, at=now)
    except (BackupFailed, OSError) as exc:
        log.error("backup failed (%s): %s", reason, exc.__class__.__name__)
        with ctx.db.atomic():
            audit_repo.record(
                ctx.db, at=now, by=ctx.practitioner_id, action="backup.failed",
                entity="database", detail={"reason": reason, "error": str(exc)},
            )  # fmt: skip
        if isinstance(exc, BackupFailed):
            raise
        raise BackupFailed(f"The backup could not be written: {exc}") from exc
    result = BackupResult(path, reason, path.stat().st_size, time.monotonic() - started)
    with ctx.db.atomic():
        audit_repo.record(
            ctx.db, at=now, by=ctx.practitioner_id, action="backup.create", entity="database",
            detail={"file": path.name, "reason": reason, "bytes": result.size},
        )  # fmt: skip
    log.info("backup %s written (%s, %d bytes)", path.name, reason, result.size)
    return result


def _local_date(ctx: AppContext, at: datetime) -> date:
    try:
        zone = ZoneInfo(str(settings_repo.get(ctx.db, "clinic.timezone")))
    except (KeyError, ValueError):
        zone = ZoneInfo("UTC")
    return at.astimezone(zone).date()


def backup_if_first_today(ctx: AppContext) -> BackupResult | None:
    """The day's first start backs up; later starts the same (clinic-local) day do not."""
    today = _local_date(ctx, ctx.now())
    for path in list_backups(ctx.backups_dir):
        at = backup_time(path)
        if at is not None and _local_date(ctx, at) == today:
            return None
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


def restore(
    backup: Path, db_path: Path, *, confirmed: bool, at: datetime, by: str | None = None
) -> RestoreResult:
    """Put ``backup`` in place of ``db_path``; the file it replaces is kept beside it.

    Refuses a damaged backup, a database another console has open, and (unless
    ``confirmed``) overwriting an existing file.
    """
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
    private_dir(db_path.parent)
    incoming = db_path.with_name(db_path.name + ".restoring")
    os.close(os.open(incoming, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    try:
        shutil.copyfile(backup, incoming)
        os.chmod(incoming, 0o600)
        if check_file(incoming) != ["ok"]:
            raise DomainError(
                "The copy of the backup did not read back correctly; nothing changed."
            )
        if replaced is not None:
            os.replace(db_path, replaced)
            # The WAL holds the replaced file's latest commits: it travels with it.
            wal = db_path.with_name(db_path.name + "-wal")
            if wal.exists():
                os.replace(wal, replaced.with_name(replaced.name + "-wal"))
            db_path.with_name(db_path.name + "-shm").unlink(missing_ok=True)
        os.replace(incoming, db_path)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    db = open_database(db_path)  # brings an older backup up to the current schema
    try:
        with db.atomic():
            audit_repo.record(
                db, at=at, by=by, action="backup.restore", entity="database",
                detail={"from": backup.name, "replaced": replaced.name if replaced else ""},
            )  # fmt: skip
    finally:
        db.close()
    log.info("restored %s (replaced file kept as %s)", backup.name, replaced)
    return RestoreResult(backup, db_path, replaced)
