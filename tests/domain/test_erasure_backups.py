"""After an erasure the backups taken before still hold the patient: the statement names them
and when they rotate out, and restoring one of them erases the patient again."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo, patients_repo
from console.errors import DomainError
from console.files import backup
from console.records import erasure

ROOT = Path(__file__).resolve().parents[2]
NAME = "Zoë Łukasz-Nguyễn"
IDENTIFIERS = [NAME, "Łukasz", "+44 7700 900123", "zoe@example.org", "1988-03-14"]


def _texts(path: Path) -> str:
    """Every text value in the database file, one string."""
    con = sqlite3.connect(path)
    out: list[str] = []
    try:
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for (col,) in [(c[1],) for c in con.execute(f'PRAGMA table_info("{table}")')]:
                out += [str(v) for (v,) in con.execute(f'SELECT "{col}" FROM "{table}"')]
    finally:
        con.close()
    return "\n".join(out)


def _console(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_back_up_erase_restore_erases_the_patient_again(
    ctx: AppContext, patient: str, clock: FakeClock, db_path: Path
) -> None:
    taken = backup.backup_now(ctx, "test").path
    clock.advance(3600)
    report = erasure.anonymise(ctx, patient, reason="Written request of 20 Nov 2026")
    text = report.statement()
    # Named by file and date (clinic time, Europe/London), with when rotation deletes it.
    assert f"{taken.name}, taken Tue 24 Nov 2026 14:00: deleted after 14 more backups" in text
    assert "erases this patient again" in text
    first = audit_repo.rows(ctx.db, limit=1)[0]  # the audit row says where it still is, too
    assert first["action"] == "patient.anonymise"
    assert json.loads(first["detail"])["still_in_backups"] == [str(taken)]
    register = db_path.parent / "erasures.json"
    assert stat.S_IMODE(os.stat(register).st_mode) == 0o600
    held = register.read_text(encoding="utf-8")
    assert patient in held and not any(i in held for i in IDENTIFIERS)
    ctx.db.close()
    assert NAME in _texts(taken)  # the backup does hold the name: the restore test can fail

    clock.advance(3600)
    result = backup.restore(taken, db_path, confirmed=True, at=clock.now())

    assert result.erased_again == (patient,)
    assert not list(db_path.parent.glob("*.restoring*"))  # erased in the copy, then moved in
    assert not any(i in _texts(db_path) for i in IDENTIFIERS)
    restored = AppContext(db=backup.open_database(db_path), db_path=db_path, clock=clock)
    try:
        row = patients_repo.get(restored.db, patient)
        assert row is not None and row["full_name"] == report.reference and row["anonymised_at"]
        again = audit_repo.rows(
            restored.db, filter=audit_repo.AuditFilter(action="patient.anonymise")
        )
        assert (
            "erased again after restoring " + taken.name in json.loads(again[0]["detail"])["reason"]
        )
        assert audit_repo.verify_chain(restored.db).ok
    finally:
        restored.db.close()


def test_rotation_counts_from_the_newest_backup(
    ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    names = []
    for _ in range(3):
        names.append(backup.backup_now(ctx, "test").path.name)
        clock.advance(86400)
    text = erasure.anonymise(ctx, patient, reason="request").statement()
    assert f"{names[0]}, taken Tue 24 Nov 2026 14:00: deleted after 12 more backups" in text
    assert f"{names[2]}, taken Thu 26 Nov 2026 14:00: deleted after 14 more backups" in text


def test_copies_made_with_backup_to_are_named_by_path(
    ctx: AppContext, patient: str, clock: FakeClock, db_path: Path, tmp_path: Path
) -> None:
    usb, gone = tmp_path / "usb", tmp_path / "unplugged"
    ctx.db.conn.commit()
    for folder in (usb, gone):
        done = _console("backup", "--db", str(db_path), "--to", str(folder))
        assert done.returncode == 0, done.stderr
    copy = backup.list_backups(usb)[0]
    shutil.rmtree(gone)
    text = erasure.anonymise(ctx, patient, reason="request").statement()
    assert f"{copy} (backup --to), taken " in text
    assert "deleted after 14 more backups into that folder" in text
    assert f"{gone} (backup --to, last written " in text and "cannot be reached now" in text


def test_without_any_backup_the_statement_says_so(ctx: AppContext, patient: str) -> None:
    text = erasure.anonymise(ctx, patient, reason="request").statement()
    assert "No backup holds the name" in text


@pytest.mark.parametrize("damage", ["not json", "directory"])
def test_a_register_that_cannot_be_read_refuses_erasure_and_restore_unchanged(
    ctx: AppContext, patient: str, clock: FakeClock, db_path: Path, damage: str
) -> None:
    taken = backup.backup_now(ctx, "test").path
    register = db_path.parent / "erasures.json"
    if damage == "directory":
        register.mkdir()
    else:
        register.write_text("{half a file", encoding="utf-8")
    with pytest.raises(DomainError, match="erasure register"):
        erasure.anonymise(ctx, patient, reason="request")
    row = patients_repo.get(ctx.db, patient)
    assert row is not None and row["full_name"] == NAME and not row["anonymised_at"]
    assert audit_repo.count(ctx.db, audit_repo.AuditFilter(action="patient.anonymise")) == 0
    ctx.db.close()
    before = db_path.read_bytes()
    with pytest.raises(DomainError, match="erasure register"):
        backup.restore(taken, db_path, confirmed=True, at=clock.now())
    assert db_path.read_bytes() == before


def test_cli_restore_says_how_many_were_erased_again(
    ctx: AppContext, patient: str, db_path: Path
) -> None:
    ctx.db.conn.commit()
    assert _console("backup", "--db", str(db_path)).returncode == 0
    erasure.anonymise(ctx, patient, reason="request")
    ctx.db.close()
    done = _console("restore", "newest", "--db", str(db_path), "--yes")
    assert done.returncode == 0, done.stderr
    assert "erased again: 1 patient(s) erased after the backup" in done.stdout
    assert NAME not in _texts(db_path)


def test_an_export_made_before_the_erasure_cannot_bring_the_patient_back(
    ctx: AppContext, staff: list[str], clock: FakeClock, db_path: Path, tmp_path: Path
) -> None:
    from datetime import date

    from console.context import open_context
    from console.records import export

    before_patient = backup.backup_now(ctx, "test").path
    patient = patients_repo.insert(
        ctx.db,
        full_name=NAME,
        date_of_birth=date(1988, 3, 14),
        phone="+44 7700 900123",
        email="zoe@example.org",
        fitzpatrick=3,
        now=ctx.now(),
        by=staff[0],
    )
    out = tmp_path / "record.zip"
    export.export_patient(ctx, patient, out)
    erasure.anonymise(ctx, patient, reason="request")
    ctx.db.close()
    # A backup from before the patient came: nothing to erase again, and no row to collide with.
    assert (
        backup.restore(before_patient, db_path, confirmed=True, at=clock.now()).erased_again == ()
    )
    restored = open_context(db_path, clock=clock)
    try:
        with pytest.raises(DomainError, match="was erased here on 24 Nov 2026"):
            export.import_document(restored, export.read_document(out))
        assert patients_repo.get(restored.db, patient) is None
    finally:
        restored.db.close()
