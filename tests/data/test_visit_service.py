"""The visit as the service records it, on a real database file."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from decimal import Decimal

import pytest

from console.clock import FakeClock
from console.context import AppContext
from console.data import visits_repo
from console.errors import DomainError
from console.model.screening import Answer
from console.visit.service import VisitService
from console.visit.treatment import ConfirmationNeeded
from tests.conftest import cartridge_scan, no_contraindications, ready_visit


def test_completed_visit_is_recorded_exactly(ctx: AppContext, completed_visit: str) -> None:
    record = visits_repo.load_record(ctx.db, completed_visit)
    assert record.status == "completed" and record.patient_name == "Zoë Łukasz-Nguyễn"
    cheeks, forehead = record.areas
    assert [p.duration_s for p in cheeks.passes] == [40, 41, 42, 30]
    assert [str(p.depth_mm) for p in cheeks.passes] == ["0.75", "0.75", "0.75", "1.00"]
    assert [p.direction for p in cheeks.passes[:3]] == ["vertical", "horizontal", "diagonal"]
    assert cheeks.depth_changes[0].to_mm == cheeks.passes[-1].depth_mm
    assert cheeks.endpoint == "pinpoint_bleeding" and forehead.endpoint == "erythema"
    assert str(forehead.depth_mm) == "0.50"  # typed "0,5"
    assert record.total_passes == 6
    assert record.cartridges[0].lot == "LOT42A" and record.cartridges[0].serial == "0001"
    assert record.series_number == 1


def test_a_completed_visit_is_locked_even_in_the_file(
    ctx: AppContext, completed_visit: str
) -> None:
    svc = VisitService(ctx)
    with pytest.raises(DomainError, match="locked"):
        svc.plan_area(completed_visit, "neck", depth_text="0.5", target_passes=3)
    with pytest.raises(sqlite3.IntegrityError, match="locked"):
        ctx.db.execute("DELETE FROM passes WHERE visit_id = ?", [completed_visit])
    with pytest.raises(sqlite3.IntegrityError, match="locked"):
        ctx.db.execute("UPDATE visits SET status = 'open' WHERE id = ?", [completed_visit])


def test_amendments_keep_the_original(ctx: AppContext, completed_visit: str) -> None:
    svc = VisitService(ctx)
    svc.amend(completed_visit, "notes", "Tolerated well; mild stinging on forehead.", "late note")
    record = visits_repo.load_record(ctx.db, completed_visit)
    assert record.notes == "Tolerated well."
    (amendment,) = record.amendments
    assert amendment.old_value == "Tolerated well." and amendment.reason == "late note"
    assert amendment.by_name == "Dr Amara Okafor"
    with pytest.raises(DomainError, match="reason"):
        svc.amend(completed_visit, "notes", "x", " ")


def test_hard_stop_blocks_treatment(ctx: AppContext, patient: str) -> None:
    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient)
    answers = [
        Answer(a.item_id, a.item_id == "bleeding_disorder")
        for a in no_contraindications(ctx, visit_id)
    ]
    outcome = svc.answer_screening(visit_id, answers)
    assert not outcome.can_proceed
    assert "Screening" in svc.prep_missing(visit_id)[0]
    svc.set_device(visit_id, "skinpen-precision")
    area = svc.plan_area(visit_id, "neck", depth_text="0.5", target_passes=3)
    with pytest.raises(DomainError, match="Not ready to treat"):
        svc.start_pass(area, "vertical")
    svc.remove_area(area)
    svc.stop_visit(visit_id, "Bleeding disorder")
    assert visits_repo.load_record(ctx.db, visit_id).status == "stopped"
    stored = {s.item_id: s.answer for s in visits_repo.load_record(ctx.db, visit_id).screening}
    assert stored["bleeding_disorder"] == "yes"


def test_expired_cartridge_is_refused(ctx: AppContext, patient: str) -> None:
    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient)
    svc.set_device(visit_id, "skinpen-precision")
    # Expiry 2026-10-00 means 31 Oct 2026: expired on 24 Nov 2026.
    with pytest.raises(DomainError, match="expired"):
        svc.record_cartridge_label(
            visit_id,
            cartridge_scan(expiry="261000"),
            cartridge_type_id="skinpen-14",
            seal_intact=True,
        )
    # 2026-11-00 is 30 Nov 2026: still usable today.
    svc.record_cartridge_label(
        visit_id,
        cartridge_scan(expiry="261100"),
        cartridge_type_id="skinpen-14",
        seal_intact=True,
    )


def test_a_cartridge_is_single_use(ctx: AppContext, patient: str, completed_visit: str) -> None:
    from console.data import patients_repo

    other = patients_repo.insert(
        ctx.db,
        full_name="王小明",
        date_of_birth=ctx.today() - timedelta(days=365 * 30),
        now=ctx.now(),
        by=None,
    )
    svc = VisitService(ctx)
    visit_id = svc.start_visit(other)
    svc.set_device(visit_id, "skinpen-precision")
    with pytest.raises(DomainError, match="single use"):
        svc.record_cartridge_label(
            visit_id, cartridge_scan("0001"), cartridge_type_id="skinpen-14", seal_intact=True
        )
    with pytest.raises(DomainError, match="seal"):
        svc.record_cartridge_label(
            visit_id, cartridge_scan("0002"), cartridge_type_id="skinpen-14", seal_intact=False
        )


def test_depth_outside_typical_needs_confirmation_and_reason(ctx: AppContext, patient: str) -> None:
    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    with pytest.raises(ConfirmationNeeded) as caught:
        svc.plan_area(visit_id, "forehead", depth_text="1.0", target_passes=3)
    assert "mm" in caught.value.message
    with pytest.raises(ConfirmationNeeded):
        svc.plan_area(visit_id, "forehead", depth_text="1.0", target_passes=3, confirmed=True)
    area = svc.plan_area(
        visit_id,
        "forehead",
        depth_text="1.0",
        target_passes=3,
        confirmed=True,
        reason="Deep horizontal lines, discussed with patient",
    )
    row = ctx.db.execute("SELECT outside_typical_reason FROM treated_areas WHERE id = ?", [area])
    assert "Deep horizontal" in row.fetchone()[0]
    with pytest.raises(DomainError, match="maximum"):
        svc.plan_area(visit_id, "neck", depth_text="3", target_passes=3)


def test_no_confirmation_saves_a_depth_above_the_zone_limit_in_plan_or_mid_area(
    ctx: AppContext, patient: str
) -> None:
    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    reason = "Thick skin, discussed with the physician"
    with pytest.raises(DomainError, match=r"limit of 0\.5 mm") as caught:
        svc.plan_area(
            visit_id,
            "periorbital",
            depth_text="0.75",
            target_passes=3,
            confirmed=True,
            reason=reason,
        )
    assert not isinstance(caught.value, ConfirmationNeeded)
    assert visits_repo.load_record(ctx.db, visit_id).areas == ()
    area = svc.plan_area(
        visit_id, "periorbital", depth_text="0.5", target_passes=3, confirmed=True, reason=reason
    )
    with pytest.raises(DomainError, match=r"limit of 0\.5 mm"):
        svc.change_depth(area, "0.75", confirmed=True, reason=reason)
    assert svc.current_depth(area) == Decimal("0.5")
    assert ctx.db.execute("SELECT COUNT(*) FROM depth_changes").fetchone()[0] == 0


def test_numbing_countdown_and_removal(ctx: AppContext, patient: str, clock: FakeClock) -> None:
    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    cream = svc.apply_numbing(
        visit_id,
        product="LMX4",
        lot="N77",
        applied_at=ctx.now() - timedelta(minutes=5),
        wait_minutes=30,
    )
    assert "Remove the numbing cream" in " ".join(svc.prep_missing(visit_id))
    svc.remove_numbing(visit_id, cream)
    assert svc.prep_missing(visit_id) == []
    with pytest.raises(DomainError, match="15–60"):
        svc.apply_numbing(visit_id, product="LMX4", lot="N77", applied_at=ctx.now(), wait_minutes=5)


def test_interrupted_pass_is_reported_not_counted(
    ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    area = svc.plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=3)
    svc.start_pass(area, "vertical")
    clock.advance(10)
    svc.stop_pass()
    svc.start_pass(area, "horizontal")  # … and the PC dies here
    fresh = VisitService(ctx)
    assert fresh.interrupted_passes(visit_id) == ["Cheeks"]
    assert len(visits_repo.load_record(ctx.db, visit_id).areas[0].passes) == 1
    assert fresh.interrupted_passes(visit_id) == []


def test_series_number_counts_recent_sessions(
    ctx: AppContext, patient: str, completed_visit: str, clock: FakeClock
) -> None:
    clock.advance(7 * 7 * 24 * 3600)
    svc = VisitService(ctx)
    second = svc.start_visit(patient)
    assert visits_repo.load_record(ctx.db, second).series_number == 2
    with pytest.raises(DomainError, match="in progress"):
        svc.start_visit(patient)


def test_storage_refusing_writes_loses_nothing_and_the_pass_can_be_stopped_again(
    ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    from console.visit.storage import StorageError

    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    area = svc.plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=3)
    svc.start_pass(area, "vertical")
    clock.advance(33)
    ctx.db.execute("PRAGMA query_only = 1")  # SQLite itself now refuses every write
    with pytest.raises(StorageError, match="read-only"):
        svc.stop_pass()
    assert svc.running_area_id == area  # still running in memory, nothing half-saved
    assert visits_repo.load_record(ctx.db, visit_id).total_passes == 0
    ctx.db.execute("PRAGMA query_only = 0")
    clock.advance(2)
    assert svc.stop_pass().duration_s == 35
    assert visits_repo.load_record(ctx.db, visit_id).total_passes == 1


def test_a_full_disk_gets_a_plain_message(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from console.visit.storage import explain

    con = sqlite3.connect(tmp_path / "tiny.sqlite3")
    con.execute("CREATE TABLE t (x TEXT)")
    con.execute("PRAGMA max_page_count = 3")  # SQLite's own SQLITE_FULL, as on a full disk
    with pytest.raises(sqlite3.OperationalError) as caught:
        for _ in range(100):
            con.execute("INSERT INTO t VALUES (?)", ["x" * 4000])
    assert explain(caught.value).startswith("Not saved: the disk is full.")
