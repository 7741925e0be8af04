"""Erasure request: no name, contact or birth date left anywhere; the clinical record stays."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo
from console.errors import DomainError
from console.model.folding import fold
from console.records import erasure, recall
from tests.records_support import make_visit

NAME = "Zoë Łukasz-Nguyễn"
# Everything that identifies the conftest patient, as typed and as folded for search.
IDENTIFIERS = [
    NAME,
    fold(NAME),
    "Łukasz",
    "lukasz",
    "Zoë",
    "+44 7700 900123",
    "7700900123",
    "447700900123",
    "zoe@example.org",
    "1988-03-14",
    "14.03.1988",
    "14/03/1988",
    "14031988",
]


def _every_text(db_path: Path) -> list[tuple[str, str, str]]:
    """(table, column, value) for every text value in the file, FTS tables included."""
    con = sqlite3.connect(db_path)
    out = []
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for col in [c[1] for c in con.execute(f'PRAGMA table_info("{table}")')]:
            for (v,) in con.execute(f'SELECT "{col}" FROM "{table}"'):
                if isinstance(v, str):
                    out.append((table, col, v))
                elif isinstance(v, bytes):  # FTS segments keep terms as bytes
                    out.append((table, col, v.decode("utf-8", "replace")))
    con.close()
    return out


@pytest.fixture
def record(ctx: AppContext, clock: FakeClock, patient: str, completed_visit: str) -> str:
    from console.visit.service import VisitService

    ctx.db.execute(
        "UPDATE patients SET notes = ?, allergies = ? WHERE id = ?",
        [f"{NAME} prefers mornings; call 07700 900123", "Latex (Zoë says mild)", patient],
    )
    ctx.db.conn.commit()
    clock.advance(timedelta(weeks=7).total_seconds())
    second = make_visit(
        ctx,
        clock,
        patient,
        lot="LOT9",
        serial="77",
        gel_lot="GEL-X",
        notes="Zoë Łukasz-Nguyễn tolerated well",
    )
    VisitService(ctx).amend(
        second, "notes", "Zoe (zoe@example.org) called, fine", "phoned 14.03.1988 check"
    )
    rel = "handouts/2026/sheet.pdf"
    (ctx.data_dir / rel).parent.mkdir(parents=True, exist_ok=True)
    (ctx.data_dir / rel).write_bytes(b"%PDF-1.4 Zoe")
    ctx.db.execute(
        "INSERT INTO handouts (id, visit_id, created_at, path, sha256, pages, paper) "
        "VALUES ('h1', ?, '2026-11-24T14:00:00+00:00', ?, ?, 1, 'A4')",
        [second, rel, hashlib.sha256(b"x").hexdigest()],
    )
    ctx.db.conn.commit()
    return patient


def test_no_identifier_is_left_anywhere_in_the_file(
    ctx: AppContext, record: str, db_path: Path
) -> None:
    before = _every_text(db_path)
    assert any(NAME in v for _, _, v in before)  # the check can fail
    report = erasure.anonymise(ctx, record, reason="Written request of 20 Nov 2026")
    assert report.residual == ()
    ctx.db.close()
    leftovers = [
        (t, c)
        for t, c, v in _every_text(db_path)
        if any(i.casefold() in v.casefold() for i in IDENTIFIERS)
    ]
    assert leftovers == []
    assert not (db_path.parent / "handouts/2026/sheet.pdf").exists()


def test_the_clinical_record_and_lots_are_kept(ctx: AppContext, record: str) -> None:
    visits_before = ctx.db.execute("SELECT COUNT(*) FROM passes").fetchone()[0]
    report = erasure.anonymise(ctx, record, reason="Written request")
    row = ctx.db.execute(
        "SELECT full_name, date_of_birth, phone, email, fitzpatrick, anonymised_at "
        "FROM patients WHERE id = ?",
        [record],
    ).fetchone()
    assert row[0] == report.reference and row[1:4] == ("", "", "") and row[4] == 3 and row[5]
    assert ctx.db.execute("SELECT COUNT(*) FROM passes").fetchone()[0] == visits_before
    assert ctx.db.execute("SELECT allergies FROM patients WHERE id = ?", [record]).fetchone() == (
        "Latex ([removed] says mild)",
    )
    # A recall still reaches the anonymised visit, without a name.
    hits = recall.find(ctx.db, recall.RecallQuery("LOT9"))
    assert [h.patient_name for h in hits] == [report.reference]
    # The kept visits still open in full, with no birth date behind them.
    from console.data import visits_repo

    visit_id = ctx.db.execute("SELECT id FROM visits WHERE patient_id = ?", [record]).fetchone()[0]
    kept = visits_repo.load_record(ctx.db, visit_id)
    assert kept.patient_name == report.reference and kept.patient_dob is None
    assert kept.total_passes > 0
    statement = report.statement()
    assert "Kept, because medical records must be retained" in statement
    assert "date of birth" in statement
    audit = audit_repo.rows(ctx.db, entity_id=record)[0]
    assert audit["action"] == "patient.anonymise"
    assert json.loads(audit["detail"])["kept"] == list(erasure.KEPT)
    assert "Zoë" not in audit["detail"]


def test_reason_is_required_and_twice_is_refused(ctx: AppContext, record: str) -> None:
    with pytest.raises(DomainError) as e:
        erasure.anonymise(ctx, record, reason=" ")
    assert e.value.field == "reason"
    erasure.anonymise(ctx, record, reason="request")
    with pytest.raises(DomainError, match="already"):
        erasure.anonymise(ctx, record, reason="request")


def test_signed_consent_pdfs_and_strokes_go_and_the_statement_says_so(
    ctx: AppContext, record: str
) -> None:
    pdfs = {
        r[0] for r in ctx.db.execute("SELECT pdf_path FROM consents WHERE patient_id = ?", [record])
    }
    assert pdfs and all((ctx.data_dir / p).is_file() for p in pdfs)
    report = erasure.anonymise(ctx, record, reason="Written request")
    assert not any((ctx.data_dir / p).exists() for p in pdfs)
    rows = ctx.db.execute(
        "SELECT signer_name, pdf_path, strokes, text_sha256 FROM consents WHERE patient_id = ?",
        [record],
    ).fetchall()
    assert rows and all(r[1] == "" and r[2] == "[]" and len(r[3]) == 64 for r in rows)
    assert all(NAME not in r[0] for r in rows)
    assert "signed consent PDFs" in report.statement()
    assert "consent was signed" in report.statement()
