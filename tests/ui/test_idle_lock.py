"""The idle lock hides the patient, keeps the pass running, and opens only with a PIN."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo, practitioners_repo
from console.settings import service as settings_service
from console.ui.shell.lock import IdleLock
from console.ui.shell.main_window import MainWindow
from console.visit.service import VisitService
from tests.conftest import ready_visit
from tests.pins import cached_hash

PATIENT = "Zoë Łukasz-Nguyễn"


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> MainWindow:
    for pid, pin in zip(staff, ("2468", "1357", "8642"), strict=True):
        practitioners_repo.set_pin_hash(ctx.db, pid, cached_hash(pin))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    return w


_REAL_GET = settings_service.get


def _idle_ms(monkeypatch: pytest.MonkeyPatch, ms: int) -> None:
    """The setting is whole minutes (1 to 60; a room file holding less is refused): the lock
    reads a sub-minute timeout here so the tests need not wait a minute."""

    def get(ctx: AppContext, key: str) -> object:
        return ms / 60_000 if key == "room.idle_lock_minutes" else _REAL_GET(ctx, key)

    monkeypatch.setattr(settings_service, "get", get)


@pytest.fixture
def lock(
    window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> Iterator[IdleLock]:
    _idle_ms(monkeypatch, 150)  # a short one keeps the test fast
    idle = IdleLock(window, ctx, window.flow)
    yield idle
    idle.uninstall()


def _sign_in(window: MainWindow, ctx: AppContext, pid: str) -> None:
    ctx.practitioner_id = pid
    window.flow.set_practitioner(pid)


def _visible_text(widget: object) -> str:
    return " ".join(
        label.text()
        for label in widget.findChildren(QLabel)
        if label.isVisibleTo(widget)  # type: ignore[attr-defined]
    )


def _type_pin(qtbot: QtBot, lock: IdleLock, pin: str) -> None:
    qtbot.keyClicks(lock.overlay.pad.field, pin)
    qtbot.keyClick(lock.overlay.pad.field, Qt.Key.Key_Return)


def test_idle_lock_hides_the_patient_and_the_pass_keeps_running(
    qtbot: QtBot,
    window: MainWindow,
    lock: IdleLock,
    ctx: AppContext,
    staff: list[str],
    patient: str,
    clock: FakeClock,
) -> None:
    _sign_in(window, ctx, staff[0])
    visit_id = ready_visit(ctx, patient)
    VisitService(ctx).plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=3)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.show_screen("treat")
    treat = window.screen_for("treat")
    treat.toggle_pass()
    assert treat.session.running_area_id is not None
    assert PATIENT in window.status.text()

    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    overlay = lock.overlay
    assert overlay.isVisible() and overlay.geometry() == window.rect()
    assert PATIENT not in _visible_text(overlay)
    assert "Dr Amara Okafor" in overlay.message.text()
    # Behind the lock the pass timer keeps ticking and the pedal key does nothing.
    clock.advance(90)
    qtbot.keyClick(overlay.pad.field, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert treat.session.running_area_id is not None
    assert treat.tick.isActive()
    qtbot.waitUntil(lambda: treat.timer_label.text() == "1:30", timeout=2000)

    _type_pin(qtbot, lock, "1111")
    assert "Wrong PIN" in overlay.error.text() and lock.locked
    _type_pin(qtbot, lock, "2468")
    assert not lock.locked and not overlay.isVisible()
    assert window.flow.visit_id == visit_id and ctx.practitioner_id == staff[0]
    clock.advance(10)
    done = treat.session.stop_pass().value
    assert done.duration_s == pytest.approx(100)
    auth_rows = audit_repo.rows(ctx.db, filter=audit_repo.AuditFilter(action="auth."))
    # The visit's consent was countersigned by PIN before the pass (also an auth row).
    assert [r["action"] for r in auth_rows] == [
        "auth.unlock",
        "auth.unlock_failed",
        "auth.lock",
        "auth.consent_countersign",
    ]
    lock_row = audit_repo.rows(ctx.db, filter=audit_repo.AuditFilter(action="auth.lock"))[0]
    assert json.loads(lock_row["detail"]) == {"reason": "idle"}


def test_input_keeps_it_open_and_nobody_signed_in_means_no_lock(
    qtbot: QtBot,
    window: MainWindow,
    lock: IdleLock,
    ctx: AppContext,
    staff: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx.practitioner_id = None  # the staff fixture signed someone in; here nobody is yet
    _idle_ms(monkeypatch, 400)
    lock.reload_settings()
    qtbot.wait(600)
    assert not lock.locked  # nobody signed in: nothing to hide
    _sign_in(window, ctx, staff[0])
    for _ in range(8):
        qtbot.keyClick(window, Qt.Key.Key_Shift)
        qtbot.wait(100)
    assert not lock.locked
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)


def test_lock_key_and_another_practitioner_takes_over(
    qtbot: QtBot,
    window: MainWindow,
    lock: IdleLock,
    ctx: AppContext,
    staff: list[str],
    patient: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A real room setting this time: one minute, saved in this PC's room file.
    monkeypatch.setattr(settings_service, "get", _REAL_GET)
    settings_service.save(ctx, {"room.idle_lock_minutes": 1})
    _sign_in(window, ctx, staff[0])
    assert lock.timer.interval() == 60_000
    window.flow.set_patient(patient)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert lock.locked
    # The nurse chooses her name (arrow key) and her PIN: the visit stays, she is recorded.
    field = lock.overlay.pad.field
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert lock.overlay.names.current_id() == staff[1]
    _type_pin(qtbot, lock, "1357")
    assert not lock.locked
    assert ctx.practitioner_id == staff[1] == window.flow.practitioner_id
    assert window.flow.patient_id == patient
    assert "Nurse Chloé Martin" in window.status.text()
    rows = audit_repo.rows(ctx.db, limit=3)
    assert [r["action"] for r in rows] == ["auth.switch", "auth.unlock", "auth.lock"]
    assert json.loads(rows[0]["detail"]) == {"previous": staff[0]}
    assert json.loads(rows[2]["detail"]) == {"reason": "key"}


def test_closing_the_window_stops_the_idle_timer(window: MainWindow, lock: IdleLock) -> None:
    # Left running, it would lock (and audit) a window that is gone, minutes later.
    assert lock.timer.isActive()
    window.close()
    assert not lock.timer.isActive()
    assert not lock.overlay.ticker.isActive()
