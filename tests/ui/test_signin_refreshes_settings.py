"""Whoever signs in sees Settings with their own rights, never the last person's unsaved edits.

Driven as in the room: the admin is in Settings, the screen locks, someone else (or the
same person) unlocks with their PIN at the lock screen.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from console.access import auth
from console.context import AppContext
from console.data import audit_repo, practitioners_repo, settings_repo
from console.ui.settings.accounts_view import AccountsView
from console.ui.shell.lock import IdleLock
from console.ui.shell.main_window import MainWindow
from tests.pins import cached_hash
from tests.ui.visit_helpers import press, type_text

SAVED_NAME = "Your clinic"


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> Iterator[MainWindow]:
    for pid, pin in zip(staff, ("2468", "1357", "8642"), strict=True):
        practitioners_repo.set_pin_hash(ctx.db, pid, cached_hash(pin))
    settings_repo.put(ctx.db, "room.idle_lock_minutes", 60, now=ctx.now(), by=None)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.idle_lock = IdleLock(w, ctx, w.flow)  # type: ignore[attr-defined]
    ctx.practitioner_id = staff[0]
    w.flow.set_practitioner(staff[0])
    yield w
    w.idle_lock.uninstall()  # type: ignore[attr-defined]
    w.close()


def unlock_as(window: MainWindow, who: str, pin: str) -> None:
    """Lock, then choose ``who`` with the arrow keys and type the PIN."""
    lock: IdleLock = window.idle_lock  # type: ignore[attr-defined]
    assert lock.lock("key")
    field = lock.overlay.pad.field
    for _ in range(len(lock.overlay.names.buttons())):
        if lock.overlay.names.current_id() == who:
            break
        press(field, Qt.Key.Key_Down)
    type_text(field, pin + "\n")
    assert not lock.locked, lock.overlay.error.text()


def tabs(screen: object) -> list[str]:
    return [screen.tabs.tabText(i) for i in range(screen.tabs.count())]  # type: ignore[attr-defined]


def half_typed_clinic_name(window: MainWindow) -> object:
    window.show_screen("settings")
    screen = window.screen_for("settings")
    assert not screen.read_only and tabs(screen)[-2:] == ["Accounts", "Audit"]
    screen.clinic.name.selectAll()
    type_text(screen.clinic.name, "Half-typed by the admin")
    assert screen.clinic.dirty
    return screen


def test_a_practitioner_unlocking_gets_the_read_only_view_and_no_admin_tabs(
    window: MainWindow, ctx: AppContext, staff: list[str]
) -> None:
    screen = half_typed_clinic_name(window)
    type_text(screen.accounts.name, "Someone New")
    unlock_as(window, staff[1], "1357")  # Nurse Chloé Martin, not an admin
    assert ctx.practitioner_id == staff[1]
    assert window.current_key() == "settings"
    assert screen.read_only and "Only an admin" in screen.banner.text()
    assert "Accounts" not in tabs(screen) and "Audit" not in tabs(screen)
    assert screen.accounts is None and screen.audit is None
    assert not screen.clinic.name.isEnabled()
    assert screen.clinic.name.text() == SAVED_NAME
    assert "Dr Amara Okafor" in screen.notice.text() and "discarded" in screen.notice.text()


def test_another_admins_unsaved_edits_are_discarded_not_saved_under_the_new_one(
    window: MainWindow, ctx: AppContext, staff: list[str]
) -> None:
    second_admin = auth.create_practitioner(ctx, "Dr Bea Ortiz", "admin", "9753")
    screen = half_typed_clinic_name(window)
    screen.protocol.rules.set_cell(0, "text", "Wording the first admin never saved")
    type_text(screen.accounts.reset_pin, "4321")
    unlock_as(window, second_admin, "9753")
    assert ctx.practitioner_id == second_admin and not screen.read_only
    assert screen.clinic.name.text() == SAVED_NAME and not screen.clinic.dirty
    assert not screen.protocol.dirty
    assert screen.protocol.rules.items()[0]["text"] != "Wording the first admin never saved"
    assert screen.accounts.reset_pin.text() == ""
    assert "Dr Amara Okafor" in screen.notice.text()
    assert screen.save_settings()
    assert settings_repo.get(ctx.db, "clinic.name") == SAVED_NAME
    changes = audit_repo.rows(ctx.db, filter=audit_repo.AuditFilter(action="settings."))
    assert changes == []


def test_the_same_admin_keeps_their_edits_and_rights_are_read_again_at_every_unlock(
    window: MainWindow, ctx: AppContext, staff: list[str]
) -> None:
    screen = half_typed_clinic_name(window)
    unlock_as(window, staff[0], "2468")  # the same admin: their edits stay theirs
    assert screen.clinic.name.text() == "Half-typed by the admin"
    # Demoted meanwhile (by another admin, elsewhere): the next unlock shows it at once.
    ctx.db.execute("UPDATE practitioners SET role = 'practitioner' WHERE id = ?", [staff[0]])
    unlock_as(window, staff[0], "2468")
    assert screen.read_only and "Accounts" not in tabs(screen)
    assert screen.notice.text() == ""  # nobody else's edits were there to discard


def test_deactivate_account_question_defaults_to_no(qtbot: QtBot, ctx: AppContext) -> None:
    view = AccountsView(ctx)
    qtbot.addWidget(view)
    box = AccountsView.deactivate_box(view, "Deactivate Nurse Chloé Martin?")
    qtbot.addWidget(box)
    box.show()
    no = box.button(QMessageBox.StandardButton.No)
    assert box.defaultButton() is no and box.escapeButton() is no
    press(box, Qt.Key.Key_Return, "\r")  # Enter, as a hurried gloved finger would
    assert box.clickedButton() is no
