"""Photo screens: the watched folder offers a dropped picture, a number key files it under a
view, the ghost of the last visit lines up; Records compares two dates, zoom and pan synced."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.photos.service import PhotoService
from console.ui.photos.capture import PhotoCapture
from console.ui.records.record_view import PatientRecordView
from console.visit.service import VisitService
from tests.conftest import ready_visit
from tests.photos_support import SERIAL, camera_jpeg


def _earlier_visit(ctx: AppContext, clock: FakeClock, patient: str) -> str:
    """A visit 7 weeks ago with a front 'before' photo: the ghost for today's."""
    visit_id = ready_visit(ctx, patient, serial="G1")
    PhotoService(ctx).import_photo(patient, "front", camera_jpeg(hue=90), visit_id=visit_id)
    VisitService(ctx).stop_visit(visit_id, "photos only")
    clock.advance(timedelta(weeks=7).total_seconds())
    return visit_id


def test_dropped_picture_is_offered_and_filed_with_one_key(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, patient: str, tmp_path: Path
) -> None:
    _earlier_visit(ctx, clock, patient)
    visit_id = ready_visit(ctx, patient, serial="G2")
    folder = tmp_path / "tether"
    folder.mkdir()
    PhotoService(ctx).set_watch_folder(folder)
    dialog = PhotoCapture(ctx, patient, visit_id, stage="before")
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.offered.count() == 0
    assert dialog.ghost_label.text().startswith("Ghost: Front")  # row 0 is Front

    dropped = folder / "DSC_0042.JPG"
    dropped.write_bytes(camera_jpeg(800, 600, orientation=6))
    qtbot.waitUntil(lambda: dialog.offered_paths() == [dropped], timeout=5000)
    assert dialog.offered.currentItem() is not None
    # The ghost lies over the new picture at its width, half see-through.
    assert dialog.ghost_item.opacity() == pytest.approx(0.35)
    assert dialog.ghost_item.mapRectToScene(dialog.ghost_item.boundingRect()).width() == (
        pytest.approx(dialog.picture_item.pixmap().width(), abs=1)
    )

    qtbot.keyClick(dialog, Qt.Key.Key_2)  # 2 = 45° left
    assert dialog.error.text() == ""
    assert not dropped.exists()
    assert dialog.offered.count() == 0
    (photo,) = PhotoService(ctx).for_visit(visit_id)
    assert (photo.view_id, photo.stage, photo.source) == ("oblique_left", "before", "folder")
    stored = ctx.data_dir / photo.path
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert SERIAL.encode() not in stored.read_bytes()
    assert dialog.view_list.item(1).text().endswith("✓ 1")
    dialog.close()
    assert not dialog.timer.isActive()


def test_capture_refuses_without_photo_consent(
    qtbot: QtBot, ctx: AppContext, patient: str, tmp_path: Path
) -> None:
    visit_id = VisitService(ctx).start_visit(patient)
    dialog = PhotoCapture(ctx, patient, visit_id)
    qtbot.addWidget(dialog)
    assert "No photo consent" in dialog.error.text()
    assert not dialog.file_button.isEnabled()


def test_records_compares_two_dates_side_by_side_and_overlaid(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, patient: str
) -> None:
    service = PhotoService(ctx)
    ids = []
    for n in range(3):
        visit_id = ready_visit(ctx, patient, serial=f"R{n}")
        ids.append(
            service.import_photo(
                patient, "front", camera_jpeg(600, 800, hue=60 * n), visit_id=visit_id
            ).photo.id
        )
        VisitService(ctx).stop_visit(visit_id, "photos only")
        clock.advance(timedelta(weeks=7).total_seconds())
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.resize(1146, 640)
    view.show()
    view.show_patient(patient)
    tab = view.photos
    assert view.tabs.tabText(view.tabs.indexOf(tab)) == "Photos"
    view.tabs.setCurrentWidget(tab)
    assert tab.view_box.currentText() == "Front (3)"
    assert tab.strip.count() == 3
    assert [tab.strip.item(i).text() for i in range(3)] == [
        "24 Nov 2026 before",
        "12 Jan 2027 before",
        "2 Mar 2027 before",
    ]
    assert tab.shown_ids() == (ids[0], ids[2])  # first against latest
    assert tab.compare.left_caption.text() == "24 Nov 2026 before"
    assert tab.compare.right_caption.text() == "2 Mar 2027 before"
    tab.strip.itemClicked.emit(tab.strip.item(1))
    assert tab.shown_ids() == (ids[0], ids[1])

    compare = tab.compare
    compare.set_mode(1)
    compare.slider.setValue(80)
    assert compare.overlay_opacity == pytest.approx(0.8)
    compare.set_mode(0)
    QApplication.processEvents()
    # Zoom in on one side: both sides zoom; scroll one: the other follows.
    vp = compare.left_view.viewport()
    wheel = QWheelEvent(
        QPointF(vp.width() / 2, vp.height() / 2),
        QPointF(vp.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    for _ in range(8):
        QApplication.sendEvent(vp, wheel)
    assert compare.zoom == pytest.approx(1.25**8)
    assert compare.right_view.transform().m11() == pytest.approx(
        compare.left_view.transform().m11()
    )
    for left, right in (
        (compare.left_view.horizontalScrollBar(), compare.right_view.horizontalScrollBar()),
        (compare.right_view.verticalScrollBar(), compare.left_view.verticalScrollBar()),
    ):
        assert left.maximum() > 0
        left.setValue(left.maximum() // 3)
        assert right.value() == left.value()


def test_finish_shows_this_visits_before_and_after(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, patient: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.ui.photos.launch import BeforeAfterButton, PhotosButton
    from console.ui.photos.visit_pair import VisitPairDialog
    from console.ui.shell.flow import VisitFlow
    from console.ui.steps.finish import FinishScreen

    service = PhotoService(ctx)
    visit_id = ready_visit(ctx, patient)
    before = service.import_photo(patient, "neck", camera_jpeg(hue=40), visit_id=visit_id)
    clock.advance(1800)
    after = service.import_photo(
        patient, "neck", camera_jpeg(hue=220), visit_id=visit_id, stage="after"
    )
    service.import_photo(patient, "front", camera_jpeg(), visit_id=visit_id)  # no "after"
    flow = VisitFlow(ctx.signed_in)
    flow.set_patient(patient)
    flow.set_visit(visit_id)
    screen = FinishScreen(ctx, flow)
    qtbot.addWidget(screen)
    opened: list[object] = []
    monkeypatch.setattr(PhotosButton, "ask", classmethod(lambda cls, d: opened.append(d)))
    monkeypatch.setattr(BeforeAfterButton, "ask", classmethod(lambda cls, d: opened.append(d)))
    screen.findChild(PhotosButton).click()
    screen.findChild(BeforeAfterButton).click()
    capture, pair_dialog = opened
    assert isinstance(capture, PhotoCapture) and capture.stage == "after"
    capture.close()
    assert isinstance(pair_dialog, VisitPairDialog)
    assert [pair_dialog.view_box.itemText(i) for i in range(pair_dialog.view_box.count())] == [
        "Neck"
    ]
    (pair,) = pair_dialog.pairs
    assert (pair.earlier.id, pair.later.id) == (before.photo.id, after.photo.id)
    assert pair_dialog.compare.left_caption.text() == "Before, 14:00"
    assert pair_dialog.compare.right_caption.text() == "After, 14:30"
