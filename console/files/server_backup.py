"""Backups of the clinic's server: a ``pg_dump`` archive (custom format), checked, and
``pg_restore`` to put one back.

The room's file has its own backups (``console.files.backup``) and its automatic first backup
of the day; a server's are the clinic IT's nightly job, and these are what the console offers
on top: a named, verified archive on demand, and a restore whose audit trail is checked after.
The URL never holds a password (``open_server`` refuses one): libpq reads ``PGPASSWORD`` or
``~/.pgpass`` for the tools as it does for the console.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from console.access.audit import verify_trail
from console.clock import FixedClock
from console.context import AppContext
from console.data.audit_repo import ChainCheck
from console.data.db import open_store
from console.data.server_facts import server_major
from console.data.server_url import redacted
from console.errors import DomainError
from console.files.backup import BackupFailed
from console.files.private import NotWritten, console_dir, reason_for

_STAMP = "%Y%m%d-%H%M%S"  # UTC, as the file's backups are named
SUFFIX = ".dump"
_NAME = re.compile(r"^console-\d{8}-\d{6}(?:-\d+)?\.dump$")


class RestoreRefused(DomainError):
    """The archive was not restored (the server is as it was)."""


@dataclass(frozen=True)
class ServerBackup:
    path: Path
    size: int


def client_tools() -> tuple[Path, int]:
    """The newest installed PostgreSQL client's bin folder and major version."""
    found: list[tuple[int, Path]] = []
    for tool in Path("/usr/lib/postgresql").glob("*/bin/pg_dump"):
        if tool.parent.parent.name.isdigit():
            found.append((int(tool.parent.parent.name), tool.parent))
    on_path = shutil.which("pg_dump")
    if on_path is not None:
        out = subprocess.run([on_path, "--version"], capture_output=True, text=True).stdout
        m = re.search(r"\)\s+(\d+)", out)  # "pg_dump (PostgreSQL) 15.8 (Debian …)"
        if m:  # not resolved: Debian's /usr/bin/pg_dump is a wrapper beside pg_restore's
            found.append((int(m.group(1)), Path(on_path).parent))
    if not found:
        raise BackupFailed(
            "pg_dump is not installed on this PC (Debian package postgresql-client)."
        )
    major, folder = max(found)
    return folder, major


def _tools_for(ctx: AppContext) -> Path:
    folder, major = client_tools()
    server = server_major(ctx.db)
    if major < server:
        raise BackupFailed(
            f"pg_dump here is PostgreSQL {major}, older than the server's {server}: install "
            f"postgresql-client-{server} on this PC."
        )
    return folder


def _free_name(folder: Path, at: datetime) -> Path:
    base = f"console-{at.astimezone(UTC).strftime(_STAMP)}"
    path, n = folder / f"{base}{SUFFIX}", 1
    while path.exists():
        path, n = folder / f"{base}-{n}{SUFFIX}", n + 1
    return path


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    for prefix in ("pg_dump: ", "pg_restore: ", "error: "):
        last = last.removeprefix(prefix)
    return last


def archive_contents(tools: Path, archive: Path) -> list[str]:
    """``pg_restore --list`` of an archive; RestoreRefused when it is not one."""
    listed = subprocess.run(
        [str(tools / "pg_restore"), "--list", str(archive)], capture_output=True, text=True
    )
    if listed.returncode != 0:
        raise RestoreRefused(
            f"{archive.name} is not a backup of the clinic's server (pg_restore cannot read it: "
            f"{_last_line(listed.stderr)})."
        )
    return listed.stdout.splitlines()


def holds_trail(contents: list[str]) -> bool:
    """A console's archive has the audit trail's rows ("TABLE DATA public audit_log …")."""
    return any(" TABLE DATA " in line and " audit_log " in line for line in contents)


def backup_server(ctx: AppContext, url: str, folder: Path) -> ServerBackup:
    """``pg_dump -Fc`` of the server into ``folder``: a .partial first, checked with
    ``pg_restore --list``, then its final name; audited (``backup.create``)."""
    tools = _tools_for(ctx)
    at = ctx.now()
    try:
        console_dir(folder)
    except NotWritten as exc:
        raise BackupFailed(f"The folder {folder} cannot be made: {exc.reason}.") from exc
    final = _free_name(folder, at)
    partial = final.with_name(final.name + ".partial")
    try:
        os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
        dumped = subprocess.run(
            [str(tools / "pg_dump"), "--format=custom", f"--file={partial}", f"--dbname={url}"],
            capture_output=True,
            text=True,
        )
        if dumped.returncode != 0:
            raise BackupFailed(
                f"pg_dump could not back up {redacted(url)}: {_last_line(dumped.stderr)}."
            )
        try:
            if not holds_trail(archive_contents(tools, partial)):
                raise BackupFailed("The archive pg_dump wrote holds no audit trail.")
        except RestoreRefused as exc:
            raise BackupFailed(f"The archive pg_dump wrote does not read back: {exc}") from exc
        os.chmod(partial, 0o600)
        os.replace(partial, final)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupFailed(f"The backup could not be written: {reason_for(exc)}.") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    size = final.stat().st_size
    ctx.audit(
        "backup.create",
        entity="database",
        detail={"file": final.name, "folder": str(folder), "bytes": size, "reason": "command line"},
    )
    return ServerBackup(final, size)


def newest_dump(folder: Path) -> Path | None:
    found = sorted(p for p in folder.glob(f"console-*{SUFFIX}") if _NAME.match(p.name))
    return found[-1] if found else None


def reachable(url: str) -> None:
    """Refuse (``DatabaseRefused``, one sentence) a URL with a password or a server that does
    not answer, before anything else is asked."""
    open_store(url, migrate=False).close()


def restore_server(url: str, archive: Path, *, at: datetime) -> ChainCheck:
    """Put ``archive`` in place of the server's data in one transaction, then check the
    restored audit trail and record the restore in it. RestoreRefused leaves it as it was."""
    db = open_store(url, migrate=False)  # refuses a password, an unreachable server
    try:
        tools = _tools_for(AppContext(db=db, db_path=None))
    finally:
        db.close()
    if not holds_trail(archive_contents(tools, archive)):
        raise RestoreRefused(
            f"{archive.name} is not a backup of the console: it has no audit trail."
        )
    restored = subprocess.run(
        [
            str(tools / "pg_restore"),
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--no-owner",
            "--exit-on-error",
            f"--dbname={url}",
            str(archive),
        ],
        capture_output=True,
        text=True,
    )
    if restored.returncode != 0:
        raise RestoreRefused(
            f"pg_restore could not restore {archive.name}, so nothing changed: "
            f"{_last_line(restored.stderr)}."
        )
    db = open_store(url)  # an older archive's schema is brought up to date, as a file's is
    try:
        chain = verify_trail(db, None)
        if chain.ok:
            ctx = AppContext(db=db, db_path=None, clock=FixedClock(at))
            ctx.audit("backup.restore", entity="database", by=None, detail={"from": archive.name})
        return chain
    finally:
        db.close()
