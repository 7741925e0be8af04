"""What the visit's repositories promise: a visit read back as recorded, cartridges traced,
sheets and prints registered, screening judged, and a completed visit locked in the store."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from console.clock import FakeClock
from console.data import (
    cartridges_repo,
    handouts_repo,
    patients_repo,
    protocol_repo,
    screening_repo,
    visits_repo,
)
from console.model.screening import Answer, Finding
from console.visit.service import VisitService
from tests.conftest import cartridge_scan, no_contraindications
from tests.data.contract.conftest import Store

GTIN = "09501101020917"  # the one in tests.conftest.cartridge_scan


def _another_patient(store: Store, name: str) -> str:
    """A second patient: one patient has one visit in progress at a time."""
    with store.db.atomic():
        return patients_repo.insert(
            store.db, full_name=name, date_of_birth=date(1979, 6, 1), now=store.ctx.now(), by=None
        )


def test_a_completed_visit_is_read_back_as_it_was_recorded(
    store: Store, patient_id: str, completed_visit: str, practitioner: str
) -> None:
    record = visits_repo.load_record(store.db, completed_visit)
    assert (record.patient_id, record.patient_name, record.status) == (
        patient_id,
        "Zoë Łukasz-Nguyễn",
        "completed",
    )
    assert record.practitioner_id == practitioner and record.series_number == 1
    (area,) = record.areas
    assert (area.zone_id, area.depth_mm, area.endpoint) == ("forehead", Decimal("0.5"), "erythema")
    (one_pass,) = area.passes
    assert (one_pass.number, one_pass.duration_s, one_pass.direction) == (1, 30.0, "vertical")
    assert [c.lot for c in record.cartridges] == ["LOT42A"]
    assert record.screening and all(a.answer == "no" for a in record.screening)
    assert record.completed_at is not None and record.total_passes == 1


def test_open_visits_are_offered_newest_first_and_completed_ones_are_not(
    store: Store, patient_id: str, completed_visit: str, clock: FakeClock
) -> None:
    svc = VisitService(store.ctx)
    older = svc.start_visit(patient_id)
    clock.advance(600)
    newer = svc.start_visit(_another_patient(store, "Иван Петров"))
    offered = visits_repo.open_visits(store.db)
    assert [v["id"] for v in offered] == [newer, older]
    assert [v["patient_name"] for v in offered] == ["Иван Петров", "Zoë Łukasz-Nguyễn"]


@pytest.mark.parametrize(
    "write",
    [
        "UPDATE passes SET duration_s = 1",
        "DELETE FROM passes",
        "UPDATE treated_areas SET endpoint = 'none'",
        "DELETE FROM cartridges",
        "UPDATE screening_answers SET answer = 'yes'",
        "UPDATE visits SET status = 'open'",
        "UPDATE visits SET started_at = '2020-01-01T00:00:00+00:00'",
    ],
)
def test_a_completed_visit_is_locked_in_the_store(
    store: Store, completed_visit: str, write: str
) -> None:
    before = visits_repo.load_record(store.db, completed_visit)
    with pytest.raises(store.refused), store.db.atomic():
        store.db.execute(write)
    assert visits_repo.load_record(store.db, completed_visit) == before


def test_a_cartridge_cannot_be_added_to_a_completed_visit(
    store: Store, completed_visit: str, practitioner: str, clock: FakeClock
) -> None:
    with pytest.raises(store.refused), store.db.atomic():
        cartridges_repo.insert(
            store.db,
            cartridge_id="late",
            visit_id=completed_visit,
            cartridge_type_id="skinpen-14",
            needle_count=14,
            gtin=GTIN,
            lot="LOT9",
            expiry=date(2028, 12, 31),
            serial="0009",
            raw_label="",
            entry="typed",
            sealed_new_confirmed=True,
            now=clock.now(),
            by=practitioner,
        )
    assert len(visits_repo.load_record(store.db, completed_visit).cartridges) == 1


def test_a_cartridge_is_found_again_by_lot_and_serial_whatever_the_case(
    store: Store, patient_id: str, completed_visit: str, clock: FakeClock
) -> None:
    first_use = cartridges_repo.same_cartridge(store.db, gtin=GTIN, lot=" lot42a", serial="0001")
    assert first_use is not None and first_use.visit_id == completed_visit
    # No GTIN on one side: lot and serial decide; another product's GTIN: another cartridge.
    assert cartridges_repo.same_cartridge(store.db, gtin=None, lot="LOT42A", serial="0001")
    assert (
        cartridges_repo.same_cartridge(store.db, gtin="00000000000000", lot="LOT42A", serial="0001")
        is None
    )
    assert cartridges_repo.same_cartridge(store.db, gtin=GTIN, lot="LOT42A", serial="0002") is None
    since = clock.now() - timedelta(days=1)
    assert len(cartridges_repo.same_lot_since(store.db, gtin=GTIN, lot="lot42a", since=since)) == 1
    later = clock.now() + timedelta(days=1)
    assert cartridges_repo.same_lot_since(store.db, gtin=GTIN, lot="LOT42A", since=later) == []
    assert cartridges_repo.normalise("  lot42a ") == "LOT42A"
    assert cartridges_repo.normalise("   ") is None


def test_handouts_and_their_prints_are_read_back_newest_sheet_first(
    store: Store, completed_visit: str, practitioner: str, clock: FakeClock
) -> None:
    assert handouts_repo.latest_for_visit(store.db, completed_visit) is None
    with store.db.atomic():
        first = handouts_repo.insert(
            store.db,
            visit_id=completed_visit,
            now=clock.now(),
            path="handouts/a.pdf",
            sha256="a" * 64,
            pages=2,
            paper="A4",
        )
        clock.advance(60)
        second = handouts_repo.insert(
            store.db,
            visit_id=completed_visit,
            now=clock.now(),
            path="handouts/b.pdf",
            sha256="b" * 64,
            pages=1,
            paper="Letter",
        )
        handouts_repo.insert_print(
            store.db,
            handout_id=second,
            now=clock.now(),
            by=practitioner,
            printer="Room 2",
            copies=1,
            status="failed",
            message="Out of paper",
        )
        clock.advance(60)
        handouts_repo.insert_print(
            store.db,
            handout_id=second,
            now=clock.now(),
            by=practitioner,
            printer="Room 2",
            copies=2,
            status="printed",
        )
    latest = handouts_repo.latest_for_visit(store.db, completed_visit)
    assert latest is not None and latest["id"] == second and latest["paper"] == "Letter"
    assert handouts_repo.count_for_visit(store.db, completed_visit) == 2
    got = handouts_repo.get(store.db, first)
    assert got is not None and (got["sha256"], got["pages"]) == ("a" * 64, 2)
    assert handouts_repo.get(store.db, "no-such-sheet") is None
    prints = handouts_repo.prints_for_handout(store.db, second)
    assert [(p["status"], p["copies"], p["message"]) for p in prints] == [
        ("failed", 1, "Out of paper"),
        ("printed", 2, ""),
    ]
    assert handouts_repo.prints_for_handout(store.db, first) == []


def test_screening_answers_decide_whether_clearances_and_prompts_pass(
    store: Store, patient_id: str, practitioner: str, clock: FakeClock
) -> None:
    svc = VisitService(store.ctx)
    visit_id = svc.start_visit(patient_id)
    svc.answer_screening(visit_id, no_contraindications(store.ctx, visit_id))
    assert screening_repo.clearances_and_prompts_pass(store.db, visit_id)

    other = svc.start_visit(_another_patient(store, "Иван Петров"))
    item = next(
        c for c in protocol_repo.current(store.db).contraindications if c.kind == "needs_clearance"
    )
    answer = Answer(item.id, True)  # "yes", and no clearance given yet
    with store.db.atomic():
        screening_repo.insert_answer(
            store.db,
            visit_id=other,
            item_id=item.id,
            item_text=item.text,
            kind=item.kind,
            answer=answer,
            finding=Finding(item, answer, blocks=True, message="needs clearance"),
            answered_at=clock.now().isoformat(),
            by=practitioner,
        )
    assert not screening_repo.clearances_and_prompts_pass(store.db, other)
    assert screening_repo.clearances_and_prompts_pass(store.db, visit_id)


def test_a_scanned_cartridge_label_keeps_its_lot_and_serial(
    store: Store, patient_id: str, practitioner: str
) -> None:
    svc = VisitService(store.ctx)
    visit_id = svc.start_visit(patient_id)
    svc.answer_screening(visit_id, no_contraindications(store.ctx, visit_id))
    from tests.consent_support import consent_for

    consent_for(store.ctx, visit_id)
    svc.set_device(visit_id, "skinpen-precision")
    svc.record_cartridge_label(
        visit_id,
        cartridge_scan("0042", lot="LOT7B"),
        cartridge_type_id="skinpen-14",
        seal_intact=True,
    )
    (cartridge,) = visits_repo.load_record(store.db, visit_id).cartridges
    assert (cartridge.lot, cartridge.serial) == ("LOT7B", "0042")
