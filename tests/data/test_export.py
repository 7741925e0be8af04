"""Patient export: a zip with JSON, CSV and the archived sheets; the JSON re-imports exactly."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext, open_context
from console.data import audit_repo, patient_rows_repo
from console.errors import DomainError
from console.records import export
from tests.records_support import make_visit

ROOT = Path(__file__).resolve().parents[2]


def _archive_sheet(ctx: AppContext, visit_id: str) -> str:
    rel = f"handouts/2026/{visit_id}.pdf"
    data = b"%PDF-1.4 a sheet\n"
    (ctx.data_dir / rel).parent.mkdir(parents=True, exist_ok=True)
    (ctx.data_dir / rel).write_bytes(data)
    ctx.db.execute(
        "INSERT INTO handouts (id, visit_id, created_at, path, sha256, pages, paper) "
        "VALUES (?, ?, ?, ?, ?, 2, 'A4')",
        [
            "h-" + visit_id,
            visit_id,
            "2026-11-24T14:00:00+00:00",
            rel,
            hashlib.sha256(data).hexdigest(),
        ],
    )
    ctx.db.conn.commit()
    return rel


@pytest.fixture
def two_visits(ctx: AppContext, clock: FakeClock, patient: str, completed_visit: str) -> str:
    from console.visit.service import VisitService

    clock.advance(timedelta(weeks=7).total_seconds())
    second = make_visit(
        ctx,
        clock,
        patient,
        lot="LOT9",
        serial="77",
        numbing_lot="N1",
        areas=[("neck", "0.75", (60, 61)), ("forehead", "0.5", (30,))],
    )
    VisitService(ctx).amend(second, "notes", "Mild redness next day.", "Patient phoned")
    _archive_sheet(ctx, completed_visit)
    return patient


def _content(db_ctx: AppContext, patient_id: str) -> dict[str, list[dict[str, object]]]:
    return patient_rows_repo.rows_of(db_ctx.db, patient_id)


def test_zip_holds_json_csv_and_sheets(ctx: AppContext, two_visits: str, tmp_path: Path) -> None:
    result = export.export_patient(ctx, two_visits, tmp_path / "out" / "zoe.zip")
    assert (result.visits, result.sheets, result.missing_sheets) == (2, 1, ())
    with zipfile.ZipFile(result.path) as z:
        names = set(z.namelist())
        doc = json.loads(z.read("record.json"))
        passes = list(csv.DictReader(io.StringIO(z.read("passes.csv").decode("utf-8"))))
        sheet = z.read(next(n for n in names if n.startswith("sheets/")))
    assert {
        "README.txt",
        "record.json",
        "patients.csv",
        "visits.csv",
        "passes.csv",
        "cartridges.csv",
        "consumables.csv",
        "amendments.csv",
    } <= names
    assert doc["tables"]["patients"][0]["full_name"] == "Zoë Łukasz-Nguyễn"
    assert len(passes) == 6 + 3
    assert sheet.startswith(b"%PDF")
    assert all("pin_hash" not in p for p in doc["practitioners"])
    last = audit_repo.rows(ctx.db, limit=1)[0]
    assert (last["action"], last["entity_id"]) == ("patient.export", two_visits)


def test_reimport_into_a_fresh_database_gives_the_same_content(
    ctx: AppContext, two_visits: str, tmp_path: Path, clock: FakeClock
) -> None:
    zip_path = export.export_patient(ctx, two_visits, tmp_path / "zoe.zip").path
    before = _content(ctx, two_visits)
    fresh = open_context(tmp_path / "fresh" / "console.sqlite3", clock=clock)
    try:
        doc = export.read_document(zip_path)
        assert export.import_document(fresh, doc) == two_visits
        after = _content(fresh, two_visits)
        assert after == before
        assert {t: len(r) for t, r in after.items()}["passes"] == 9
        # Locked again after import: a completed visit cannot be changed in place.
        with pytest.raises(Exception, match="locked"):
            fresh.db.execute(
                "UPDATE passes SET duration_s = 1 WHERE visit_id IN "
                "(SELECT id FROM visits WHERE patient_id = ?)",
                [two_visits],
            )
        # And the search index knows the patient.
        hit = fresh.db.execute(
            "SELECT patient_id FROM patients_fts WHERE patients_fts MATCH 'lukasz*'"
        ).fetchone()
        assert hit == (two_visits,)
        with pytest.raises(DomainError, match="already in this database"):
            export.import_document(fresh, doc)
    finally:
        fresh.db.close()


def test_not_an_export_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(DomainError, match="not a patient export"):
        export.read_document(bad)


def test_cli_export_writes_the_zip(
    ctx: AppContext, two_visits: str, db_path: Path, tmp_path: Path
) -> None:
    ctx.db.close()
    out = tmp_path / "cli.zip"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "console",
            "export",
            "--db",
            str(db_path),
            "--patient",
            two_visits,
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "2 visits, 1 sheets" in run.stdout
    assert zipfile.is_zipfile(out)


def test_the_zip_holds_the_signed_consent_pdfs(
    ctx: AppContext, two_visits: str, tmp_path: Path
) -> None:
    import hashlib
    import zipfile

    result = export.export_patient(ctx, two_visits, tmp_path / "zoe.zip")
    with zipfile.ZipFile(result.path) as z:
        names = [n for n in z.namelist() if n.startswith("consents/")]
        kept = {hashlib.sha256(z.read(n)).hexdigest() for n in names}
        listed = z.read("consents.csv").decode("utf-8")
    assert names and result.missing_sheets == ()
    assert all(h in listed for h in kept)
