"""Photo speed: a 12-megapixel JPEG imported with its thumbnail (target ≤ 500 ms) and the
compare view of two dates painted (target ≤ 200 ms).

``python bench/bench_photos.py`` prints both; the runner calls ``photo_timings_ms()``.
The import is the whole domain call (consent check, decode, orientation, re-encode without
EXIF, thumbnail, two atomic 0600 writes with fsync, the row and its audit row). The compare
figure is from choosing two dates to a painted widget: both files read and hash-checked,
decoded at screen size, laid out and drawn once (``QWidget.grab``).
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MEGAPIXELS_12 = (4000, 3000)


def camera_file(hue: int) -> bytes:
    """A 12 MP JPEG with skin-like gradients and sensor noise (compresses like a photo)."""
    from PIL import Image, ImageDraw, ImageFilter

    w, h = MEGAPIXELS_12
    base = Image.radial_gradient("L").resize((w, h))
    noise = Image.effect_noise((w, h), 18)
    picture = Image.merge(
        "RGB",
        (
            base.point(lambda v: 255 - v // 3),
            noise,
            base.point(lambda v: hue - v // 4 if hue > v // 4 else 0),
        ),
    )
    ImageDraw.Draw(picture).ellipse(
        (w // 3, h // 6, 2 * w // 3, 5 * h // 6), outline="white", width=12
    )
    picture = picture.filter(ImageFilter.GaussianBlur(1))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=92)
    return out.getvalue()


def _clinic(folder: Path):  # type: ignore[no-untyped-def]
    """A database with one consented patient in an open visit."""
    from console.consent.service import ConsentService
    from console.consent.signature import Point, Signature
    from console.context import open_context
    from console.data import patients_repo
    from console.demo import clinic as demo
    from console.visit.service import VisitService

    ctx = open_context(folder / "console.sqlite3")
    staff = demo.create_practitioners(ctx.db, ctx.now())
    ctx.practitioner_id = staff[0]
    patient = patients_repo.insert(
        ctx.db,
        full_name="Bench Patient",
        date_of_birth=date(1980, 1, 1),
        phone="",
        email="",
        fitzpatrick=2,
        now=ctx.now(),
        by=staff[0],
    )
    visit = VisitService(ctx).start_visit(patient)
    consents = ConsentService(ctx)
    strokes = (tuple(Point(0.1 + 0.05 * i, 0.3 + 0.3 * (i % 2), 60 * i) for i in range(14)),)
    consents.record_signing(
        visit_id=visit,
        patient_id=patient,
        by=staff[0],
        templates=consents.templates(),
        signer="Bench Patient",
        signature=Signature(strokes),
        witness="",
        identity="",
        language="en",
        choices={"clinical_record": True},
        now=ctx.now(),
    )
    return ctx, patient, visit


def photo_timings_ms(rounds: int = 5) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from console.photos.service import PhotoService
    from console.ui.photos.series_tab import PhotoSeriesTab

    app = QApplication.instance() or QApplication([])
    files = [camera_file(hue) for hue in (200, 230)]
    with tempfile.TemporaryDirectory(prefix="bench-photos-") as folder:
        ctx, patient, visit = _clinic(Path(folder))
        service = PhotoService(ctx)
        imports = []
        for i in range(max(2, rounds)):
            start = time.perf_counter()
            service.import_photo(patient, "front", files[i % 2], visit_id=visit)
            imports.append((time.perf_counter() - start) * 1000)
        tab = PhotoSeriesTab(ctx)
        tab.resize(1146, 600)
        tab.show()
        tab.show_patient(patient)
        app.processEvents()
        paints = []
        count = tab.a_box.count()
        for i in range(rounds):
            start = time.perf_counter()
            tab.a_box.setCurrentIndex(i % (count - 1))  # a new pair each round
            tab.grab()
            paints.append((time.perf_counter() - start) * 1000)
        tab.close()
        ctx.db.close()
    return {
        "import_median_ms": round(statistics.median(imports), 1),
        "import_max_ms": round(max(imports), 1),
        "compare_median_ms": round(statistics.median(paints), 1),
        "compare_max_ms": round(max(paints), 1),
    }


if __name__ == "__main__":
    r = photo_timings_ms()
    print(
        f"12 MP import with thumbnail: median {r['import_median_ms']} ms "
        f"(max {r['import_max_ms']}), target ≤ 500"
    )
    print(
        f"compare view, two dates painted: median {r['compare_median_ms']} ms "
        f"(max {r['compare_max_ms']}), target ≤ 200"
    )
