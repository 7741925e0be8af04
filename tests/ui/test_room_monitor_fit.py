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
    QPlainTextEdit,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

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


def label_fits(label: QLabel) -> bool:
    if label.wordWrap() or not label.text() or "<" in label.text():
        return True  # wrapped or rich text: Qt lays it out in the space it has
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


def problems_on(window: MainWindow, key: str) -> list[str]:
    found: list[str] = []
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
        if isinstance(control, QComboBox) and not combo_fits(control):
            found.append(f"{key}: {control.currentText()!r} cut short")
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


@pytest.mark.parametrize("themed", SCALES, indirect=True)
@pytest.mark.parametrize(("width", "height", "language"), CASES)
def test_every_step_fits_a_small_room_monitor(
    qtbot: QtBot,
    ctx: AppContext,
    staff: list[str],
    patient: str,
    themed: float,
    width: int,
    height: int,
    language: str,
) -> None:
    app = QApplication.instance()
    assert app is not None
    assert i18n.install(app, language) == (language != "en")
    try:
        _check_every_step(qtbot, ctx, staff, patient, width, height)
    finally:
        i18n.install(app, "en")


def _check_every_step(
    qtbot: QtBot, ctx: AppContext, staff: list[str], patient: str, width: int, height: int
) -> None:
    visit_id = ready_visit(ctx, patient)
    # The longest names the steps show: the zone around the eyes, a cartridge type.
    VisitService(ctx).plan_area(visit_id, "periorbital", depth_text="0.25", target_passes=2)
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
