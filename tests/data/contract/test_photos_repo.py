"""photos_repo: the clinic's photo views in its order, and photos as a timeline."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.clock import FakeClock
from console.data import photos_repo
from console.errors import NotFound
from console.model.photos import View
from console.visit.service import VisitService
from tests.data.contract.conftest import Store


def test_views_are_kept_in_the_clinics_order_and_retired_ones_last(store: Store) -> None:
    shipped = [v.id for v in photos_repo.views(store.db)]
    assert shipped  # the shipped views are seeded with the schema
    with store.db.atomic():
        photos_repo.add_view(store.db, View("chin_left", "Chin, left", "Turn 45°", "chin"))
        photos_repo.set_view_order(store.db, ["chin_left", *shipped])
        photos_repo.set_view_active(store.db, shipped[0], False)
        photos_repo.update_view(
            store.db, View("chin_left", "Menton, gauche", "Tourner à 45°", "chin")
        )
    assert [v.id for v in photos_repo.views(store.db)] == ["chin_left", *shipped[1:]]
    everything = photos_repo.views(store.db, retired=True)
    assert everything[-1].id == shipped[0] and everything[-1].retired
    assert everything[0] == View("chin_left", "Menton, gauche", "Tourner à 45°", "chin", False)
    assert photos_repo.view_exists(store.db, "chin_left")
    assert not photos_repo.view_exists(store.db, "nowhere")


def test_a_view_id_is_unique(store: Store) -> None:
    first = photos_repo.views(store.db)[0]
    with pytest.raises(store.refused), store.db.atomic():
        photos_repo.add_view(store.db, View(first.id, "Again", ""))


def test_photos_are_read_back_oldest_first_per_patient_and_visit(
    store: Store, patient_id: str, practitioner: str, clock: FakeClock
) -> None:
    view = photos_repo.views(store.db)[0].id
    visit_id = VisitService(store.ctx).start_visit(patient_id)
    ids = []
    for i, (visit, stage) in enumerate(
        ((visit_id, "after"), (visit_id, "before"), (None, "follow_up"))
    ):
        photo_id = photos_repo.new_id()
        with store.db.atomic():
            photos_repo.insert(
                store.db,
                photo_id=photo_id,
                patient_id=patient_id,
                visit_id=visit,
                view_id=view,
                stage=stage,
                taken_at=clock.now() - timedelta(minutes=10 * i),
                source="camera",
                width=4000,
                height=3000,
                path=f"photos/{photo_id}.jpg",
                sha256=f"{i}" * 64,
                thumb_path="t.jpg",
                screen_path="s.jpg",
                practitioner_id=practitioner,
            )
        ids.append(photo_id)
    got = photos_repo.get(store.db, ids[0])
    assert (got.patient_id, got.visit_id, got.stage, got.width, got.taken_at) == (
        patient_id,
        visit_id,
        "after",
        4000,
        clock.now(),
    )
    assert [p.id for p in photos_repo.for_patient(store.db, patient_id)] == ids[::-1]
    assert [p.id for p in photos_repo.for_visit(store.db, visit_id)] == [ids[1], ids[0]]
    assert photos_repo.visit_patient(store.db, visit_id)[:2] == (patient_id, "open")
    assert photos_repo.patient_exists(store.db, patient_id)
    assert not photos_repo.patient_exists(store.db, "nobody")
    with pytest.raises(NotFound):
        photos_repo.get(store.db, "no-such-photo")
    with pytest.raises(NotFound):
        photos_repo.visit_patient(store.db, "no-such-visit")
    with store.db.atomic():
        photos_repo.clear_files(store.db, patient_id)
    erased = photos_repo.for_patient(store.db, patient_id)
    assert [(p.path, p.thumb_path, p.screen_path) for p in erased] == [("", "", "")] * 3
    assert [p.id for p in erased] == ids[::-1]  # the rows stay: a photo was taken then


def test_planned_zones_of_a_visit(store: Store, patient_id: str, completed_visit: str) -> None:
    assert photos_repo.planned_zone_ids(store.db, completed_visit) == {"forehead"}
