"""A visit is worked on in one room at a time (issue 13): two rooms, two connections, on the
clinic's server and on the one-room file (where the same rules hold, harmlessly)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext, open_context
from console.data import audit_repo, patients_repo
from console.visit import holding
from console.visit.holding import HeldElsewhere, TakenOver
from console.visit.service import VisitService
from console.visit.session import VisitSession
from tests.conftest import ready_visit
from tests.rooms_support import as_room


@pytest.fixture(params=["server", "file"])
def two_rooms(
    request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock
) -> Iterator[tuple[AppContext, AppContext]]:
    if request.param == "server":
        target: str | Path = request.getfixturevalue("pg_url")
    else:
        target = tmp_path / "data" / "console.sqlite3"
    one = open_context(target, clock=clock, data_dir=tmp_path / "room1")
    two = open_context(target, clock=clock, data_dir=tmp_path / "room2")
    from console.demo import clinic as demo

    staff = demo.create_practitioners(one.db, one.now())
    one.practitioner_id, two.practitioner_id = staff[0], staff[1]
    yield one, two
    two.close()
    one.close()


def _patient(ctx: AppContext) -> str:
    return patients_repo.insert(
        ctx.db,
        full_name="Anna Ödegaard",
        date_of_birth=date(1990, 5, 1),
        phone="",
        email="",
        fitzpatrick=2,
        now=ctx.now(),
        by=ctx.practitioner_id,
    )


def _passes(ctx: AppContext, area_id: str) -> int:
    row = ctx.db.execute("SELECT COUNT(*) FROM passes WHERE area_id = ?", [area_id]).fetchone()
    return int(row[0])


def _name(ctx: AppContext, practitioner_id: str | None) -> str:
    row = ctx.db.execute(
        "SELECT display_name FROM practitioners WHERE id = ?", [practitioner_id]
    ).fetchone()
    return str(row[0])


def test_a_held_visit_is_refused_taken_over_with_audit_and_the_old_room_cannot_write(
    two_rooms: tuple[AppContext, AppContext], clock: FakeClock
) -> None:
    one, two = two_rooms
    room1 = VisitService(as_room(one, "Room 1"))
    visit_id = ready_visit(one, _patient(one))
    area = room1.plan_area(visit_id, "forehead", depth_text="0.5", target_passes=3)
    room1.start_pass(area, "vertical")
    clock.advance(30)
    room1.stop_pass()
    room1.start_pass(area, "horizontal")  # running when the other room takes over

    clock.advance(9 * 60)
    as_room(two, "Treatment room 2")
    with pytest.raises(HeldElsewhere) as refused:
        VisitSession.resume(two, visit_id)
    anna = _name(one, one.practitioner_id)
    assert refused.value.message == f"Room 1 has this visit open since 14:00 ({anna})."
    assert holding.holder(two, visit_id).room == "Room 1"  # refusing moved nothing

    session = VisitSession.resume(two, visit_id, take_over=True)
    taken = [r for r in audit_repo.rows(two.db) if r["action"] == "visit.taken_over"]
    assert len(taken) == 1
    assert taken[0]["entity_id"] == visit_id
    assert '"from_room": "Room 1"' in taken[0]["detail"]
    assert '"to_room": "Treatment room 2"' in taken[0]["detail"]
    assert holding.holder(two, visit_id).room == "Treatment room 2"

    # Room 1's screen still shows the visit: every write it tries now is refused, whole.
    as_room(one, "Room 1")
    clock.advance(20)
    with pytest.raises(TakenOver) as stale:
        room1.stop_pass()
    assert stale.value.message == "Treatment room 2 took this visit over at 14:09."
    with pytest.raises(TakenOver):
        room1.set_endpoint(area, "erythema")
    with pytest.raises(TakenOver):
        room1.treatment.change_depth(area, "0.25")
    with pytest.raises(TakenOver):
        room1.mark_skin_cleansed(visit_id)
    with pytest.raises(TakenOver):
        room1.record_gel(visit_id, product="Gel", lot="L1")
    with pytest.raises(TakenOver):
        room1.set_step(visit_id, "finish")
    assert _passes(one, area) == 1

    # The room that holds it goes on and completes; completing releases the hold.
    as_room(two, "Treatment room 2")
    assert session.interrupted_passes() == ["Forehead"]
    session.start_pass(area, "diagonal")
    clock.advance(25)
    session.stop_pass()
    session.set_endpoint(area, "erythema")
    session.visits.complete(visit_id)
    hold = holding.holder(two, visit_id)
    assert hold is not None and hold.released_at is not None
    assert _passes(two, area) == 2


def test_leaving_a_visit_lets_another_room_resume_it_without_asking(
    two_rooms: tuple[AppContext, AppContext], clock: FakeClock
) -> None:
    one, two = two_rooms
    as_room(one, "Room 1")
    session = VisitSession.start(one, _patient(one))
    with pytest.raises(HeldElsewhere):
        VisitSession.resume(as_room(two, "Room 2"), session.visit_id)
    as_room(one, "Room 1")
    session.leave()  # Room 1 goes to another patient
    as_room(two, "Room 2")
    VisitSession.resume(two, session.visit_id)  # no question, no takeover row
    assert holding.holder(two, session.visit_id).room == "Room 2"
    assert not [r for r in audit_repo.rows(two.db) if r["action"] == "visit.taken_over"]


def test_the_room_that_crashed_resumes_its_own_hold_and_a_stale_hold_can_be_taken_over(
    two_rooms: tuple[AppContext, AppContext], clock: FakeClock
) -> None:
    one, two = two_rooms
    as_room(one, "Room 1")
    visit_id = VisitSession.start(one, _patient(one)).visit_id
    clock.advance(19.5 * 3600)  # the next morning, 09:30: Room 1 crashed and never released it
    VisitSession.resume(one, visit_id)  # the same room, after its restart: no question
    as_room(two, "Room 2")
    with pytest.raises(HeldElsewhere) as refused:
        VisitSession.resume(two, visit_id)
    # Since when: the day is named, so the practitioner sees the hold is stale.
    assert refused.value.message.startswith("Room 1 has this visit open since 2026-11-24 14:00")
    VisitSession.resume(two, visit_id, take_over=True)
    assert holding.holder(two, visit_id).room == "Room 2"
