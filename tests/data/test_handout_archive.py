"""The archive keeps the exact sheet handed over: atomic file, 0600, hash checked on reprint."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.aftercare import archived_handout, create_handout, record_print
from console.aftercare.archive import sha256_hex
from console.aftercare.pdf import page_count
from console.context import AppContext
from console.data import audit_repo, handouts_repo, settings_repo
from console.errors import DomainError, NotFound
from console.files.private import write_private
from tests.aftercare_visit import insert_completed_visit


def test_completed_visit_is_archived_with_its_hash(ctx: AppContext, staff: list[str]) -> None:
    visit_id = insert_completed_visit(ctx)
    info = create_handout(ctx, visit_id)

    assert info.path == ctx.data_dir / "handouts" / "2026" / f"2026-11-24_{visit_id}.pdf"
    data = info.path.read_bytes()
    assert data.startswith(b"%PDF")
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(info.path.parent.stat().st_mode) == 0o700
    assert info.sha256 == sha256_hex(data)
    assert info.pages == page_count(data)
    assert list(info.path.parent.glob(".*.tmp")) == []  # no temp file left behind

    row = handouts_repo.latest_for_visit(ctx.db, visit_id)
    assert row is not None
    assert row["sha256"] == info.sha256
    assert row["path"] == f"handouts/2026/2026-11-24_{visit_id}.pdf"
    assert row["paper"] == "A4"
    audit = audit_repo.rows(ctx.db, entity_id=visit_id)
    assert audit[0]["action"] == "handout.create"
    assert audit[0]["practitioner_id"] == staff[0]
    assert info.sha256 in audit[0]["detail"]


def test_reprint_returns_the_archived_bytes_even_after_settings_change(
    ctx: AppContext, staff: list[str]
) -> None:
    visit_id = insert_completed_visit(ctx)
    first = create_handout(ctx, visit_id)
    settings_repo.put(ctx.db, "clinic.name", "Renamed Clinic", now=ctx.now(), by=staff[0])

    again = create_handout(ctx, visit_id)  # the sheet handed over is not rebuilt
    assert again == first
    assert archived_handout(ctx, visit_id) == first.path.read_bytes()

    fresh = create_handout(ctx, visit_id, regenerate=True)
    assert fresh.path != first.path and fresh.sha256 != first.sha256
    assert first.path.exists()  # the earlier sheet stays archived
    assert archived_handout(ctx, visit_id) == fresh.path.read_bytes()


def test_tampered_or_missing_archive_is_refused_in_words(ctx: AppContext, staff: list[str]) -> None:
    visit_id = insert_completed_visit(ctx)
    info = create_handout(ctx, visit_id)
    data = bytearray(info.path.read_bytes())
    data[-10] ^= 0xFF
    info.path.write_bytes(bytes(data))
    with pytest.raises(DomainError, match="changed after it was handed over"):
        archived_handout(ctx, visit_id)
    info.path.unlink()
    with pytest.raises(DomainError, match="missing"):
        archived_handout(ctx, visit_id)


def test_open_visit_gets_no_sheet(ctx: AppContext, staff: list[str]) -> None:
    visit_id = insert_completed_visit(ctx, status="open")
    with pytest.raises(DomainError, match="once the visit is completed"):
        create_handout(ctx, visit_id)
    with pytest.raises(NotFound):
        archived_handout(ctx, visit_id)
    assert not (ctx.data_dir / "handouts").exists()


def test_folder_is_by_local_visit_date(ctx: AppContext, staff: list[str]) -> None:
    # 23:30 UTC on New Year's Eve is already 2027 in Tokyo: the clinic's own date names the file.
    settings_repo.put(ctx.db, "clinic.timezone", "Asia/Tokyo", now=ctx.now(), by=staff[0])
    end = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    visit_id = insert_completed_visit(ctx, ended_at=end)
    info = create_handout(ctx, visit_id)
    assert info.path.relative_to(ctx.data_dir).as_posix() == (
        f"handouts/2027/2027-01-01_{visit_id}.pdf"
    )


def test_database_failure_leaves_no_unregistered_file(ctx: AppContext, staff: list[str]) -> None:
    visit_id = insert_completed_visit(ctx)
    # A trigger makes the insert fail the way a full disk or a locked file would.
    ctx.db.execute(
        "CREATE TRIGGER no_handouts BEFORE INSERT ON handouts "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(Exception, match="disk full"):
        create_handout(ctx, visit_id)
    assert list((ctx.data_dir / "handouts").rglob("*.pdf")) == []
    assert handouts_repo.latest_for_visit(ctx.db, visit_id) is None


def test_write_atomic_replaces_whole_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "a" / "b.pdf"
    write_private(target, b"old")
    write_private(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.pdf"]


def test_prints_are_recorded_with_audit(ctx: AppContext, staff: list[str]) -> None:
    visit_id = insert_completed_visit(ctx)
    info = create_handout(ctx, visit_id)
    record_print(ctx, info.id, printer="Room 2", copies=2, ok=True)
    record_print(ctx, info.id, printer="Room 2", copies=1, ok=False, message="Out of paper")
    prints = handouts_repo.prints_for_handout(ctx.db, info.id)
    assert [(p["status"], p["copies"], p["message"]) for p in prints] == [
        ("printed", 2, ""),
        ("failed", 1, "Out of paper"),
    ]
    actions = [r["action"] for r in audit_repo.rows(ctx.db, entity_id=visit_id)]
    assert actions[:2] == ["handout.print", "handout.print"]


def test_sheet_of_a_visit_done_through_the_service_matches_its_record(
    ctx: AppContext, completed_visit: str
) -> None:
    import pdfplumber

    from console.data import visits_repo

    record = visits_repo.load_record(ctx.db, completed_visit)
    info = create_handout(ctx, completed_visit)
    with pdfplumber.open(info.path) as pdf:
        text = " ".join(" ".join(page.extract_text() or "" for page in pdf.pages).split())
    assert record.ended_at is not None
    london = ZoneInfo("Europe/London")
    end = record.ended_at.astimezone(london)
    day_after = (record.ended_at + timedelta(hours=24)).astimezone(london)
    assert record.patient_name in text
    assert f"{end:%H:%M}" in text
    assert f"Until {day_after:%a} {day_after.day} {day_after:%b, %H:%M} No makeup" in text
    assert "Areas treated Cheeks and Forehead" in text
    assert f"Practitioner {record.practitioner_name}" in text
