"""The webcam path through Qt's own capture session, frames fed in by a QVideoFrameInput.

Needs the optional extra (``pip install .[camera]``, PySide6-Addons): skipped without it on a
developer's machine, a failure in CI, which installs it.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from PIL import Image
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.photos.service import PhotoService
from console.visit.service import VisitService
from tests.conftest import IN_CI, ready_visit
from tests.photos_support import camera_jpeg

try:
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameInput
except ImportError:
    if IN_CI:
        raise
    pytest.skip("QtMultimedia not installed (pip install .[camera])", allow_module_level=True)

from console.ui.photos.camera import CameraCapture


def _frame(color: QColor) -> QVideoFrame:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(color)
    return QVideoFrame(image)


def test_a_fed_frame_is_shown_with_the_ghost_and_taken(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, patient: str
) -> None:
    service = PhotoService(ctx)
    earlier = ready_visit(ctx, patient, serial="W1")
    ghost = service.import_photo(patient, "neck", camera_jpeg(hue=30), visit_id=earlier)
    VisitService(ctx).stop_visit(earlier, "photos only")
    clock.advance(timedelta(weeks=7).total_seconds())
    visit_id = ready_visit(ctx, patient, serial="W2")
    neck = service.view("neck")
    feed = QVideoFrameInput()
    dialog = CameraCapture(ctx, patient, visit_id, neck, "before", frame_input=feed)
    qtbot.addWidget(dialog)
    assert not dialog.take.isEnabled()  # nothing to take before the first frame
    assert not dialog.ghost.pixmap().isNull()
    assert ghost.photo.id  # the ghost is last visit's neck

    assert feed.sendVideoFrame(_frame(QColor(20, 160, 90)))
    qtbot.waitUntil(dialog.take.isEnabled, timeout=5000)
    assert dialog.live.pixmap().width() == 640
    # The ghost is drawn at the live picture's width, see-through.
    ghost_rect = dialog.ghost.mapRectToScene(dialog.ghost.boundingRect())
    assert ghost_rect.width() == pytest.approx(640, abs=1)
    assert dialog.ghost.opacity() == pytest.approx(0.35)

    dialog.take.click()
    assert dialog.error.text() == ""
    (photo_id,) = dialog.taken
    stored = next(p for p in service.for_visit(visit_id) if p.id == photo_id)
    assert (stored.view_id, stored.stage, stored.source) == ("neck", "before", "camera")
    kept = Image.open(io.BytesIO(service.original(stored)))
    assert kept.size == (640, 480)
    r, g, b = kept.getpixel((320, 240))
    assert abs(r - 20) < 8 and abs(g - 160) < 8 and abs(b - 90) < 8
    dialog.close()
