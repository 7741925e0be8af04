"""Screenshots of the photo screens at the room monitor's size (1366×768 less a taskbar).

    Xvfb :77 -screen 0 1366x768x24 &
    DISPLAY=:77 .venv/bin/python tools/photo_screenshots.py docs/screens

A demo clinic with drawn photos: Records › Photos comparing the first and last visit, the
overlay, capture with two pictures dropped in the watched folder and the last visit's ghost,
and the Finish step's before/after.
"""

from __future__ import annotations

import io
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")

SIZE = (1366, 700)


def main(out: Path) -> int:
    from PIL import Image, ImageChops
    from PySide6.QtWidgets import QApplication, QDialog

    from console.consent.demo import add_demo_consents
    from console.context import open_context
    from console.data import photos_repo, settings_repo
    from console.demo import clinic as demo
    from console.demo.visits import add_visits
    from console.photos.demo import add_demo_photos, face
    from console.photos.service import PhotoService
    from console.ui.photos.capture import PhotoCapture
    from console.ui.photos.compare import PhotoCompare
    from console.ui.photos.series_tab import PhotoSeriesTab
    from console.ui.photos.visit_pair import VisitPairDialog
    from console.ui.shell.main_window import MainWindow
    from console.ui.widgets import theme
    from console.visit.service import VisitService

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    ctx = open_context(folder / "shots.sqlite3")
    theme.apply(app)
    settings_repo.put(ctx.db, "clinic.name", "Spectrum Skin Clinic", now=ctx.now(), by=None)
    staff = demo.create_practitioners(ctx.db, ctx.now())
    ids = demo.create_patients(ctx.db, 30, seed=5, now=ctx.now(), by=staff[0])
    add_visits(ctx, ids, staff, seed=5)
    add_demo_consents(ctx, ids, seed=5)
    add_demo_photos(ctx, ids, seed=5)
    patient = next(p for p in ids if PhotoService(ctx).for_patient(p))
    ctx.practitioner_id = staff[0]

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    window.flow.set_practitioner(staff[0])
    window.flow.go("records")
    settle()
    records = window.stack.currentWidget().widget()  # type: ignore[attr-defined]
    records.open_patient(patient)
    view = records.record
    view.tabs.setCurrentWidget(view.photos)
    settle()
    holder = window.stack.currentWidget()
    page = holder.widget()  # type: ignore[attr-defined]
    print(
        "records page: minimum",
        page.minimumSizeHint(),
        "height for width",
        page.heightForWidth(holder.viewport().width()),
        "shown in",
        holder.viewport().size(),
    )
    window.grab().save(str(out / "photos-compare.png"))
    # Enlarge: the same pair on the whole screen, then as an overlay half way.
    shown: list[QDialog] = []
    PhotoSeriesTab.ask = classmethod(lambda cls, d: shown.append(d))  # type: ignore[method-assign]
    view.photos.enlarge.click()
    big = shown[0]
    big.resize(*SIZE)
    big.show()
    settle()
    big.grab().save(str(out / "photos-compare-enlarged.png"))
    compare = big.findChild(PhotoCompare)
    compare.set_mode(1)
    compare.slider.setValue(50)
    settle()
    big.grab().save(str(out / "photos-overlay.png"))
    big.close()

    # Today's visit: two pictures dropped by the tethering software, the ghost of last time.
    visits = VisitService(ctx)
    visit_id = visits.open_visit_for(patient) or visits.start_visit(patient)
    tether = folder / "tether"
    tether.mkdir()
    PhotoService(ctx).set_watch_folder(tether)
    rng = random.Random(3)
    for n in (1, 2):
        # Today's patient sits a little to the side: the ghost shows how far to move.
        picture = Image.open(io.BytesIO(face(rng, 1.0)))
        moved = io.BytesIO()
        ImageChops.offset(picture, 70 * n, 25).save(moved, "JPEG", quality=90)
        (tether / f"DSC_01{n}.JPG").write_bytes(moved.getvalue())
    dialog = PhotoCapture(ctx, patient, visit_id, "before", window)
    dialog.resize(*SIZE)
    dialog.show()
    for _ in range(3):
        dialog.scan()
        settle()
    dialog.grab().save(str(out / "photos-capture.png"))
    dialog.assign(0)
    dialog.set_folder(None)
    dialog.close()

    PhotoService(ctx).import_photo(
        patient, "front", face(rng, 1.0, after=True), visit_id=visit_id, stage="after"
    )
    pair = VisitPairDialog(ctx, visit_id, window)
    pair.resize(*SIZE)
    pair.show()
    settle()
    pair.grab().save(str(out / "photos-finish-before-after.png"))
    pair.close()
    print(len(photos_repo.for_patient(ctx.db, patient)), "photos of the shown patient")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
