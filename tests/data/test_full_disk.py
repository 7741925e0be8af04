"""A full disk (a real tmpfs filled to the last block): every write path ends in a sentence,
leaves nothing partial behind and loses nothing already committed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.aftercare import create_handout
from console.clock import FakeClock
from console.context import AppContext, open_context
from console.data import audit_repo, handouts_repo
from console.demo import clinic as demo
from console.errors import DomainError
from console.files import backup
from console.records import export
from tests.aftercare_visit import insert_completed_visit
from tests.full_disk import TinyDisk, tiny_disk

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[TinyDisk]:
    with tiny_disk(tmp_path / "disk") as d:
        yield d


@pytest.fixture
def on_disk(disk: TinyDisk, clock: FakeClock) -> Iterator[AppContext]:
    """A console database with one completed visit, living on the tiny disk."""
    ctx = open_context(disk.path / "console.sqlite3", clock=clock)
    ctx.practitioner_id = demo.create_practitioners(ctx.db, ctx.now())[0]
    insert_completed_visit(ctx)
    yield ctx
    ctx.db.close()


def _fill(ctx: AppContext, disk: TinyDisk) -> None:
    # An empty WAL: the next commit needs new blocks too, as on a disk that filled up slowly.
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    disk.fill()


def _visits(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0])


def test_backup_now_says_the_disk_is_full_and_leaves_no_partial_copy(
    on_disk: AppContext, disk: TinyDisk
) -> None:
    _fill(on_disk, disk)
    with pytest.raises(backup.BackupFailed) as failed:
        backup.backup_now(on_disk, "by hand")
    assert failed.value.message == "The backup could not be written: the disk is full."
    assert list(on_disk.backups_dir.glob("*")) == []
    disk.free()
    assert _visits(disk.path / "console.sqlite3") == 1  # nothing committed was lost
    assert backup.backup_now(on_disk, "by hand").path.is_file()  # and it works once freed


def test_background_backup_calls_back_with_a_sentence(on_disk: AppContext, disk: TinyDisk) -> None:
    outcomes: list[object] = []
    _fill(on_disk, disk)
    thread = backup.backup_in_background(on_disk, "visit completed", on_done=outcomes.append)
    thread.join(timeout=60)
    assert len(outcomes) == 1 and isinstance(outcomes[0], backup.BackupFailed)
    assert "the disk is full" in outcomes[0].message
    assert list(on_disk.backups_dir.glob("*")) == []


def test_the_handout_archive_refuses_whole(on_disk: AppContext, disk: TinyDisk) -> None:
    visit_id = insert_completed_visit(on_disk, patient_name="Second Patient")
    _fill(on_disk, disk)
    with pytest.raises(DomainError, match="the disk is full"):
        create_handout(on_disk, visit_id)
    disk.free()
    assert [p for p in disk.files() if p.startswith("handouts/") and "." in Path(p).name] == []
    assert handouts_repo.latest_for_visit(on_disk.db, visit_id) is None


def test_export_to_a_full_disk_leaves_no_part_file_and_no_audit_row(
    ctx: AppContext, staff: list[str], disk: TinyDisk
) -> None:
    visit_id = insert_completed_visit(ctx)
    patient = ctx.db.execute("SELECT patient_id FROM visits WHERE id = ?", [visit_id]).fetchone()
    disk.fill()
    with pytest.raises(DomainError) as refused:
        export.export_patient(ctx, patient[0], disk.path / "record.zip")
    assert refused.value.message == (
        "record.zip was not saved: the disk is full. Nothing was left half-written."
    )
    assert disk.files() == []
    assert not [r for r in audit_repo.rows(ctx.db) if r["action"] == "patient.export"]


def _console(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _one_line_refusal(run: subprocess.CompletedProcess[str]) -> str:
    assert run.returncode != 0, run.stdout
    assert "Traceback" not in run.stderr, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
    return lines[0]


def test_cli_writes_to_a_full_disk_end_in_one_sentence(
    ctx: AppContext, staff: list[str], db_path: Path, disk: TinyDisk
) -> None:
    visit_id = insert_completed_visit(ctx)
    patient = ctx.db.execute("SELECT patient_id FROM visits WHERE id = ?", [visit_id]).fetchone()
    ctx.db.close()
    disk.fill()
    runs = {
        "export": _console(
            "export",
            "--db",
            str(db_path),
            "--patient",
            patient[0],
            "--out",
            str(disk.path / "record.zip"),
        ),
        "handout": _console(
            "handout",
            "--db",
            str(db_path),
            "--visit",
            visit_id,
            "--out",
            str(disk.path / "sheet.pdf"),
        ),
        "backup": _console("backup", "--db", str(db_path), "--to", str(disk.path / "copies")),
        "recall": _console(
            "recall", "--db", str(db_path), "--lot", "LOT7", "--csv", str(disk.path / "recall.csv")
        ),
    }
    for name, run in runs.items():
        assert "the disk is full" in _one_line_refusal(run), name
    assert disk.files() in ([], ["copies"]), disk.files()


def test_cli_protocol_import_on_a_full_disk_saves_nothing(
    on_disk: AppContext, disk: TinyDisk, tmp_path: Path
) -> None:
    import json

    from console.protocol.edit import export_document

    doc = export_document(on_disk)
    doc["library"]["zones"][0]["name"] += " (edited)"
    source = tmp_path / "library.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    versions = on_disk.db.execute("SELECT COUNT(*) FROM protocol_versions").fetchone()[0]
    _fill(on_disk, disk)
    run = _console("protocol", "import", str(source), "--db", str(disk.path / "console.sqlite3"))
    assert "the disk is full" in _one_line_refusal(run)
    disk.free()
    assert on_disk.db.execute("SELECT COUNT(*) FROM protocol_versions").fetchone()[0] == versions
