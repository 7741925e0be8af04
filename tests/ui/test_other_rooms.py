"""The Patient screen with other rooms on the same clinic (issue 13): their new patients show
up in the search typed here, and a visit another room holds is taken over only when confirmed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext, open_context
from console.data import audit_repo
from console.patients.service import PatientForm, PatientService
from console.ui.shell.flow import VisitFlow
from console.ui.steps import visit_hold_dialog
from console.ui.steps.patient import PatientScreen
from console.visit import holding
from console.visit.session import VisitSession
from tests.rooms_support import as_room
from tests.ui.test_patient_screen import type_text


def _screen(qtbot: QtBot, ctx: AppContext) -> PatientScreen:
    flow = VisitFlow(ctx.signed_in)
    screen = PatientScreen(ctx, flow)
    qtbot.addWidget(screen)
    screen.resize(1140, 700)
    screen.show()
    screen.enter()
    return screen


@pytest.fixture
def server_rooms(
    pg_url: str, tmp_path: Path, clock: FakeClock
) -> Iterator[tuple[AppContext, AppContext]]:
    here = open_context(pg_url, clock=clock, data_dir=tmp_path / "room1")
    there = open_context(pg_url, clock=clock, data_dir=tmp_path / "room2")
    from console.demo import clinic as demo

    staff = demo.create_practitioners(here.db, here.now())
    here.practitioner_id = there.practitioner_id = staff[0]
    yield here, there
    there.close()
    here.close()


def test_a_patient_registered_in_another_room_appears_in_the_search_typed_here_within_5_s(
    qtbot: QtBot, server_rooms: tuple[AppContext, AppContext]
) -> None:
    here, there = server_rooms
    screen = _screen(qtbot, here)
    type_text(screen.search, "odeg")
    assert screen.result_names() == []
    assert screen.list_watch.timer.isActive()

    PatientService(there).register(
        PatientForm(full_name="Anna Ödegaard", date_of_birth="01.05.1990")
    )

    qtbot.waitUntil(lambda: screen.result_names() == ["Anna Ödegaard"], timeout=5000)
    screen.hide()
    assert not screen.list_watch.timer.isActive()  # nothing polled while not shown


def test_on_the_room_s_own_file_nothing_is_polled(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = _screen(qtbot, ctx)
    type_text(screen.search, "odeg")
    assert not screen.list_watch.timer.isActive()


def test_a_visit_another_room_holds_is_taken_over_only_when_confirmed(
    qtbot: QtBot,
    ctx: AppContext,
    staff: list[str],
    patient: str,
    db_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    visit_id = VisitSession.start(as_room(ctx, "Room 1"), patient).visit_id
    clock.advance(5 * 60)
    other = open_context(db_path, clock=clock, data_dir=db_path.parent)
    try:
        other.practitioner_id = staff[1]
        as_room(other, "Treatment room 2")
        screen = _screen(qtbot, other)
        asked: list[str] = []

        def answer(reply: bool) -> None:
            def ask(_parent: object, held: holding.HeldElsewhere) -> bool:
                asked.append(held.message)
                return reply

            monkeypatch.setattr(visit_hold_dialog.TakeOver, "ask", ask)

        screen.open_patient(patient)
        assert "Resume visit" in screen.start_button.text()
        answer(False)  # the safe default: No
        screen.start_button.click()
        anna = other.db.execute(
            "SELECT display_name FROM practitioners WHERE id = ?", [staff[0]]
        ).fetchone()[0]
        assert asked == [f"Room 1 has this visit open since 14:00 ({anna})."]
        assert screen.visit_error.text() == asked[0]
        assert screen.flow.visit_id is None
        assert holding.holder(other, visit_id).room == "Room 1"

        answer(True)
        screen.start_button.click()
        assert screen.flow.visit_id == visit_id
        assert holding.holder(other, visit_id).room == "Treatment room 2"
        taken = [r for r in audit_repo.rows(other.db) if r["action"] == "visit.taken_over"]
        assert len(taken) == 1 and '"from_room": "Room 1"' in taken[0]["detail"]
    finally:
        other.close()


def test_records_lists_read_again_when_shown_so_another_room_s_visit_appears(
    qtbot: QtBot, ctx: AppContext, staff: list[str], patient: str, db_path: Path, clock: FakeClock
) -> None:
    from console.ui.records.screen import RecordsScreen
    from tests.conftest import one_area_visit

    screen = RecordsScreen(ctx, VisitFlow(ctx.signed_in))
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentWidget(screen.day_log)
    assert screen.day_log.tree.topLevelItemCount() == 0

    other = open_context(db_path, clock=clock, data_dir=db_path.parent)
    try:
        other.practitioner_id = staff[1]
        one_area_visit(as_room(other, "Room 2"), patient, clock, serial="0777")
    finally:
        other.close()

    screen.tabs.setCurrentWidget(screen.day_log)  # as it was: the visit is not in it yet
    screen.hide()
    screen.show()
    screen.enter()  # the practitioner comes back to Records, Day log still chosen
    assert screen.day_log.tree.topLevelItemCount() == 1

    screen.tabs.setCurrentWidget(screen.due)
    assert screen.due.entries == []  # the next session is seven weeks away
    clock.advance(49 * 24 * 3600)
    screen.enter()
    assert len(screen.due.entries) == 1
