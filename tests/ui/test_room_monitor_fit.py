"""Every step, Records and Settings on a small room monitor, at both type sizes.

1366×700 is a 1366×768 monitor less its title bar and taskbar; 1280×720 the other common one.
What a practitioner checks: the step's primary action is on screen without scrolling, no
control sits off to the side (no horizontal scrolling), and names are not cut short.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.ui.shell import i18n
from console.ui.shell.main_window import MainWindow
from console.ui.widgets import theme
from console.visit.service import VisitService
from tests.conftest import ready_visit

SIZES = [(1366, 700), (1280, 720)]
# German words are longer: every size and type size is checked in German too.
CASES = [(width, height, language) for width, height in SIZES for language in ("en", "de")]
SCALES = [1.0, 1.3]
STEPS = (
    "patient",
    "screening",
    "consent",
    "prep",
    "plan",
    "treat",
    "finish",
    "records",
    "settings",
)
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
)


@pytest.fixture
def themed(request: pytest.FixtureRequest) -> Iterator[float]:
    """The room's theme at the given type size; the plain one restored for other tests."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet = app.font(), app.styleSheet()
    theme.apply(app, request.param)
    yield request.param
    app.setStyleSheet(sheet)
    app.setFont(font)


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def combo_fits(combo: QComboBox) -> bool:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) <= field.width()


def line_edit_fits(edit: QLineEdit) -> bool:
    """What an empty field asks for ("Practitioner PIN") shows whole. (A typed text longer
    than its field scrolls with the cursor, as in any field.)"""
    shown = "" if edit.text() else edit.placeholderText()
    if not shown:
        return True
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    box = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    room = box.width() - margins.left() - margins.right() - 2 * 2  # Qt's 2 px either side
    return edit.fontMetrics().horizontalAdvance(shown) <= room


def label_fits(label: QLabel) -> bool:
    if label.wordWrap() or not label.text() or "<" in label.text():
        return True  # wrapped or rich text: Qt lays it out in the space it has
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


def cells_cut_short(view: QAbstractItemView) -> list[str]:
    """The texts a table or list shows elided ("Pinpoint …") or with lines cut off: the
    delegate's own size for the text at the cell's width must fit the cell."""
    cut: list[str] = []
    model = view.model()
    if model is None:
        return cut
    root = view.rootIndex()
    # A list model's column count is private in PySide; a list shows one column.
    columns = (
        [view.modelColumn()] if isinstance(view, QListView) else range(model.columnCount(root))
    )
    for row in range(model.rowCount(root)):
        for col in columns:
            index = model.index(row, col, root)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            cell = view.visualRect(index)
            if not text or cell.isEmpty():
                continue  # an empty cell, or a hidden row or column
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            option.rect = cell
            wanted = view.itemDelegateForIndex(index).sizeHint(option, index)
            if wanted.width() > cell.width() or wanted.height() > cell.height():
                cut.append(str(text))
    return cut


def problems_on(window: MainWindow, key: str) -> list[str]:
    # The step names beside it, whole ("5  Vorbereitung", not "5  Vorbereit…").
    found = [f"{key}: step {name!r} cut short" for name in cells_cut_short(window.sidebar)]
    screen = window.screen_for(key)
    holder = window._holders[key]
    if holder.horizontalScrollBar().maximum() > 0:
        found.append(f"{key}: scrolls sideways by {holder.horizontalScrollBar().maximum()} px")
    visible = holder.viewport().width()
    for control in screen.findChildren(QWidget):
        if not (isinstance(control, CONTROLS) and control.isVisible() and control.isEnabled()):
            continue
        r = rect_in(control, screen)
        if r.left() < 0 or r.right() > visible:
            found.append(
                f"{key}: {control.accessibleName() or type(control).__name__} "
                f"{getattr(control, 'text', lambda: '')()!r} off to the side"
            )
        if isinstance(control, QLineEdit) and not line_edit_fits(control):
            found.append(f"{key}: prompt {control.placeholderText()!r} cut short")
        if isinstance(control, QComboBox) and not combo_fits(control):
            found.append(f"{key}: {control.currentText()!r} cut short")
        if isinstance(control, QAbstractItemView):
            if control.horizontalScrollBar().maximum() > 0:
                found.append(f"{key}: {type(control).__name__} scrolls sideways")
            found += [f"{key}: cell {text!r} cut short" for text in cells_cut_short(control)]
    for label in screen.findChildren(QLabel):
        if label.isVisible() and not label_fits(label):
            found.append(f"{key}: label {label.text()!r} cut short")
    for button in getattr(screen, "action_buttons", ()):
        if not button.isVisible():
            continue
        if not window.rect().contains(rect_in(button, window)):
            found.append(f"{key}: {button.text()!r} is not on screen")
        if button.width() < button.minimumSizeHint().width():
            found.append(f"{key}: {button.text()!r} squeezed")
    return found


def zone_row(plan: QWidget, zone_id: str) -> int:
    zones = plan.zones  # type: ignore[attr-defined]
    rows = range(zones.count())
    return next(r for r in rows if zones.item(r).data(Qt.ItemDataRole.UserRole) == zone_id)


def treated_visit(ctx: AppContext, patient: str, clock: FakeClock) -> str:
    """A visit with the longest texts the steps show: the zone around the eyes, a cartridge
    type, a depth change and the endpoint "Pinpoint bleeding"."""
    service = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    eyes = service.plan_area(visit_id, "periorbital", depth_text="0.25", target_passes=2)
    cheeks = service.plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=2)
    for area, later_depth in ((eyes, None), (cheeks, "1.0")):
        service.start_pass(area, "vertical")
        clock.advance(30)
        service.stop_pass()
        if later_depth:
            service.change_depth(area, later_depth)
    service.set_endpoint(eyes, "pinpoint_bleeding")
    service.set_endpoint(cheeks, "erythema")
    return visit_id


@pytest.mark.parametrize("themed", SCALES, indirect=True)
@pytest.mark.parametrize(("width", "height", "language"), CASES)
def test_every_step_fits_a_small_room_monitor(
    qtbot: QtBot,
    ctx: AppContext,
    staff: list[str],
    patient: str,
    clock: FakeClock,
    themed: float,
    width: int,
    height: int,
    language: str,
) -> None:
    app = QApplication.instance()
    assert app is not None
    assert i18n.install(app, language) == (language != "en")
    try:
        _check_every_step(qtbot, ctx, staff, patient, clock, width, height)
    finally:
        i18n.install(app, "en")


def _check_every_step(
    qtbot: QtBot,
    ctx: AppContext,
    staff: list[str],
    patient: str,
    clock: FakeClock,
    width: int,
    height: int,
) -> None:
    visit_id = treated_visit(ctx, patient, clock)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)  # before signing in: no offer to resume it
    window.flow.set_practitioner(staff[0])
    window.show()
    window.resize(width, height)
    problems: list[str] = []
    for key in STEPS:
        window.show_screen(key)
        if key == "patient":
            window.screen_for("patient").open_patient(patient)  # type: ignore[attr-defined]
        qtbot.wait(1)  # let the layouts settle
        assert (window.width(), window.height()) == (width, height), (
            f"{key} pushes the window to {window.width()}×{window.height()}"
        )
        problems += problems_on(window, key)
        if key == "plan":
            # A tenfold slip (2.5 for 0.25 on the nose): the warnings, the tick and the reason.
            plan = window.screen_for("plan")
            plan.zones.setCurrentRow(zone_row(plan, "nose"))  # type: ignore[attr-defined]
            plan.depth_input.setText("2.5")  # type: ignore[attr-defined]
            plan.add.click()  # type: ignore[attr-defined]
            qtbot.wait(1)
            assert plan.reason.isVisible()  # type: ignore[attr-defined]
            problems += problems_on(window, "plan")
        if key == "consent":
            # The visit is covered by a consent on record; the signing page is the other half.
            window.screen_for("consent").sign_again.click()  # type: ignore[attr-defined]
            qtbot.wait(1)
            problems += problems_on(window, "consent")
    window.close()
    assert problems == [], "\n".join(problems)


def test_first_start_opens_maximised(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_geometry_saved_on_a_bigger_monitor_never_exceeds_this_one(
    qtbot: QtBot, ctx: AppContext
) -> None:
    bigger = MainWindow(ctx)
    qtbot.addWidget(bigger)
    bigger.setWindowState(Qt.WindowState.WindowNoState)
    bigger.show()
    bigger.resize(2560, 1440)
    bigger.move(900, 500)
    bigger.close()  # saves its geometry
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    available = QApplication.primaryScreen().availableGeometry()
    assert available.contains(window.geometry())


@pytest.mark.parametrize("themed", SCALES, indirect=True)
@pytest.mark.parametrize(("width", "height", "language"), CASES)
def test_finish_with_its_sheet_beside_keeps_every_cell_whole(
    qtbot: QtBot,
    ctx: AppContext,
    staff: list[str],
    patient: str,
    clock: FakeClock,
    themed: float,
    width: int,
    height: int,
    language: str,
) -> None:
    """Once completed, the sheet's page takes half the room (or goes under the record where
    there is not room for both): the record keeps its texts, nothing scrolls sideways."""
    app = QApplication.instance()
    assert app is not None
    assert i18n.install(app, language) == (language != "en")
    try:
        _check_finish_with_sheet(qtbot, ctx, staff, patient, clock, width, height)
    finally:
        i18n.install(app, "en")


def _check_finish_with_sheet(
    qtbot: QtBot,
    ctx: AppContext,
    staff: list[str],
    patient: str,
    clock: FakeClock,
    width: int,
    height: int,
) -> None:
    from console.visit.completion import CompleteVisit

    visit_id = treated_visit(ctx, patient, clock)
    CompleteVisit(ctx).run(visit_id, notes="", adverse_events="")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.set_practitioner(staff[0])
    window.show()
    window.resize(width, height)
    window.show_screen("finish")
    finish = window.screen_for("finish")
    qtbot.waitUntil(lambda: finish.preview is not None and finish.preview.isVisible())  # type: ignore[attr-defined]
    qtbot.wait(1)
    table = finish.table  # type: ignore[attr-defined]
    endpoints = [table.item(r, 4).text() for r in range(table.rowCount())]
    assert {"Pinpoint bleeding", "Punktförmige Blutung"} & set(endpoints)
    assert cells_cut_short(table) == []
    assert table.horizontalScrollBar().maximum() == 0
    sideways = window._holders["finish"].horizontalScrollBar().maximum()
    assert sideways == 0, f"the page scrolls sideways {sideways} px"
    # The sheet's page is seen whole across: smaller where the room is narrow, not cut.
    pages = finish.preview.pages  # type: ignore[attr-defined]
    assert pages.horizontalScrollBar().maximum() == 0
    for page in pages.page_labels():
        assert rect_in(page, pages.viewport()).right() <= pages.viewport().width()
    window.close()


@pytest.mark.parametrize("themed", [1.3], indirect=True)
def test_completing_in_german_on_a_1280_monitor_puts_the_sheet_under_the_record(
    qtbot: QtBot,
    ctx: AppContext,
    staff: list[str],
    patient: str,
    clock: FakeClock,
    themed: float,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sheet arrives while Finish is on screen (the window keeps its width): where record
    and sheet do not fit side by side, the sheet goes under the record, tall enough to read."""
    from console.ui.widgets.common import Confirm

    app = QApplication.instance()
    assert app is not None
    assert i18n.install(app, "de")
    try:
        visit_id = treated_visit(ctx, patient, clock)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.flow.set_patient(patient)
        window.flow.set_visit(visit_id)
        window.flow.set_practitioner(staff[0])
        window.show()
        window.resize(1280, 720)
        window.show_screen("finish")
        finish = window.screen_for("finish")
        qtbot.wait(1)
        monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))
        finish.complete.click()  # type: ignore[attr-defined]
        preview = finish.preview  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: preview is not None and preview.isVisible())
        qtbot.wait(20)  # the backup after the visit starts once the screen has painted
        if finish.backup_thread is not None:  # type: ignore[attr-defined]
            finish.backup_thread.join()  # type: ignore[attr-defined]
        qtbot.wait(1)
        holder = window._holders["finish"]
        assert holder.horizontalScrollBar().maximum() == 0
        table = finish.table  # type: ignore[attr-defined]
        assert rect_in(preview, finish).top() > rect_in(table, finish).bottom()
        assert preview.pages.height() >= 400  # a readable part of the page, not a sliver
        assert cells_cut_short(table) == []
        window.close()
    finally:
        i18n.install(app, "en")
