"""`backup` and `restore` as a clinic's script or a technician would run them."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from tests.data.test_backup import corrupt
from tests.e2e.test_cli_basics import run_console


def _patients(db: Path) -> int:
    conn = sqlite3.connect(str(db))
    try:
        return int(conn.execute("SELECT COUNT(*) FROM patients").fetchone()[0])
    finally:
        conn.close()


def test_backup_then_restore_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "clinic" / "console.sqlite3"
    assert run_console("demo", "--db", str(db), "--patients", "20").returncode == 0
    made = run_console("backup", "--db", str(db))
    assert made.returncode == 0, made.stderr
    [copy] = (db.parent / "backups").glob("console-*.sqlite3")
    assert f"backup: {copy}" in made.stdout and "integrity: ok" in made.stdout
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(copy.parent).st_mode) == 0o700
    elsewhere = run_console("backup", "--db", str(db), "--to", str(tmp_path / "usb"))
    assert elsewhere.returncode == 0 and len(list((tmp_path / "usb").glob("console-*"))) == 1

    # More patients after the backup: the restore must bring back the earlier 20.
    assert run_console("demo", "--db", str(db), "--patients", "5", "--seed", "2").returncode == 0
    assert _patients(db) == 25
    # Not a terminal and no --yes: refused, nothing touched.
    refused = run_console("restore", str(copy), "--db", str(db))
    assert refused.returncode != 0
    assert "not a terminal" in refused.stderr and "--yes" in refused.stderr
    assert _patients(db) == 25
    done = run_console("restore", str(copy), "--db", str(db), "--yes")
    assert done.returncode == 0, done.stderr
    assert _patients(db) == 20
    [kept] = db.parent.glob("console.sqlite3.replaced-*")
    assert f"kept:     {kept}" in done.stdout
    assert _patients(kept) == 25
    check = run_console("check", "--db", str(db))
    assert check.returncode == 0 and "integrity: ok" in check.stdout


def test_restore_newest_skips_a_damaged_backup_and_refuses_a_damaged_file(tmp_path: Path) -> None:
    db = tmp_path / "console.sqlite3"
    assert run_console("demo", "--db", str(db), "--patients", "10").returncode == 0
    assert run_console("backup", "--db", str(db)).returncode == 0
    [good] = (tmp_path / "backups").glob("console-*.sqlite3")
    bad = good.with_name("console-29991231-235959.sqlite3")  # named as the newest
    bad.write_bytes(good.read_bytes())
    corrupt(bad)
    refused = run_console("restore", str(bad), "--db", str(db), "--yes")
    assert refused.returncode == 3 and "cannot be used" in refused.stderr
    assert "Traceback" not in refused.stderr
    newest = run_console("restore", "newest", "--db", str(db), "--yes")
    assert newest.returncode == 0, newest.stderr
    assert f"from {good}" in newest.stdout
    missing = run_console("restore", str(tmp_path / "nope.sqlite3"), "--db", str(db))
    assert missing.returncode == 1 and "no backup file" in missing.stderr
