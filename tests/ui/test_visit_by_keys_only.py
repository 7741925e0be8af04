"""A whole visit on a 1366×700 window by key events alone, pedal included, as a gloved
practitioner drives it: every key goes to the widget that has the focus, no mouse event is
posted and no widget method is called except to read what the practitioner sees."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.data import practitioners_repo, visits_repo
from console.settings import service as settings_service
from console.ui.shell.main_window import MainWindow
from console.visit.service import VisitService
from tests.conftest import (
    cartridge_scan,
    no_contraindications,
    one_area_visit,
    require_tool,
)
from tests.consent_support import consent_for
from tests.pins import cached_hash

PEDAL = "F8"  # what the clinic's foot pedal sends, set in Settings
NO_MODS = Qt.KeyboardModifier.NoModifier
# The real modal loop: tests/ui/conftest.py fails any dialog by default; this test answers
# its one confirmation by keys, as the practitioner does.
REAL_MESSAGE_BOX_EXEC = QMessageBox.exec


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(k: Qt.Key, text: str = "", mods: Qt.KeyboardModifier = NO_MODS) -> None:
    """One key press and release, sent where the keyboard would send it: the focus."""
    target = focused()
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(target, QKeyEvent(kind, k, mods, text))
        target = QApplication.focusWidget() or target  # a press may move the focus
    QCoreApplication.processEvents()


def type_in(text: str) -> None:
    """Characters as key events carrying their text (non-ASCII safe); a newline is Enter."""
    for ch in text:
        if ch == "\n":
            key(Qt.Key.Key_Return)
        elif ch == "\t":
            key(Qt.Key.Key_Tab)
        else:
            key(Qt.Key.Key_unknown, ch)


def tab_to(is_target: Callable[[QWidget], bool], limit: int = 60) -> QWidget:
    """Tab through the page until the focus is where ``is_target`` says."""
    for _ in range(limit):
        if is_target(focused()):
            return focused()
        key(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the target; focus is on {focused()!r}")


def answer_yes_by_keys(answers: list[str], tries: int = 100) -> None:
    """When the confirmation opens: Tab from its safe default to the Yes button, Space.
    Never found within ``tries`` looks: nothing to answer, and the test fails on ``answers``."""

    def answer(left: int = tries) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if left:
                QTimer.singleShot(20, lambda: answer(left - 1))
            return
        answers.append(box.windowTitle())
        tab_to(
            lambda w: (
                isinstance(w, QAbstractButton)
                and box.buttonRole(w) == QMessageBox.ButtonRole.YesRole
            )
        )
        key(Qt.Key.Key_Space, " ")

    QTimer.singleShot(0, answer)


def sheet_text(path: Path) -> str:
    tool = require_tool("pdftotext", "poppler-utils")
    out = subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@pytest.fixture
def series_patient(ctx: AppContext, staff: list[str], patient: str, clock: FakeClock) -> str:
    """A patient whose first session (with its signed consent) was 7 weeks ago; the
    pedal key set by the admin; then everyone signed out."""
    one_area_visit(ctx, patient, clock, serial="0100")
    with ctx.db.atomic():  # the nurse's PIN, as an admin would set it in Settings
        practitioners_repo.set_pin_hash(ctx.db, staff[1], cached_hash("1357"))
    settings_service.save(ctx, {"keys.pass_toggle": PEDAL})
    clock.advance(7 * 7 * 24 * 3600)
    ctx.practitioner_id = None
    return patient


class MouseWatch(QObject):
    """Counts every mouse button event the application delivers: there must be none."""

    KINDS = (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
    )

    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.KINDS:
            self.seen += 1
        return False


@pytest.fixture
def mouse_events() -> Iterator[MouseWatch]:
    watch = MouseWatch()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watch)
    yield watch
    app.removeEventFilter(watch)


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, series_patient: str) -> Iterator[MainWindow]:
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowState.WindowNoState)
    w.resize(1366, 700)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w
    w.close()


def test_a_whole_visit_by_keys_and_pedal_only(
    qtbot: QtBot,
    window: MainWindow,
    ctx: AppContext,
    staff: list[str],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    mouse_events: MouseWatch,
) -> None:
    monkeypatch.setattr(QMessageBox, "exec", REAL_MESSAGE_BOX_EXEC)
    assert window.width() == 1366 and window.height() == 700
    # Sign-in: arrows pick Nurse Chloé Martin from the list, her PIN, Enter.
    assert window.current_key() == "signin"
    signin = window.screen_for("signin")
    for _ in range(5):
        if signin.names.current_id() == staff[1]:
            break
        key(Qt.Key.Key_Down)
    assert signin.names.current_id() == staff[1]
    type_in("1357\n")
    assert window.current_key() == "patient", signin.error.text()
    assert ctx.practitioner_id == staff[1]

    # Patient: typed without accents, Enter opens the first hit, Enter starts the visit.
    patient = window.screen_for("patient")
    assert focused() is patient.search
    type_in("zoe lukasz")
    assert patient.result_names() == ["Zoë Łukasz-Nguyễn"]
    key(Qt.Key.Key_Return)
    assert focused() is patient.start_button
    key(Qt.Key.Key_Return)
    assert window.current_key() == "screening"
    visit_id = window.flow.visit_id
    assert visit_id is not None
    banner = window.status.text()
    assert "Zoë Łukasz-Nguyễn" in banner and "14 Mar 1988" in banner

    # Screening: N on each question (the focus moves on by itself), Enter checks.
    screening = window.screen_for("screening")
    for q in screening.questions:
        assert focused() in (q.no, q.yes), q.item.text
        key(Qt.Key.Key_N, "n")
    key(Qt.Key.Key_Return)
    assert window.current_key() == "consent", screening.where.text()
    assert "Zoë Łukasz-Nguyễn" in window.status.text()

    # Consent: the first session's signed consent covers this one: Enter uses it.
    consent = window.screen_for("consent")
    assert focused() is consent.use_on_record
    key(Qt.Key.Key_Return)
    assert window.current_key() == "prep", consent.covered_error.text()

    # Prep: the scan field has the focus; Shift+Tab back to the device, arrows choose it.
    prep = window.screen_for("prep")
    assert focused() is prep.scan
    assert "Zoë Łukasz-Nguyễn" in window.status.text()
    for _ in range(3):
        key(Qt.Key.Key_Backtab, "", Qt.KeyboardModifier.ShiftModifier)
    assert focused() is prep.device
    key(Qt.Key.Key_Down)
    assert prep.device.currentData() == "skinpen-precision"
    tab_to(lambda w: w is prep.seal)
    key(Qt.Key.Key_Space, " ")
    assert prep.seal.isChecked()
    tab_to(lambda w: w is prep.scan)
    type_in(cartridge_scan("9001", lot="KEYS7") + "\n")
    assert prep.cartridge_error.text() == ""
    assert prep.cartridges.count() == 1
    tab_to(lambda w: w is prep.gel_product)
    type_in("Skinfuse Lift HA\tHA-2611\t")
    assert focused() is prep.gel_save
    key(Qt.Key.Key_Space, " ")
    assert prep.gel_error.text() == ""
    tab_to(lambda w: w is prep.cleansed)
    key(Qt.Key.Key_Space, " ")
    assert prep.missing.text() == "Ready."
    tab_to(lambda w: w is prep.next)
    key(Qt.Key.Key_Return)
    assert window.current_key() == "plan"

    # Plan: the area list has the focus; arrows to an area, Enter, the depth typed, Enter.
    plan = window.screen_for("plan")
    assert focused() is plan.zones
    for zone, depth in (("cheeks", "0,75\n"), ("neck", "0.5\n")):
        for _ in range(plan.zones.count()):
            item = plan.zones.currentItem()
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == zone:
                break
            key(Qt.Key.Key_Right)  # the areas are a wrapped grid: Right is the next one
        key(Qt.Key.Key_Return)
        assert focused() is plan.depth_input, zone
        type_in(depth)
        assert plan.depth_error.text() == "" and plan.warning.text() == "", zone
        assert focused() is plan.zones  # back to the list for the next area
    assert plan.table.rowCount() == 2
    tab_to(lambda w: w is plan.next)
    key(Qt.Key.Key_Return)
    assert window.current_key() == "treat"
    assert "Zoë Łukasz-Nguyễn" in window.status.text()

    # Treat: the pedal starts and stops each pass; 2 sets the endpoint, N the next area.
    treat = window.screen_for("treat")
    assert "Cheeks" in treat.area_title.text()
    for number, seconds in enumerate((35, 33, 31), start=1):
        key(Qt.Key.Key_F8)
        assert treat.state_label.text() == "PASS RUNNING"
        clock.advance(seconds)
        key(Qt.Key.Key_F8)
        assert treat.count_label.text().startswith(f"Pass {number} of ")
        clock.advance(4)
    key(Qt.Key.Key_2, "2")
    key(Qt.Key.Key_N, "n")
    assert "Neck" in treat.area_title.text()
    for number, seconds in enumerate((22, 21), start=1):
        key(Qt.Key.Key_F8)
        clock.advance(seconds)
        key(Qt.Key.Key_F8)
        assert treat.count_label.text().startswith(f"Pass {number} of ")
    key(Qt.Key.Key_1, "1")
    key(Qt.Key.Key_F, "f")
    assert window.current_key() == "finish"
    assert "Zoë Łukasz-Nguyễn" in window.status.text()

    # Finish: notes typed, Ctrl+Enter, the confirmation answered Yes by keys.
    finish = window.screen_for("finish")
    tab_to(lambda w: w is finish.notes)
    type_in("Mild erythema, tolerated well.")
    answers: list[str] = []
    answer_yes_by_keys(answers)
    key(Qt.Key.Key_Return, "", Qt.KeyboardModifier.ControlModifier)
    assert answers == ["Complete visit"]
    assert finish.error.text() == ""
    assert "Completed and locked" in finish.done.text()
    qtbot.waitUntil(lambda: finish.backup_thread is not None, timeout=5000)
    finish.backup_thread.join(timeout=30)

    # The database: what the keys recorded, and the archived sheet of session 2 of 3.
    record = visits_repo.load_record(ctx.db, visit_id)
    assert record.status == "completed" and record.practitioner_name == "Nurse Chloé Martin"
    assert record.series_number == 2
    assert record.notes == "Mild erythema, tolerated well."
    cheeks, neck = record.areas
    assert [p.duration_s for p in cheeks.passes] == [35, 33, 31]
    assert [p.duration_s for p in neck.passes] == [22, 21]
    assert (cheeks.endpoint, neck.endpoint) == ("pinpoint_bleeding", "erythema")
    assert record.cartridges[0].lot == "KEYS7"
    path = ctx.db.execute("SELECT path FROM handouts WHERE visit_id = ?", [visit_id]).fetchone()
    assert path is not None and (ctx.data_dir / path[0]).is_file()
    assert "This was session 2 of 3." in sheet_text(ctx.data_dir / path[0])
    assert mouse_events.seen == 0


def test_prep_tab_order_follows_the_page(
    window: MainWindow, ctx: AppContext, staff: list[str], series_patient: str
) -> None:
    """From Device down the cartridge column, then down the gel and numbing column, then the
    action bar: each Tab lands below the last within a column, never back up the page."""
    window.flow.set_practitioner(staff[0])  # signed in before the visit: nothing to resume
    ctx.practitioner_id = staff[0]
    visit_id = VisitService(ctx).start_visit(series_patient)
    VisitService(ctx).answer_screening(visit_id, no_contraindications(ctx, visit_id))
    consent_for(ctx, visit_id)
    window.flow.set_patient(series_patient)
    window.flow.set_visit(visit_id)
    window.flow.go("prep")
    prep = window.screen_for("prep")
    assert focused() is prep.scan
    while focused() is not prep.device:
        key(Qt.Key.Key_Backtab, "", Qt.KeyboardModifier.ShiftModifier)
    seen: list[QWidget] = []
    while focused() is not prep.next and len(seen) < 60:
        if not seen or focused() is not seen[-1]:  # a time field's Tab moves to its minutes
            seen.append(focused())
        key(Qt.Key.Key_Tab)
    assert focused() is prep.next
    seen.append(prep.next)
    key(Qt.Key.Key_Tab)
    assert focused() is prep.device  # round to the top of the page, no invisible stop between
    cartridge_x = prep.device.mapTo(window, prep.device.rect().topLeft()).x()
    places = [(w.mapTo(window, w.rect().topLeft()), w) for w in seen]
    columns = ["left" if p.x() < cartridge_x + 300 else "right" for p, _w in places]
    # The cartridge column first, then the right-hand one: never back to the left.
    assert columns == sorted(columns), [type(w).__name__ for _p, w in places]
    for (a, wa), (b, wb), ca, cb in zip(places, places[1:], columns, columns[1:], strict=False):
        if ca == cb:
            assert b.y() >= a.y(), f"Tab from {wa!r} goes up the page to {wb!r}"
    for expected in (
        prep.device,
        prep.cartridge_type,
        prep.seal,
        prep.scan,
        prep.gel_product,
        prep.gel_lot,
        prep.gel_save,
        prep.numb_product,
        prep.cleansed,
    ):
        assert expected in seen, expected
