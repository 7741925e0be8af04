"""The clinic's photo views: added per treated zone, edited, reordered and retired by an admin,
on a real database file; a retired view keeps its photos but is no longer taken."""

from __future__ import annotations

import json

import pytest

from console.context import AppContext
from console.errors import DomainError
from console.photos.service import PhotoService
from console.visit.service import VisitService
from tests.conftest import ready_visit
from tests.photos_support import camera_jpeg


def _audit(ctx: AppContext, action: str) -> list[dict[str, object]]:
    rows = ctx.db.execute(
        "SELECT entity_id, practitioner_id, detail FROM audit_log WHERE action = ? ORDER BY seq",
        [action],
    ).fetchall()
    return [{"id": r[0], "by": r[1], "detail": json.loads(r[2] or "{}")} for r in rows]


def test_an_admin_adds_a_zone_view_that_capture_offers_on_visits_planning_that_zone(
    ctx: AppContext, staff: list[str], patient: str
) -> None:
    service = PhotoService(ctx)
    view = service.add_view(
        "  Cheeks,   close ", "Camera 40 cm away, level with the cheekbone.", zone_id="cheeks"
    )
    assert (view.id, view.name, view.zone_id) == ("cheeks_close", "Cheeks, close", "cheeks")
    assert view in service.views()
    assert service.views()[-1] == view  # placed after the standard views
    (row,) = _audit(ctx, "photo_view.add")
    assert row["id"] == "cheeks_close" and row["by"] == staff[0]
    assert row["detail"]["zone"] == "cheeks"

    visit_id = ready_visit(ctx, patient)
    offered = [v.id for v in service.views_for_visit(visit_id)]
    assert "cheeks_close" not in offered  # nothing planned yet: general views only
    assert "front" in offered
    VisitService(ctx).plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=3)
    assert [v.id for v in service.views_for_visit(visit_id)][-1] == "cheeks_close"


def test_edit_and_order_are_kept_and_audited(ctx: AppContext, staff: list[str]) -> None:
    service = PhotoService(ctx)
    service.edit_view("neck", "Neck, raised", "Chin raised 20°, shoulders level.", zone_id="neck")
    neck = service.view("neck")
    assert (neck.name, neck.guide, neck.zone_id) == (
        "Neck, raised",
        "Chin raised 20°, shoulders level.",
        "neck",
    )
    order = [v.id for v in service.views()]
    order.insert(0, order.pop(order.index("neck")))
    service.order_views(order)
    assert [v.id for v in PhotoService(ctx).views()] == order
    assert _audit(ctx, "photo_view.edit")[0]["detail"]["name"] == "Neck, raised"
    assert _audit(ctx, "photo_view.order")[0]["detail"]["order"] == order


@pytest.mark.parametrize(
    ("name", "guide", "kw", "field"),
    [
        ("", "Face the camera.", {}, "name"),
        ("x" * 41, "Face the camera.", {}, "name"),
        ("Chin", "", {}, "guide"),
        ("Chin", "y" * 301, {}, "guide"),
        ("front", "Face the camera.", {"view_id": "front"}, "id"),
        ("Chin", "Face the camera.", {"view_id": "Chin view!"}, "id"),
        ("45° LEFT", "Face the camera.", {}, "name"),  # same name as a standard view
        ("Chin", "Face the camera.", {"zone_id": "elbow"}, "zone"),
    ],
)
def test_bad_views_are_refused_and_nothing_is_saved(
    ctx: AppContext, staff: list[str], name: str, guide: str, kw: dict[str, str], field: str
) -> None:
    service = PhotoService(ctx)
    before = service.all_views()
    with pytest.raises(DomainError) as caught:
        service.add_view(name, guide, **kw)
    assert caught.value.field == field
    assert service.all_views() == before
    assert _audit(ctx, "photo_view.add") == []


def test_only_an_admin_changes_the_views(ctx: AppContext, staff: list[str]) -> None:
    ctx.practitioner_id = staff[1]  # a nurse
    service = PhotoService(ctx)
    assert not service.can_edit_views()
    with pytest.raises(DomainError, match="Only an admin"):
        service.add_view("Chin", "Face the camera.")
    with pytest.raises(DomainError, match="Only an admin"):
        service.retire_view("neck")
    assert "neck" in [v.id for v in service.views()]


def test_a_retired_view_keeps_its_photos_but_is_no_longer_taken(
    ctx: AppContext, staff: list[str], patient: str
) -> None:
    service = PhotoService(ctx)
    visit_id = ready_visit(ctx, patient)
    kept = service.import_photo(patient, "neck", camera_jpeg(), visit_id=visit_id)
    service.retire_view("neck")

    assert "neck" not in [v.id for v in service.views()]
    assert "neck" not in [v.id for v in service.views_for_visit(visit_id)]
    assert service.view("neck").retired
    assert [p.id for p in service.timeline(patient)["neck"]] == [kept.photo.id]
    assert service.original(kept.photo)  # still readable, hash checked
    with pytest.raises(DomainError, match="retired") as caught:
        service.import_photo(patient, "neck", camera_jpeg(), visit_id=visit_id)
    assert caught.value.field == "view"
    assert len(service.for_patient(patient)) == 1
    assert _audit(ctx, "photo_view.retire")[0]["id"] == "neck"

    service.restore_view("neck")
    assert "neck" in [v.id for v in service.views()]
