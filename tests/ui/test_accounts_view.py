"""Accounts: an admin adds, resets and deactivates; anyone changes their own PIN."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from console.access import auth
from console.context import AppContext
from console.errors import DomainError
from console.ui.settings.accounts_view import AccountsView
from tests.pins import staff_with_pins


def _statuses(view: AccountsView) -> dict[str, str]:
    t = view.table
    return {t.item(r, 0).text(): t.item(r, 2).text() for r in range(t.rowCount())}


def test_admin_adds_resets_a_lockout_and_deactivates(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = staff_with_pins(ctx)
    for _ in range(5):
        with pytest.raises(DomainError):
            auth.sign_in(ctx, ids[2], "0000")
    ctx.practitioner_id = ids[0]
    view = AccountsView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.admin_box.isVisible()
    assert _statuses(view)["Aesthetician Nguyễn Thu"] == "Locked until 14:01"

    view.name.setText("Nurse Siobhán Ó Briain")
    qtbot.keyClicks(view.add_pin, "12")
    view.add.click()
    assert "4 to 12 digits" in view.message.text()
    qtbot.keyClicks(view.add_pin, "5151")
    view.add.click()
    assert _statuses(view)["Nurse Siobhán Ó Briain"] == "Active"
    new_id = view._ids[
        [view.table.item(r, 0).text() for r in range(4)].index("Nurse Siobhán Ó Briain")
    ]
    assert auth.sign_in(ctx, new_id, "5151") == new_id

    view.table.selectRow(view._ids.index(ids[2]))
    qtbot.keyClicks(view.reset_pin, "97531")
    view.reset.click()
    assert _statuses(view)["Aesthetician Nguyễn Thu"] == "Active"
    assert auth.sign_in(ctx, ids[2], "97531") == ids[2]

    monkeypatch.setattr(AccountsView, "ask_confirm", classmethod(lambda cls, parent, text: True))
    view.table.selectRow(view._ids.index(ids[0]))
    view.deactivate.click()
    assert "last admin" in view.message.text()
    view.table.selectRow(view._ids.index(ids[1]))
    view.deactivate.click()
    assert _statuses(view)["Nurse Chloé Martin"] == "Deactivated"


def test_a_practitioner_changes_only_their_own_pin(qtbot: QtBot, ctx: AppContext) -> None:
    ids = staff_with_pins(ctx)
    ctx.practitioner_id = ids[1]
    view = AccountsView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert not view.admin_box.isVisible()
    qtbot.keyClicks(view.old_pin, "1357")
    qtbot.keyClicks(view.new_pin, "86420")
    qtbot.keyClicks(view.new_pin2, "86421")
    view.change.click()
    assert "differ" in view.message.text()
    qtbot.keyClicks(view.old_pin, "1357")
    qtbot.keyClicks(view.new_pin, "86420")
    qtbot.keyClicks(view.new_pin2, "86420")
    view.change.click()
    assert view.message.text() == "Your PIN has been changed."
    assert auth.sign_in(ctx, ids[1], "86420") == ids[1]
