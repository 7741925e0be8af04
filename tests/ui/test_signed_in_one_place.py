"""Who is signed in lives in the context only: the visit flow reads it and announces changes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.ui.shell.flow import VisitFlow
from console.ui.shell.main_window import MainWindow


def test_the_flow_and_the_services_never_disagree_about_who_is_signed_in(
    ctx: AppContext, staff: list[str]
) -> None:
    flow = VisitFlow(ctx.signed_in)
    seen: list[object] = []
    flow.practitioner_changed.connect(seen.append)
    flow.set_practitioner(staff[1])
    assert ctx.practitioner_id == staff[1]  # what services stamp on records
    assert seen == [staff[1]]
    ctx.practitioner_id = None  # e.g. a script signing out through the context
    assert flow.practitioner_id is None


def test_the_window_shows_whoever_the_context_has_signed_in(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.flow.practitioner_id == staff[0] == ctx.practitioner_id
    window.flow.set_practitioner(staff[2])
    assert ctx.practitioner_id == staff[2]
    assert "Aesthetician Nguyễn Thu" in window.status.text()
