"""The repositories the visit services write through: visits, areas, passes and prep.

Each function is called the way its service calls it (inside ``db.atomic()``) and what it
wrote is read back through the repositories' own reads, once per engine.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from console.data import areas_repo, passes_repo, prep_repo, visits_repo
from console.errors import DomainError
from tests.data.contract.conftest import Store


@pytest.fixture
def visit_id(store: Store, patient_id: str, practitioner: str) -> str:
    with store.db.atomic():
        visits_repo.insert(
            store.db,
            visit_id="v-1",
            patient_id=patient_id,
            by=practitioner,
            protocol_version=1,
            series_number=2,
            now=store.ctx.now(),
        )
    return "v-1"


def add_area(store: Store, visit_id: str, area_id: str, zone: str, depth: str) -> None:
    with store.db.atomic():
        areas_repo.insert(
            store.db,
            area_id=area_id,
            visit_id=visit_id,
            zone_id=zone,
            zone_name=zone.title(),
            concern="general",
            depth_mm=Decimal(depth),
            target_passes=3,
            outside_typical_reason="",
        )


def test_a_new_visit_is_open_at_screening_and_found_for_its_patient(
    store: Store, patient_id: str, visit_id: str
) -> None:
    state = visits_repo.state(store.db, visit_id)
    assert (state.status, state.step) == ("open", "screening")
    assert visits_repo.open_visit_id(store.db, patient_id) == visit_id
    assert visits_repo.load_record(store.db, visit_id).series_number == 2
    assert visits_repo.patient_exists(store.db, patient_id)
    assert not visits_repo.patient_exists(store.db, "nobody")


def test_a_step_moves_only_from_the_steps_named(store: Store, visit_id: str) -> None:
    with store.db.atomic():
        visits_repo.set_step(store.db, visit_id, "plan", only_from=("prep",))
    assert visits_repo.state(store.db, visit_id).step == "screening"  # not from screening
    with store.db.atomic():
        visits_repo.set_step(store.db, visit_id, "prep")
        visits_repo.set_step(store.db, visit_id, "plan", only_from=("screening", "prep"))
    assert visits_repo.state(store.db, visit_id).step == "plan"


def test_areas_keep_their_order_and_their_depth_history(
    store: Store, visit_id: str, practitioner: str
) -> None:
    add_area(store, visit_id, "a-1", "forehead", "0.5")
    add_area(store, visit_id, "a-2", "cheeks", "1.0")
    assert areas_repo.ids(store.db, visit_id) == ["a-1", "a-2"]
    assert areas_repo.zone_planned(store.db, visit_id, "cheeks")
    assert not areas_repo.zone_planned(store.db, visit_id, "neck")
    area = areas_repo.get(store.db, "a-2")
    assert (area.visit_id, area.zone_id, area.depth_mm) == (visit_id, "cheeks", Decimal("1.00"))
    assert areas_repo.current_depth(store.db, "a-2") == Decimal("1.00")
    for minutes, to_mm in ((1, "1.25"), (2, "0.75")):
        with store.db.atomic():
            areas_repo.insert_depth_change(
                store.db,
                change_id=f"d-{minutes}",
                area_id="a-2",
                at=store.ctx.now() + timedelta(minutes=minutes),
                from_mm=areas_repo.current_depth(store.db, "a-2"),
                to_mm=Decimal(to_mm),
                reason="",
                by=practitioner,
            )
    assert areas_repo.current_depth(store.db, "a-2") == Decimal("0.75")  # the last change
    with store.db.atomic():
        areas_repo.delete(store.db, "a-1")
    assert areas_repo.ids(store.db, visit_id) == ["a-2"]
    with pytest.raises(DomainError):
        areas_repo.get(store.db, "a-1")


def test_a_pass_stop_numbers_it_drops_the_running_row_and_stamps_the_area(
    store: Store, visit_id: str
) -> None:
    add_area(store, visit_id, "a-1", "forehead", "0.5")
    start = store.ctx.now()
    assert not passes_repo.visit_has_passes(store.db, visit_id)
    for n in (1, 2):
        with store.db.atomic():
            passes_repo.put_running(
                store.db,
                area_id="a-1",
                started_at=start,
                depth_mm=Decimal("0.5"),
                direction="vertical",
            )
        assert passes_repo.running_zones(store.db, visit_id) == ["Forehead"]
        with store.db.atomic():
            number = passes_repo.record_stop(
                store.db,
                pass_id=f"p-{n}",
                area_id="a-1",
                visit_id=visit_id,
                started_at=start,
                ended_at=start + timedelta(seconds=30),
                duration_s=30.0,
                depth_mm=Decimal("0.5"),
                direction="vertical",
            )
        assert number == n
        assert passes_repo.running_zones(store.db, visit_id) == []
    assert passes_repo.visit_has_passes(store.db, visit_id)
    assert passes_repo.area_has_passes(store.db, "a-1")
    record = visits_repo.load_record(store.db, visit_id)
    assert [p.number for p in record.areas[0].passes] == [1, 2]
    assert areas_repo.treated_without_endpoint(store.db, visit_id) == ["Forehead"]
    with store.db.atomic():
        areas_repo.set_endpoint(store.db, "a-1", "erythema")
    assert areas_repo.treated_without_endpoint(store.db, visit_id) == []


def test_a_crash_leaves_the_running_pass_to_be_reported_then_cleared(
    store: Store, visit_id: str
) -> None:
    add_area(store, visit_id, "a-1", "forehead", "0.5")
    with store.db.atomic():
        passes_repo.put_running(
            store.db,
            area_id="a-1",
            started_at=store.ctx.now(),
            depth_mm=Decimal("0.5"),
            direction="horizontal",
        )
    other = store.open_another()  # the console restarted: a new connection finds it
    try:
        assert passes_repo.running_zones(other, visit_id) == ["Forehead"]
        with other.atomic():
            passes_repo.clear_running(other, visit_id)
    finally:
        other.close()
    assert passes_repo.running_zones(store.db, visit_id) == []
    assert not passes_repo.visit_has_passes(store.db, visit_id)  # never counted as a pass


def test_gel_and_numbing_cream_as_prep_sees_them(
    store: Store, visit_id: str, practitioner: str
) -> None:
    assert not prep_repo.has_gel(store.db, visit_id)
    with store.db.atomic():
        for kind, cid in (("gel", "c-1"), ("numbing", "c-2")):
            prep_repo.insert_consumable(
                store.db,
                consumable_id=cid,
                visit_id=visit_id,
                kind=kind,
                product=kind.title(),
                lot="L1",
                occluded=False,
                wait_minutes=30 if kind == "numbing" else None,
                applied_at=store.ctx.now(),
                now=store.ctx.now(),
                by=practitioner,
            )
    assert prep_repo.has_gel(store.db, visit_id)
    assert prep_repo.numbing_on_skin(store.db, visit_id)
    with store.db.atomic():
        prep_repo.mark_numbing_removed(store.db, visit_id, "c-1", store.ctx.now())  # the gel
    assert prep_repo.numbing_on_skin(store.db, visit_id)  # a gel id removes no cream
    with store.db.atomic():
        prep_repo.mark_numbing_removed(store.db, visit_id, "c-2", store.ctx.now())
    assert not prep_repo.numbing_on_skin(store.db, visit_id)


def test_a_completed_visit_keeps_its_notes_and_amendments_stack(
    store: Store, visit_id: str, practitioner: str
) -> None:
    at = store.ctx.now()
    with store.db.atomic():
        visits_repo.mark_completed(store.db, visit_id, notes="Calm skin", adverse_events="", at=at)
    state = visits_repo.state(store.db, visit_id)
    assert (state.status, state.step) == ("completed", "finish")
    assert visits_repo.last_amended_value(store.db, visit_id, "notes") is None
    for n, text in enumerate(("Calm skin, mild redness", "Calm skin, redness gone"), 1):
        with store.db.atomic():
            visits_repo.insert_amendment(
                store.db,
                amendment_id=f"m-{n}",
                visit_id=visit_id,
                at=at + timedelta(minutes=n),
                by=practitioner,
                field="notes",
                old_value="",
                new_value=text,
                reason="phone call",
            )
    assert visits_repo.last_amended_value(store.db, visit_id, "notes") == "Calm skin, redness gone"
    assert visits_repo.load_record(store.db, visit_id).notes == "Calm skin"  # the original stays
    assert visits_repo.open_visit_id(store.db, state.patient_id) is None
