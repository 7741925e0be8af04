"""Behind the lock, the pedal and stray keys never reach the PIN, and a running pass shows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo, practitioners_repo, settings_repo
from console.ui.shell.lock import IdleLock
from console.ui.shell.main_window import MainWindow
from console.visit.service import VisitService
from tests.conftest import ready_visit
from tests.pins import cached_hash
from tests.ui.visit_helpers import press, type_text


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> Iterator[MainWindow]:
    for pid, pin in zip(staff, ("2468", "1357", "8642"), strict=True):
        practitioners_repo.set_pin_hash(ctx.db, pid, cached_hash(pin))
    settings_repo.put(ctx.db, "room.idle_lock_minutes", 60, now=ctx.now(), by=None)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    ctx.practitioner_id = staff[0]
    w.flow.set_practitioner(staff[0])
    yield w
    w.close()


@pytest.fixture
def lock(window: MainWindow, ctx: AppContext) -> Iterator[IdleLock]:
    idle = IdleLock(window, ctx, window.flow)
    window.idle_lock = idle  # type: ignore[attr-defined]
    yield idle
    idle.uninstall()


def failed_unlocks(ctx: AppContext) -> int:
    return len(audit_repo.rows(ctx.db, filter=audit_repo.AuditFilter(action="auth.unlock_failed")))


def test_pedal_space_letters_and_empty_enter_never_count_as_a_pin(
    window: MainWindow, lock: IdleLock, ctx: AppContext, staff: list[str]
) -> None:
    assert lock.lock("key")
    field = lock.overlay.pad.field
    for _ in range(6):  # more presses than it takes to lock an account
        press(field, Qt.Key.Key_Space, " ")  # the default pedal key
        press(field, Qt.Key.Key_F13)  # a pedal set to a key without text
        press(field, Qt.Key.Key_N, "n")  # next area
        press(field, Qt.Key.Key_Return, "\r")  # a pedal that sends Enter
    assert field.text() == ""
    assert failed_unlocks(ctx) == 0
    assert practitioners_repo.get(ctx.db, staff[0])["failed_attempts"] == 0
    assert lock.locked and "Wrong PIN" not in lock.overlay.error.text()
    assert "Type your PIN" in lock.overlay.error.text()
    # A pedal press in the middle of the PIN is dropped; the digits still open the lock.
    type_text(field, "24 6")
    press(field, Qt.Key.Key_Space, " ")
    type_text(field, "8")
    assert field.text() == "2468"
    press(field, Qt.Key.Key_Return, "\r")
    assert not lock.locked
    assert failed_unlocks(ctx) == 0


def test_a_password_account_still_unlocks_by_choosing_to_type_a_password(
    window: MainWindow, lock: IdleLock, ctx: AppContext, staff: list[str]
) -> None:
    practitioners_repo.set_pin_hash(ctx.db, staff[0], cached_hash("glove box 7"))
    assert lock.lock("key")
    field = lock.overlay.pad.field
    type_text(field, "glove box 7")
    assert field.text() == "7"  # letters and spaces are not PIN digits
    field.clear()
    lock.overlay.password.click()
    type_text(field, "glove box 7\n")
    assert not lock.locked
    assert lock.lock("key")
    assert not lock.overlay.password.isChecked()  # back to digits for the next person


def test_the_lock_shows_the_running_pass_and_its_time(
    qtbot: QtBot,
    window: MainWindow,
    lock: IdleLock,
    ctx: AppContext,
    patient: str,
    clock: FakeClock,
) -> None:
    visit_id = ready_visit(ctx, patient)
    VisitService(ctx).plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=3)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.show_screen("treat")
    treat = window.screen_for("treat")
    assert lock.lock("key")
    assert lock.overlay.pass_status.text() == ""  # nothing running: nothing said
    press(lock.overlay.pad.field, Qt.Key.Key_Return, "\r")
    type_text(lock.overlay.pad.field, "2468\n")
    press(treat, Qt.Key.Key_Space, " ")
    assert treat.session.running_area_id is not None
    clock.advance(75)
    assert lock.lock("key")
    status = lock.overlay.pass_status
    assert status.isVisibleTo(lock.overlay)
    assert "Pass running on Cheeks" in status.text() and "1:15" in status.text()
    clock.advance(10)
    qtbot.waitUntil(lambda: "1:25" in status.text(), timeout=3000)
    type_text(lock.overlay.pad.field, "2468\n")
    assert not lock.locked and not lock.overlay.ticker.isActive()
