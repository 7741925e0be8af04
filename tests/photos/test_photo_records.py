"""Photos across the record: the compare view's data, export with originals, erasure."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import timedelta
from pathlib import Path

from console.clock import FakeClock
from console.context import AppContext
from console.photos.service import PhotoService
from console.records import erasure, export
from console.visit.service import VisitService
from tests.conftest import ready_visit
from tests.photos_support import camera_jpeg


def _series(ctx: AppContext, clock: FakeClock, patient: str) -> tuple[list[str], dict[str, str]]:
    """Three visits 7 weeks apart, each with front before/after; the second also oblique."""
    service, visits, ids = PhotoService(ctx), [], {}
    for n in range(3):
        visit_id = ready_visit(ctx, patient, serial=f"S{n}")
        for stage, hue in (("before", 100 + n), ("after", 200 + n)):
            done = service.import_photo(
                patient, "front", camera_jpeg(hue=hue), visit_id=visit_id, stage=stage
            )
            ids[f"{n}-front-{stage}"] = done.photo.id
            clock.advance(600)
        if n == 1:
            done = service.import_photo(patient, "oblique_right", camera_jpeg(), visit_id=visit_id)
            ids["1-oblique"] = done.photo.id
        VisitService(ctx).stop_visit(visit_id, "photos only")
        visits.append(visit_id)
        clock.advance(timedelta(weeks=7).total_seconds())
    return visits, ids


def test_timeline_pairs_and_ghost(ctx: AppContext, clock: FakeClock, patient: str) -> None:
    visits, ids = _series(ctx, clock, patient)
    service = PhotoService(ctx)
    timeline = service.timeline(patient)
    assert list(timeline) == ["front", "oblique_right"]  # the clinic's order of views
    front = timeline["front"]
    assert [p.id for p in front] == [
        ids[f"{n}-front-{s}"] for n in range(3) for s in ("before", "after")
    ]
    assert [p.taken_at for p in front] == sorted(p.taken_at for p in front)

    # Any two dates, given in either order, come back oldest first.
    pair = service.pair(ids["2-front-after"], ids["0-front-before"])
    assert (pair.earlier.id, pair.later.id) == (ids["0-front-before"], ids["2-front-after"])
    assert pair.later.taken_at - pair.earlier.taken_at > timedelta(weeks=14)

    # The Finish step's pair: this visit's before and after.
    this = service.visit_pair(visits[1], "front")
    assert this is not None
    assert (this.earlier.id, this.later.id) == (ids["1-front-before"], ids["1-front-after"])
    assert service.visit_pair(visits[1], "oblique_right") is None  # no "after" taken

    # The ghost for a new visit: the last visit's "before" of the same view.
    new_visit = ready_visit(ctx, patient, serial="S9")
    ghost = service.ghost(new_visit, "front")
    assert ghost is not None and ghost.id == ids["2-front-before"]
    assert service.ghost(new_visit, "oblique_right").id == ids["1-oblique"]
    assert service.ghost(new_visit, "neck") is None


def test_export_holds_the_originals(
    ctx: AppContext, clock: FakeClock, patient: str, tmp_path: Path
) -> None:
    _, ids = _series(ctx, clock, patient)
    service = PhotoService(ctx)
    result = export.export_patient(ctx, patient, tmp_path / "record.zip")
    assert result.path.is_file()
    with zipfile.ZipFile(result.path) as z:
        names = set(z.namelist())
        for photo in service.for_patient(patient):
            name = f"photos/{Path(photo.path).name}"
            assert name in names
            assert hashlib.sha256(z.read(name)).hexdigest() == photo.sha256
        assert not any(n.endswith((".thumb.jpg", ".screen.jpg")) for n in names)
        assert "photos.csv" in names
        assert "photos/" in z.read("README.txt").decode()
    assert len(ids) == 7


def test_erasure_deletes_the_photo_files_and_says_so(
    ctx: AppContext, clock: FakeClock, patient: str
) -> None:
    _series(ctx, clock, patient)
    service = PhotoService(ctx)
    before = service.for_patient(patient)
    files = [ctx.data_dir / f for p in before for f in (p.path, p.thumb_path, p.screen_path)]
    assert all(f.is_file() for f in files)
    report = erasure.anonymise(ctx, patient, reason="written request 1 Dec 2026")
    assert not any(f.exists() for f in files)
    after = service.for_patient(patient)
    # The record keeps which views were taken when; the pictures are gone.
    assert [(p.view_id, p.stage, p.taken_at) for p in after] == [
        (p.view_id, p.stage, p.taken_at) for p in before
    ]
    assert all(p.path == p.thumb_path == p.screen_path == "" for p in after)
    assert "clinical photos" in report.statement()
    assert service.timeline(patient) == {}
