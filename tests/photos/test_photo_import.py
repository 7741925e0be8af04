"""Importing photos: from the watched folder, a file, refused without photo consent."""

from __future__ import annotations

import hashlib
import io
import stat
from pathlib import Path

import pytest
from PIL import Image

from console.consent.service import ConsentService
from console.context import AppContext
from console.errors import DomainError
from console.photos.inbox import Inbox
from console.photos.service import PhotoService
from console.visit.service import VisitService
from tests.conftest import no_contraindications, ready_visit
from tests.consent_support import request
from tests.photos_support import SERIAL, camera_jpeg


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_dropped_photo_is_offered_assigned_and_kept_without_exif(
    ctx: AppContext, patient: str, tmp_path: Path
) -> None:
    visit_id = ready_visit(ctx, patient)
    folder = tmp_path / "tether"
    folder.mkdir()
    inbox = Inbox(folder)
    dropped = folder / "IMG_0001.JPG"
    raw = camera_jpeg(640, 480, orientation=6)
    dropped.write_bytes(raw)
    (folder / "notes.txt").write_text("not a photo")
    assert inbox.scan() == []  # first look: the size is not known to be stable yet
    assert inbox.scan() == [dropped]

    service = PhotoService(ctx)
    done = service.import_photo(
        patient, "oblique_left", inbox.take(dropped), visit_id=visit_id, source="folder"
    )
    inbox.done(dropped)

    assert not dropped.exists()  # the copy with GPS and serial is gone from the folder
    assert inbox.scan() == []
    stored = done.path.read_bytes()
    assert done.path.is_relative_to(ctx.data_dir / "photos" / "2026")
    assert _mode(done.path) == 0o600
    assert _mode(done.path.parent) == 0o700
    assert _mode(ctx.data_dir / "photos") == 0o700
    assert hashlib.sha256(stored).hexdigest() == done.photo.sha256
    assert SERIAL.encode() not in stored and b"ClinicCam" not in stored
    kept = Image.open(io.BytesIO(stored))
    assert dict(kept.getexif()) == {}  # no GPS, no serial, no orientation tag left
    assert kept.size == (480, 640)  # turned upright: the camera was held on its side
    assert kept.getpixel((kept.width - 4, 4)) == pytest.approx((255, 255, 255), abs=6)
    thumb = Image.open(ctx.data_dir / done.photo.thumb_path)
    assert thumb.size == (240, 320)  # 640 / 2, upright
    assert _mode(ctx.data_dir / done.photo.thumb_path) == 0o600
    screen = Image.open(ctx.data_dir / done.photo.screen_path)
    assert screen.size == (480, 640)  # smaller than 1600 px: kept at its size
    assert SERIAL.encode() not in (ctx.data_dir / done.photo.screen_path).read_bytes()
    listed = service.for_visit(visit_id)
    assert [(p.view_id, p.stage, p.source) for p in listed] == [
        ("oblique_left", "before", "folder")
    ]
    assert service.original(listed[0]) == stored


def test_png_and_heic_are_imported(ctx: AppContext, patient: str) -> None:
    visit_id = ready_visit(ctx, patient)
    service = PhotoService(ctx)
    picture = Image.new("RGB", (300, 200), (10, 120, 200))
    for fmt in ("PNG", "HEIF"):
        out = io.BytesIO()
        picture.save(out, fmt)
        done = service.import_photo(patient, "front", out.getvalue(), visit_id=visit_id)
        kept = Image.open(done.path)
        assert kept.size == (300, 200)
        assert kept.format == ("PNG" if fmt == "PNG" else "JPEG")


def test_changed_file_is_refused_when_read_back(ctx: AppContext, patient: str) -> None:
    visit_id = ready_visit(ctx, patient)
    service = PhotoService(ctx)
    done = service.import_photo(patient, "front", camera_jpeg(), visit_id=visit_id)
    done.path.write_bytes(done.path.read_bytes() + b"x")
    with pytest.raises(DomainError, match="fingerprint"):
        service.original(done.photo)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty"),
        (b"GIF89a not really", "not a readable"),
        (b"\xff\xd8\xff\xe0 truncated jpeg", "not a readable"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_kept(
    ctx: AppContext, patient: str, raw: bytes, message: str
) -> None:
    visit_id = ready_visit(ctx, patient)
    service = PhotoService(ctx)
    with pytest.raises(DomainError, match=message):
        service.import_photo(patient, "front", raw, visit_id=visit_id)
    assert service.for_patient(patient) == []
    assert not (ctx.data_dir / "photos").exists() or not any((ctx.data_dir / "photos").rglob("*.*"))


def test_unknown_view_is_refused_naming_the_views(ctx: AppContext, patient: str) -> None:
    visit_id = ready_visit(ctx, patient)
    with pytest.raises(DomainError, match="front, oblique_left"):
        PhotoService(ctx).import_photo(patient, "selfie", camera_jpeg(), visit_id=visit_id)


def _visit_with_consent(ctx: AppContext, patient: str, choices: dict[str, bool]) -> str:
    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient)
    svc.answer_screening(visit_id, no_contraindications(ctx, visit_id))
    ConsentService(ctx).take(visit_id, request(ctx, photo_choices=choices))
    return visit_id


def test_refused_without_photo_consent_for_the_clinical_record(
    ctx: AppContext, patient: str
) -> None:
    visit_id = _visit_with_consent(ctx, patient, {"clinical_record": False, "marketing": True})
    service = PhotoService(ctx)
    with pytest.raises(DomainError, match="No photos") as caught:
        service.import_photo(patient, "front", camera_jpeg(), visit_id=visit_id)
    assert caught.value.field == "consent"
    assert service.for_patient(patient) == []
    assert not (ctx.data_dir / "photos").exists()


def test_refused_after_photo_consent_is_withdrawn(ctx: AppContext, patient: str) -> None:
    visit_id = ready_visit(ctx, patient)
    service = PhotoService(ctx)
    service.import_photo(patient, "front", camera_jpeg(), visit_id=visit_id)
    consents = ConsentService(ctx)
    photo = next(
        c for c in consents.for_patient(patient) if c.consent.template_id != "microneedling"
    )
    consents.withdraw(photo.consent.id, "Patient asked for no more photos")
    with pytest.raises(DomainError, match="withdrawn"):
        service.import_photo(patient, "front", camera_jpeg(), visit_id=visit_id)
    assert len(service.for_patient(patient)) == 1


def test_refused_without_any_consent(ctx: AppContext, patient: str) -> None:
    visit_id = VisitService(ctx).start_visit(patient)
    with pytest.raises(DomainError, match="No photo consent on record"):
        PhotoService(ctx).import_photo(patient, "front", camera_jpeg(), visit_id=visit_id)


def test_a_12_megapixel_photo_gets_a_screen_copy_and_a_tile(ctx: AppContext, patient: str) -> None:
    visit_id = ready_visit(ctx, patient)
    done = PhotoService(ctx).import_photo(
        patient, "front", camera_jpeg(4000, 3000), visit_id=visit_id
    )
    assert (done.photo.width, done.photo.height) == (4000, 3000)
    # Whole-number box reductions: 4000 → 2000 for the screen, 2000 → 334 for the tile.
    assert Image.open(ctx.data_dir / done.photo.screen_path).size == (2000, 1500)
    assert Image.open(ctx.data_dir / done.photo.thumb_path).size == (334, 250)


def test_an_upright_jpeg_keeps_its_pixels_and_loses_its_metadata(
    ctx: AppContext, patient: str
) -> None:
    visit_id = ready_visit(ctx, patient)
    raw = camera_jpeg(800, 600, orientation=1)
    done = PhotoService(ctx).import_photo(patient, "front", raw, visit_id=visit_id)
    stored = done.path.read_bytes()
    for secret in (SERIAL.encode(), b"ClinicCam", b"Exif\x00\x00"):
        assert secret in raw and secret not in stored
    kept, camera = Image.open(io.BytesIO(stored)), Image.open(io.BytesIO(raw))
    assert dict(kept.getexif()) == {}
    # Not re-encoded: the very same decoded pixels as the camera's file.
    assert kept.tobytes() == camera.convert("RGB").tobytes()
    assert len(stored) < len(raw)


def test_a_jpeg_cut_short_is_refused(ctx: AppContext, patient: str) -> None:
    from console.photos import jpeg_strip

    raw = camera_jpeg()
    with pytest.raises(DomainError, match=r"cut short|damaged"):
        jpeg_strip.strip(raw[: len(raw) // 2])
