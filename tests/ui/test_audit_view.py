"""Admins read the audit trail, narrow it, and export it; others are refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.access import auth
from console.context import AppContext
from console.data import audit_repo
from console.ui.records.audit_view import AuditView
from tests.pins import staff_with_pins


@pytest.fixture
def team(ctx: AppContext) -> list[str]:
    ids = staff_with_pins(ctx)
    auth.sign_in(ctx, ids[1], "1357")
    with pytest.raises(auth.DomainError):
        auth.sign_in(ctx, ids[2], "0000")
    auth.sign_in(ctx, ids[0], "2468")
    ctx.practitioner_id = ids[0]
    return ids


def _column(view: AuditView, c: int) -> list[str]:
    return [view.table.item(r, c).text() for r in range(view.table.rowCount())]


def test_admin_sees_filters_and_exports(
    qtbot: QtBot, ctx: AppContext, team: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = AuditView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert _column(view, 2) == ["auth.signin", "auth.signin_failed", "auth.signin"]
    assert _column(view, 1) == ["Dr Amara Okafor", "Aesthetician Nguyễn Thu", "Nurse Chloé Martin"]
    assert _column(view, 0)[0] == "24 Nov 2026, 14:00:00"
    view.who.setCurrentIndex(view.who.findText("Nurse Chloé Martin"))
    assert _column(view, 2) == ["auth.signin"]
    view.who.setCurrentIndex(0)
    view.action.setCurrentIndex(view.action.findData("auth.signin_failed"))
    assert _column(view, 1) == ["Aesthetician Nguyễn Thu"]
    assert "attempts: 1" in _column(view, 4)[0]
    out = tmp_path / "audit.csv"
    monkeypatch.setattr(AuditView, "ask_path", classmethod(lambda cls, parent, suggested: out))
    view.export.click()
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["action"] for r in rows] == ["auth.signin_failed"]
    assert "Exported 1 entries" in view.summary.text()
    assert audit_repo.rows(ctx.db, limit=1)[0]["action"] == "audit.export"
    view.action.setCurrentIndex(0)  # the choices were refreshed and the selection kept
    assert "audit.export" in _column(view, 2)


def test_a_practitioner_cannot_read_it(qtbot: QtBot, ctx: AppContext, team: list[str]) -> None:
    ctx.practitioner_id = team[1]
    view = AuditView(ctx)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 0
    assert "Only an admin" in view.message.text()
    assert not view.export.isEnabled()


def test_verify_shows_the_chain_state_and_names_an_edited_row(
    qtbot: QtBot, ctx: AppContext, team: list[str], db_path: Path
) -> None:
    import sqlite3

    view = AuditView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.verify.click()
    total = audit_repo.count(ctx.db)
    assert view.chain.text() == f"Audit trail: hash chain intact ({total} rows)."
    ctx.db.conn.commit()
    # Someone with the file drops the trigger and rewrites who failed to sign in.
    raw = sqlite3.connect(str(db_path), isolation_level=None)
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute(
        "UPDATE audit_log SET practitioner_id = ? WHERE action = 'auth.signin_failed'", [team[0]]
    )
    seq = raw.execute("SELECT seq FROM audit_log WHERE action = 'auth.signin_failed'").fetchone()[0]
    raw.close()
    view.verify.click()
    assert view.chain.text().startswith(f"Audit trail broken at row {seq}: ")
    assert view.chain.property("role") == "error"
