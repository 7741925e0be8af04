"""Verified backups: private files, rotation, daily trigger, restore round trip, corruption."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo
from console.data.db import open_database
from console.errors import DomainError
from console.files import backup


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def corrupt(path: Path) -> None:
    """Overwrite a few pages in the middle of the file, as a failing disk would."""
    size = path.stat().st_size
    assert size > 8 * 4096, "need a file of several pages"
    with path.open("r+b") as f:
        f.seek(2 * 4096)
        f.write(b"\xa5" * (3 * 4096))


def test_backup_now_is_verified_private_and_audited(ctx: AppContext, staff: list[str]) -> None:
    result = backup.backup_now(ctx, "after visit")
    assert result.path.parent == ctx.backups_dir
    assert result.path.name == "console-20261124-140000.sqlite3"
    assert _mode(result.path) == 0o600 and _mode(ctx.backups_dir) == 0o700
    assert backup.check_file(result.path) == ["ok"]
    copy = sqlite3.connect(str(result.path))
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("SELECT COUNT(*) FROM practitioners").fetchone()[0] == 3
    copy.close()
    last = audit_repo.rows(ctx.db, limit=1)[0]
    assert last["action"] == "backup.create" and last["practitioner_id"] == staff[0]
    assert json.loads(last["detail"])["file"] == result.path.name


def test_rotation_keeps_the_newest_fourteen(ctx: AppContext, clock: FakeClock) -> None:
    made = []
    for _ in range(16):
        made.append(backup.backup_now(ctx, "test").path)
        clock.advance(3600)
    kept = backup.list_backups(ctx.backups_dir)
    assert kept == list(reversed(made[2:]))
    (ctx.backups_dir / "notes.txt").write_text("not a backup")
    backup.rotate(ctx.backups_dir, keep=1)
    assert (ctx.backups_dir / "notes.txt").exists()


def test_two_backups_in_the_same_second_both_kept(ctx: AppContext) -> None:
    a = backup.backup_now(ctx, "one").path
    b = backup.backup_now(ctx, "two").path
    assert a != b and backup.list_backups(ctx.backups_dir) == [b, a]


def test_only_the_days_first_start_backs_up(ctx: AppContext, clock: FakeClock) -> None:
    assert backup.backup_if_first_today(ctx) is not None
    clock.advance(3 * 3600)  # 17:00 in London, same day
    assert backup.backup_if_first_today(ctx) is None
    clock.advance(8 * 3600)  # 01:00 the next day
    assert backup.backup_if_first_today(ctx) is not None
    assert len(backup.list_backups(ctx.backups_dir)) == 2


def test_backup_and_restore_round_trip_while_another_connection_writes(
    ctx: AppContext, db_path: Path
) -> None:
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        conn = sqlite3.connect(str(db_path), timeout=5)
        i = 0
        while not stop.is_set():
            conn.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, '1', 'now')",
                [f"test.write.{i:06d}"],
            )
            conn.commit()
            written.append(i)
            i += 1
            # A busy room writes every few milliseconds, not in a tight loop: a loop that never
            # lets go starves SQLite's busy handler and fails for reasons no clinic meets.
            stop.wait(0.002)
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 50:
            threading.Event().wait(0.01)
        copies = [backup.backup_now(ctx, "during writes").path for _ in range(3)]
        target = len(written) + 20  # the writer carries on after the copies
        while len(written) < target:
            threading.Event().wait(0.01)
    finally:
        stop.set()
        thread.join(timeout=10)
    total = len(written)
    newest = copies[-1]
    assert backup.check_file(newest) == ["ok"]
    ctx.db.close()
    result = backup.restore(newest, db_path, confirmed=True, at=ctx.now())
    assert result.replaced is not None and result.replaced.exists()
    db = open_database(db_path)
    keys = [
        r[0]
        for r in db.execute("SELECT key FROM settings WHERE key LIKE 'test.write.%' ORDER BY key")
    ]
    # A consistent snapshot: every write up to some point, none missing in between.
    assert 50 <= len(keys) <= total
    assert keys == [f"test.write.{i:06d}" for i in range(len(keys))]
    restored = audit_repo.rows(db, limit=1)[0]
    assert restored["action"] == "backup.restore"
    assert json.loads(restored["detail"])["from"] == newest.name
    db.close()
    # The replaced file keeps everything that was written, more than the backup had.
    old = sqlite3.connect(str(result.replaced))
    assert (
        old.execute("SELECT COUNT(*) FROM settings WHERE key LIKE 'test.write.%'").fetchone()[0]
        == total
    )
    old.close()
    assert _mode(db_path) == 0o600 and _mode(result.replaced) == 0o600


def test_a_corrupted_copy_is_detected_and_skipped(ctx: AppContext, clock: FakeClock) -> None:
    good = backup.backup_now(ctx, "good").path
    clock.advance(60)
    bad = backup.backup_now(ctx, "will break").path
    corrupt(bad)
    assert backup.check_file(bad) != ["ok"]
    assert backup.newest_good_backup(ctx.backups_dir) == good
    with pytest.raises(DomainError, match="cannot be used"):
        backup.restore(bad, ctx.db_path or Path(), confirmed=True, at=ctx.now())


def test_a_corrupted_database_fails_the_start_check(ctx: AppContext, db_path: Path) -> None:
    assert backup.startup_check(db_path) == ["ok"]
    ctx.db.close()  # checkpoints the WAL into the file
    corrupt(db_path)
    assert backup.startup_check(db_path) != ["ok"]
    assert backup.startup_check(db_path.with_name("not-yet.sqlite3")) == ["ok"]


def test_restore_asks_for_confirmation_and_refuses_an_open_database(
    ctx: AppContext, db_path: Path
) -> None:
    copy = backup.backup_now(ctx, "test").path
    ctx.db.close()
    before = db_path.read_bytes()
    with pytest.raises(DomainError, match="confirm") as err:
        backup.restore(copy, db_path, confirmed=False, at=ctx.now())
    assert err.value.field == "confirm"
    assert db_path.read_bytes() == before
    # Another console holding the database's lock: a live process id in the lock file.
    backup.lock_file_for(db_path).write_text(f"{os.getppid()}\nconsole\nhost\n")
    with pytest.raises(DomainError, match="has this database open"):
        backup.restore(copy, db_path, confirmed=True, at=ctx.now())
    backup.lock_file_for(db_path).unlink()
    restored = backup.restore(copy, db_path, confirmed=True, at=ctx.now())
    assert restored.replaced is not None and restored.replaced.read_bytes() == before
    fresh = db_path.with_name("elsewhere.sqlite3")
    assert backup.restore(copy, fresh, confirmed=False, at=ctx.now()).replaced is None


def test_background_backup_does_not_hold_up_the_caller(
    ctx: AppContext, staff: list[str], clock: FakeClock
) -> None:
    results: list[object] = []
    thread = backup.backup_in_background(ctx, "after visit", on_done=results.append)
    for i in range(20):  # the screen keeps writing meanwhile
        audit_repo.record(ctx.db, at=ctx.now(), by=staff[0], action=f"test.{i}")
    thread.join(timeout=30)
    [result] = results
    assert isinstance(result, backup.BackupResult)
    assert backup.check_file(result.path) == ["ok"]
    rows = audit_repo.rows(ctx.db, filter=audit_repo.AuditFilter(action="backup.create"))
    assert [(r["practitioner_id"], json.loads(r["detail"])["reason"]) for r in rows] == [
        (staff[0], "after visit")
    ]
    assert audit_repo.count(ctx.db, audit_repo.AuditFilter(action="test.")) == 20


def test_a_copy_cut_short_is_never_taken_for_a_backup(ctx: AppContext) -> None:
    backup.private_dir(ctx.backups_dir)
    partial = ctx.backups_dir / "console-20261124-130000.sqlite3.partial"
    partial.write_bytes(b"half a copy")
    os.utime(partial, (0, 0))
    assert backup.list_backups(ctx.backups_dir) == []
    backup.backup_now(ctx, "test")
    assert not partial.exists()
