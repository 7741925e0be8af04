"""Completing a visit is one domain call: the lock and the archived sheet together, or neither."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo, handouts_repo, settings_repo
from console.errors import DomainError
from console.patients.service import PatientForm, PatientService
from console.visit.completion import CompleteVisit, archive_sheet_now
from console.visit.record_reads import archived_sheet, visit_record
from console.visit.service import VisitService
from tests.completion_support import treated_visit
from tests.conftest import one_area_visit, ready_visit


def sheets_on_disk(ctx: AppContext) -> list[Path]:
    return sorted(ctx.handouts_dir.rglob("*.pdf")) if ctx.handouts_dir.exists() else []


def actions(ctx: AppContext, visit_id: str) -> list[str]:
    return sorted(r["action"] for r in audit_repo.rows(ctx.db, entity_id=visit_id))


def test_one_call_locks_archives_once_and_says_what_is_due(
    ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    visit_id = treated_visit(ctx, patient, clock)
    done = CompleteVisit(ctx).run(visit_id, notes="  Tolerated well. ", adverse_events="")

    assert visit_record(ctx, visit_id).status == "completed"
    assert done.record.status == "completed" and done.record.notes == "Tolerated well."
    (pdf,) = sheets_on_disk(ctx)  # written once
    assert pdf == done.sheet.path
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == done.sheet.sha256
    assert pdf.read_bytes() == done.sheet_bytes  # what the screen shows is the archived file
    assert handouts_repo.count_for_visit(ctx.db, visit_id) == 1
    assert archived_sheet(ctx, visit_id) == done.sheet
    assert actions(ctx, visit_id).count("visit.complete") == 1
    assert actions(ctx, visit_id).count("handout.create") == 1
    # No room printer yet: nothing to print; the file database is backed up after a visit.
    assert done.printer == "" and not done.should_print
    assert done.backup is not None
    assert done.backup.folder == ctx.backups_dir and done.backup.reason == "visit completed"


def test_the_room_printer_setting_says_to_print(
    ctx: AppContext, patient: str, staff: list[str], clock: FakeClock
) -> None:
    settings_repo.put(ctx.db, "room.printer", "Room_1", now=ctx.now(), by=staff[0])
    visit_id = treated_visit(ctx, patient, clock)
    done = CompleteVisit(ctx).run(visit_id)
    assert done.should_print and done.printer == "Room_1"


def test_a_refused_completion_writes_nothing(
    ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient, serial="0402")
    area = svc.plan_area(visit_id, "forehead", depth_text="0.5", target_passes=1)
    svc.start_pass(area, "vertical")
    clock.advance(30)
    svc.stop_pass()  # no endpoint recorded
    before = actions(ctx, visit_id)
    with pytest.raises(DomainError, match="Record the endpoint for: Forehead"):
        CompleteVisit(ctx).run(visit_id, notes="x")
    assert visit_record(ctx, visit_id).status == "open"
    assert sheets_on_disk(ctx) == [] and handouts_repo.count_for_visit(ctx.db, visit_id) == 0
    assert actions(ctx, visit_id) == before


def test_a_sheet_that_cannot_be_made_leaves_the_visit_open_to_complete_again(
    ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    visit_id = treated_visit(ctx, patient, clock)
    people = PatientService(ctx)
    # Renamed after consent into a script no embedded font covers: the sheet cannot be made.
    people.update(patient, PatientForm(full_name="አበበ ቢቂላ", date_of_birth="01.02.1990"))
    before = actions(ctx, visit_id)
    with pytest.raises(DomainError, match="U\\+12A0 ETHIOPIC SYLLABLE GLOTTAL A"):
        CompleteVisit(ctx).run(visit_id, notes="Kept")
    assert visit_record(ctx, visit_id).status == "open"  # not locked without its sheet
    assert sheets_on_disk(ctx) == [] and handouts_repo.count_for_visit(ctx.db, visit_id) == 0
    assert actions(ctx, visit_id) == before

    people.update(patient, PatientForm(full_name="Abebe Bikila", date_of_birth="01.02.1990"))
    done = CompleteVisit(ctx).run(visit_id, notes="Kept")
    assert done.record.status == "completed" and len(sheets_on_disk(ctx)) == 1


def test_when_the_sheet_is_refused_by_the_database_the_lock_rolls_back_and_no_file_stays(
    ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    visit_id = treated_visit(ctx, patient, clock)
    # A real refusal at the last write of the transaction, after the PDF was written.
    ctx.db.execute(
        "CREATE TRIGGER refuse_sheet BEFORE INSERT ON handouts "
        "BEGIN SELECT RAISE(ABORT, 'sheet refused'); END"
    )
    with pytest.raises(sqlite3.Error, match="sheet refused"):
        CompleteVisit(ctx).run(visit_id, notes="x")
    assert visit_record(ctx, visit_id).status == "open"
    assert sheets_on_disk(ctx) == []
    assert "visit.complete" not in actions(ctx, visit_id)

    ctx.db.execute("DROP TRIGGER refuse_sheet")
    assert CompleteVisit(ctx).run(visit_id).record.status == "completed"


def test_a_locked_visit_without_a_sheet_is_archived_only_when_asked(
    ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    visit_id = one_area_visit(ctx, patient, clock, serial="0403")  # locked the old way
    assert archived_sheet(ctx, visit_id) is None
    sheet = archive_sheet_now(ctx, visit_id)
    assert sheet.path.exists() and handouts_repo.count_for_visit(ctx.db, visit_id) == 1
    (row,) = [
        r for r in audit_repo.rows(ctx.db, entity_id=visit_id) if r["action"] == "handout.create"
    ]
    assert "made_late_from_todays_settings" in str(row["detail"])
    # Asking again gives back the sheet handed over; nothing new is made.
    assert archive_sheet_now(ctx, visit_id) == sheet
    assert handouts_repo.count_for_visit(ctx.db, visit_id) == 1


def test_a_completed_visit_is_not_completed_twice(
    ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    visit_id = treated_visit(ctx, patient, clock)
    CompleteVisit(ctx).run(visit_id)
    with pytest.raises(DomainError):
        CompleteVisit(ctx).run(visit_id)
    assert len(sheets_on_disk(ctx)) == 1


def test_on_a_full_disk_the_visit_stays_open_with_nothing_written(
    tmp_path: Path, clock: FakeClock
) -> None:
    from console.context import open_context
    from console.demo import clinic as demo
    from tests.aftercare_visit import insert_completed_visit
    from tests.full_disk import tiny_disk

    with tiny_disk(tmp_path / "disk") as disk:
        ctx = open_context(disk.path / "console.sqlite3", clock=clock)
        try:
            ctx.practitioner_id = demo.create_practitioners(ctx.db, ctx.now())[0]
            visit_id = insert_completed_visit(ctx, status="open")  # treated, not yet locked
            ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            disk.fill()
            with pytest.raises(DomainError, match="full"):
                CompleteVisit(ctx).run(visit_id, notes="Tolerated well.")
            assert visit_record(ctx, visit_id).status == "open"
            assert sheets_on_disk(ctx) == []
            assert handouts_repo.count_for_visit(ctx.db, visit_id) == 0

            disk.free()
            done = CompleteVisit(ctx).run(visit_id, notes="Tolerated well.")
            assert done.record.status == "completed" and sheets_on_disk(ctx) == [done.sheet.path]
        finally:
            ctx.db.close()
