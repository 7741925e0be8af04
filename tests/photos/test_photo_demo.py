"""The demo clinic has a few patients with a photo series that the compare view can show."""

from __future__ import annotations

from console.consent.demo import add_demo_consents
from console.context import AppContext
from console.demo import clinic as demo
from console.demo.visits import add_visits
from console.photos.demo import PATIENTS, add_demo_photos
from console.photos.service import PhotoService


def test_demo_photos_form_series(ctx: AppContext) -> None:
    staff = demo.create_practitioners(ctx.db, ctx.now())
    ids = demo.create_patients(ctx.db, 12, seed=4, now=ctx.now(), by=staff[0])
    add_visits(ctx, ids, staff, seed=4)
    add_demo_consents(ctx, ids, seed=4)
    made = add_demo_photos(ctx, ids, seed=4)
    service = PhotoService(ctx)
    with_photos = [p for p in ids if service.for_patient(p)]
    assert 1 <= len(with_photos) <= PATIENTS
    assert made == sum(len(service.for_patient(p)) for p in with_photos)
    for pid in with_photos:
        front = service.timeline(pid)["front"]
        assert len({p.visit_id for p in front}) >= 2  # a series: two visits or more
        for photo in front:
            assert service.original(photo)  # stored, and matches its SHA-256
