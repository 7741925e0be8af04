"""Settings → Photo views: an admin adds a view for a treated zone with the keyboard, capture
then offers it on a visit planning that zone and no longer offers a retired view; a nurse sees
the views read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.photos.service import PhotoService
from console.ui.photos.capture import PhotoCapture
from console.ui.settings.photo_views_editor import PhotoViewsEditor
from console.visit.service import VisitService
from tests.conftest import ready_visit


def _editor(qtbot: QtBot, ctx: AppContext) -> PhotoViewsEditor:
    editor = PhotoViewsEditor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1366, 700)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)  # mnemonics (Alt+N, Alt+S, Alt+R) need it
    return editor


def _capture_rows(qtbot: QtBot, ctx: AppContext, patient: str, visit_id: str) -> list[str]:
    dialog = PhotoCapture(ctx, patient, visit_id, stage="before")
    qtbot.addWidget(dialog)
    rows = [dialog.view_list.item(i).text() for i in range(dialog.view_list.count())]
    dialog.close()
    return rows


def test_an_admin_adds_a_zone_view_and_capture_offers_it(
    qtbot: QtBot, ctx: AppContext, staff: list[str], patient: str
) -> None:
    editor = _editor(qtbot, ctx)
    assert editor.view_list.count() == 7  # the standard views
    assert editor.sizeHint().height() <= 700
    qtbot.keyClick(editor, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # &New view
    # A button's shortcut clicks it the way a mouse would (pressed, then released ~100 ms on).
    qtbot.waitUntil(lambda: editor.focusWidget() is editor.name)
    qtbot.keyClicks(editor.name, "Cheeks close")
    qtbot.keyClick(editor.name, Qt.Key.Key_Tab)  # → id (left empty: made from the name)
    qtbot.keyClick(editor.view_id, Qt.Key.Key_Tab)  # → zone
    assert editor.focusWidget() is editor.zone
    editor.zone.setCurrentIndex(editor.zone.findText("Cheeks"))
    qtbot.keyClick(editor.zone, Qt.Key.Key_Tab)
    assert editor.focusWidget() is editor.guide
    qtbot.keyClicks(editor.guide, "Camera 40 cm away, level with the cheekbone.")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Save view

    qtbot.waitUntil(lambda: editor.view_list.count() == 8)
    assert editor.error.text() == ""
    assert editor.view_list.currentItem().text() == "Cheeks close · Cheeks"
    assert editor.status.text() == "View “Cheeks close” added."
    added = PhotoService(ctx).view("cheeks_close")
    assert added.zone_id == "cheeks"

    visit_id = ready_visit(ctx, patient)
    assert not any("Cheeks close" in r for r in _capture_rows(qtbot, ctx, patient, visit_id))
    VisitService(ctx).plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=3)
    assert "Cheeks close" in _capture_rows(qtbot, ctx, patient, visit_id)[-1]

    # Retire it with the keyboard: capture offers it no more, Settings still lists it.
    qtbot.keyClick(editor, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(
        lambda: editor.view_list.currentItem().text() == "Cheeks close · Cheeks (retired)"
    )
    assert not any("Cheeks close" in r for r in _capture_rows(qtbot, ctx, patient, visit_id))


def test_a_refused_name_is_shown_next_to_it_and_nothing_is_added(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    editor = _editor(qtbot, ctx)
    editor.new.click()
    qtbot.keyClicks(editor.guide, "Face the camera.")
    editor.save.click()
    assert editor.errors["name"].text().startswith("Give the view a name")
    assert editor.view_list.count() == 7


def test_a_nurse_sees_the_views_read_only(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> None:
    ctx.practitioner_id = staff[1]
    editor = _editor(qtbot, ctx)
    assert editor.view_list.count() == 7
    assert editor.name.text() == "Front"
    for w in (editor.name, editor.guide, editor.zone, editor.save, editor.new, editor.retire):
        assert not w.isEnabled()
    assert editor.status.text() == "Only an admin can change the photo views."
