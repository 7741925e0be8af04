"""`python -m console handout`: writes the archived sheet, reprints it unchanged, prints via lp."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from console.context import AppContext
from console.data import handouts_repo, settings_repo
from tests.aftercare_visit import insert_completed_visit
from tests.conftest import require_tool
from tests.cups import private_cups

ROOT = Path(__file__).resolve().parents[2]


def handout(db: Path, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "console", "handout", "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_writes_and_reprints_the_archived_sheet(
    ctx: AppContext, staff: list[str], db_path: Path, tmp_path: Path
) -> None:
    pdftotext = require_tool("pdftotext", "poppler-utils")
    visit_id = insert_completed_visit(ctx)
    out = tmp_path / "sheet.pdf"
    first = handout(db_path, "--visit", visit_id, "--out", str(out))
    assert first.returncode == 0, first.stderr
    row = handouts_repo.latest_for_visit(ctx.db, visit_id)
    assert row is not None
    assert hashlib.sha256(out.read_bytes()).hexdigest() == row["sha256"]
    assert f"sha256: {row['sha256']}" in first.stdout
    text = subprocess.run(
        [pdftotext, str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Zoë Łukasz-Nguyễn" in text
    assert "Until Wed 25 Nov, 14:00" in text

    # The clinic renames itself; a reprint is still the sheet the patient was given.
    settings_repo.put(ctx.db, "clinic.name", "New Name Ltd", now=ctx.now(), by=staff[0])
    ctx.db.conn.commit()
    again = tmp_path / "again.pdf"
    second = handout(db_path, "--visit", visit_id, "--out", str(again))
    assert second.returncode == 0, second.stderr
    assert again.read_bytes() == out.read_bytes()
    assert handouts_repo.count_for_visit(ctx.db, visit_id) == 1


def test_refusals_are_one_line_in_words(
    ctx: AppContext, staff: list[str], db_path: Path, tmp_path: Path
) -> None:
    open_visit = insert_completed_visit(ctx, status="open")
    result = handout(db_path, "--visit", open_visit, "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert result.stderr.startswith("error: The aftercare sheet is made once the visit")
    assert "Traceback" not in result.stderr

    done = insert_completed_visit(ctx)
    assert handout(db_path, "--visit", done).returncode == 0
    row = handouts_repo.latest_for_visit(ctx.db, done)
    assert row is not None
    archived = ctx.data_dir / row["path"]
    tampered = bytearray(archived.read_bytes())
    tampered[len(tampered) // 2] ^= 0x01
    archived.write_bytes(bytes(tampered))
    result = handout(db_path, "--visit", done, "--out", str(tmp_path / "y.pdf"))
    assert result.returncode == 1
    assert "changed after it was handed over" in result.stderr
    assert not (tmp_path / "y.pdf").exists()

    missing = handout(tmp_path / "nope.sqlite3", "--visit", done)
    assert missing.returncode == 3 and "no database at" in missing.stderr.lower()


@pytest.mark.cups
def test_print_option_sends_the_archived_sheet_to_cups(
    ctx: AppContext, staff: list[str], db_path: Path
) -> None:
    pdfinfo = require_tool("pdfinfo", "poppler-utils")
    visit_id = insert_completed_visit(ctx, patient_name="王小明")
    with private_cups() as cups:
        result = handout(db_path, "--visit", visit_id, "--print", cups.queue, env=cups.env())
        assert result.returncode == 0, result.stderr
        row = handouts_repo.latest_for_visit(ctx.db, visit_id)
        assert row is not None
        printed = cups.wait_for_output(f"Aftercare_{Path(row['path']).stem}")
        meta = subprocess.run(
            [pdfinfo, str(printed)], capture_output=True, text=True, check=True
        ).stdout
        assert f"Pages:           {row['pages']}" in meta

        bad = handout(db_path, "--visit", visit_id, "--print", "No_Such_Queue", env=cups.env())
        assert bad.returncode == 4
        assert "not printed" in bad.stderr and "stays archived" in bad.stderr
    statuses = [p["status"] for p in handouts_repo.prints_for_handout(ctx.db, row["id"])]
    assert statuses == ["printed", "failed"]


def test_language_option_writes_a_copy_in_that_language(
    ctx: AppContext, staff: list[str], db_path: Path, tmp_path: Path
) -> None:
    pdftotext = require_tool("pdftotext", "poppler-utils")
    visit_id = insert_completed_visit(ctx)
    out = tmp_path / "es.pdf"
    done = handout(db_path, "--visit", visit_id, "--language", "es", "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        [pdftotext, str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Cuidado de la piel después del microneedling" in text
    assert "martes" in text  # the visit's weekday, in Spanish
    # A copy: the archive holds no sheet for it.
    assert handouts_repo.count_for_visit(ctx.db, visit_id) == 0

    bad = handout(db_path, "--visit", visit_id, "--language", "tlh", "--out", str(out))
    assert bad.returncode == 1
    assert bad.stderr.startswith("error: No texts in the language 'tlh': choose one of ar, de")
    assert bad.stderr.count("\n") == 1
    nowhere = handout(db_path, "--visit", visit_id, "--language", "es")
    assert nowhere.returncode == 2
    assert "--out FILE or --print PRINTER" in nowhere.stderr
