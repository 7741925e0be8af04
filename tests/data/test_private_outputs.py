"""Everything the console writes that holds patient data is 0600, its new folders 0700,
whatever the umask (issue 11): exports, recall lists, calendar files, sheets, backups."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.aftercare import create_handout, save_visit_ics
from console.context import AppContext
from console.files import backup
from console.records import export, recall
from console.records.recall_pdf import export_pdf
from tests.aftercare_visit import insert_completed_visit

ROOT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_every_patient_file_is_private(
    umask: int, ctx: AppContext, staff: list[str], tmp_path: Path
) -> None:
    visit_id = insert_completed_visit(ctx)
    patient = ctx.db.execute("SELECT patient_id FROM visits WHERE id = ?", [visit_id]).fetchone()[0]
    mine = tmp_path / "my documents"
    mine.mkdir(mode=0o755)
    os.chmod(mine, 0o755)
    out = mine / "new folder" / "deeper"
    for ours in (ctx.data_dir / "handouts", ctx.backups_dir):  # as an older version left them
        ours.mkdir(mode=0o755)
        os.chmod(ours, 0o755)
    query = recall.parse_query("LOT7")
    hits = recall.search(ctx, query)
    sheet = create_handout(ctx, visit_id).path
    written = [
        export.export_patient(ctx, patient, out / "record.zip").path,
        recall.export_csv(ctx, query, hits, out / "recall.csv"),
        export_pdf(ctx, query, hits, out / "recall.pdf"),
        save_visit_ics(ctx, visit_id, out / "next-session.ics"),
        sheet,
        backup.backup_now(ctx, "by hand").path,
    ]
    assert {p.name: oct(_mode(p)) for p in written} == {p.name: "0o600" for p in written}
    folders = [out, out.parent, sheet.parent, ctx.data_dir / "handouts", ctx.backups_dir]
    assert {str(f): oct(_mode(f)) for f in folders} == {str(f): "0o700" for f in folders}
    assert _mode(mine) == 0o755  # the user's own folder is not the console's to change
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written[:4])


def test_cli_handout_copy_is_private(
    umask: int, ctx: AppContext, staff: list[str], db_path: Path, tmp_path: Path
) -> None:
    visit_id = insert_completed_visit(ctx)
    ctx.db.close()
    out = tmp_path / "copies" / "sheet.pdf"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "console",
            "handout",
            "--db",
            str(db_path),
            "--visit",
            visit_id,
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert (oct(_mode(out)), oct(_mode(out.parent))) == ("0o600", "0o700")


def test_cli_recall_csv_to_an_impossible_place_is_one_sentence(
    ctx: AppContext, staff: list[str], db_path: Path, tmp_path: Path
) -> None:
    ctx.db.close()
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "console",
            "recall",
            "--db",
            str(db_path),
            "--lot",
            "LOT7",
            "--csv",
            str(not_a_folder / "recall.csv"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode != 0 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.strip() == (
        "error: recall.csv was not saved: part of the path is not a folder. "
        "Nothing was left half-written."
    )
    assert not_a_folder.read_text() == "mine"
