"""The clinic's server stopped in the middle of a visit: the room keeps timing, keeps every
event on its PC, and the server gets each one exactly once, in order, when it is back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from console.clock import FakeClock
from console.data import audit_repo
from console.visit import journal as room_journal
from console.visit import journal_replay
from console.visit.journal import KeptOnPc
from tests import pg_outage
from tests.journal.outage_support import Room


@contextmanager
def server_stopped(room: Room) -> Iterator[None]:
    pg_outage.stop(room.server)
    try:
        yield
    finally:
        pg_outage.start(room.server)


def _passes(room: Room, area_id: str) -> list[tuple[int, str, float]]:
    rows = room.ctx.db.execute(
        "SELECT number, direction, duration_s FROM passes WHERE area_id = ? ORDER BY number",
        [area_id],
    ).fetchall()
    return [(int(n), str(d), float(s)) for n, d, s in rows]


def test_passes_made_while_the_server_is_stopped_reach_it_once_in_order(
    room: Room, clock: FakeClock
) -> None:
    session = room.session()
    forehead, cheeks = room.areas
    session.start_pass(forehead, "vertical")
    clock.advance(20)
    assert not isinstance(session.stop_pass(), KeptOnPc)  # the server answered: saved

    with server_stopped(room):
        kept = []
        for seconds, direction in ((21, "horizontal"), (22, "diagonal")):
            session.start_pass(forehead, direction)  # timing goes on without the server
            clock.advance(seconds)
            kept.append(session.stop_pass())
        session.set_endpoint(forehead, "erythema")
        assert all(isinstance(k, KeptOnPc) for k in kept)
        assert [k.value.duration_s for k in kept] == [21.0, 22.0]
        journal = room_journal.journal_for(room.ctx)
        assert journal is not None
        assert [e.kind for e in journal.waiting()] == ["pass_stop", "pass_stop", "endpoint"]
        since = journal.saving_since()
        assert since is not None and since.tzinfo is not None
        # Nothing replays while the server is gone, and nothing is lost trying.
        assert journal_replay.replay(room.ctx, journal).waiting == 3

    # The server is back, but the journal still waits: a pass made now joins it, in order.
    session.start_pass(forehead, "vertical")
    clock.advance(23)
    assert isinstance(session.stop_pass(), KeptOnPc)

    room.ctx.practitioner_id = room.staff[1]  # another practitioner signed in meanwhile
    result = journal_replay.replay(room.ctx, journal)
    room.ctx.practitioner_id = room.staff[0]
    assert (result.applied, result.waiting, result.refused) == (4, 0, ())
    assert _passes(room, forehead) == [
        (1, "vertical", 20.0),
        (2, "horizontal", 21.0),
        (3, "diagonal", 22.0),
        (4, "vertical", 23.0),
    ]
    endpoint = room.ctx.db.execute(
        "SELECT endpoint FROM treated_areas WHERE id = ?", [forehead]
    ).fetchone()
    assert endpoint == ("erythema",)
    check = audit_repo.verify_chain(room.ctx.db)
    assert check.ok and check.broken_seq is None
    replayed = room.ctx.db.execute(
        "SELECT practitioner_id FROM audit_log WHERE action = 'visit.journal_applied'"
    ).fetchall()
    assert replayed == [(room.staff[0],)] * 4  # who made each event, not who was signed in later
    # A second replay has nothing to do, and the room writes straight to the server again.
    assert journal_replay.replay(room.ctx, journal).applied == 0
    session.start_pass(cheeks, "vertical")
    assert not isinstance(session.stop_pass(), KeptOnPc)
    assert [n for n, _, _ in _passes(room, cheeks)] == [1]


def _keep_two_passes(room: Room, clock: FakeClock) -> None:
    session = room.session()
    forehead = room.areas[0]
    session.start_pass(forehead, "vertical")  # online: the depth is known on this PC now
    clock.advance(10)
    session.stop_pass()
    with server_stopped(room):
        for direction in ("horizontal", "diagonal"):
            session.start_pass(forehead, direction)
            clock.advance(11)
            assert isinstance(session.stop_pass(), KeptOnPc)


def test_a_room_killed_after_the_servers_commit_does_not_apply_an_entry_twice(
    room: Room, clock: FakeClock
) -> None:
    import subprocess
    import sys

    from tests.journal import replay_then_die

    _keep_two_passes(room, clock)
    journal = room_journal.journal_for(room.ctx)
    assert journal is not None and len(journal.waiting()) == 2

    died = subprocess.run(
        [sys.executable, "-m", "tests.journal.replay_then_die", room.url, str(room.ctx.data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert died.returncode == replay_then_die.DIED, died.stderr
    # The server holds the first kept pass; the journal still holds it too.
    assert [n for n, _, _ in _passes(room, room.areas[0])] == [1, 2]
    assert len(journal.waiting()) == 2

    result = journal_replay.replay(room.ctx, journal)
    assert (result.applied, result.waiting) == (2, 0)
    assert _passes(room, room.areas[0]) == [
        (1, "vertical", 10.0),
        (2, "horizontal", 11.0),
        (3, "diagonal", 11.0),
    ]
    markers = room.ctx.db.execute("SELECT COUNT(*) FROM journal_applied").fetchone()
    assert markers == (2,)
    assert audit_repo.verify_chain(room.ctx.db).ok


def test_an_entry_the_server_refuses_stays_in_the_journal_with_its_sentence(
    room: Room, clock: FakeClock
) -> None:
    from console.context import open_context
    from console.visit.service import VisitService

    _keep_two_passes(room, clock)
    journal = room_journal.journal_for(room.ctx)
    assert journal is not None
    # Meanwhile another room took the visit over and completed it.
    other = open_context(room.url, clock=clock, data_dir=room.ctx.data_dir.parent / "other")
    try:
        other.practitioner_id = room.staff[1]
        other_svc = VisitService(other)
        other_svc.set_endpoint(room.areas[0], "erythema")
        other_svc.complete(room.visit_id, notes="", adverse_events="")
    finally:
        other.close()

    result = journal_replay.replay(room.ctx, journal)
    assert result.applied == 0 and result.waiting == 0
    assert [e.refused for e in result.refused] == [
        "This visit is completed and locked: corrections are amendments."
    ] * 2
    assert [e.refused for e in journal.refused()] == [e.refused for e in result.refused]
    assert [n for n, _, _ in _passes(room, room.areas[0])] == [1]  # nothing half-applied
    assert not journal.holds_waiting()


def test_completing_sends_what_the_journal_holds_first_and_refuses_while_it_cannot(
    room: Room, clock: FakeClock
) -> None:
    import pytest

    from console.visit.completion import CompleteVisit
    from console.visit.storage import StorageError

    _keep_two_passes(room, clock)
    room.session().set_endpoint(room.areas[0], "erythema")
    with server_stopped(room), pytest.raises(StorageError) as refused:
        CompleteVisit(room.ctx).run(room.visit_id)
    assert refused.value.message.startswith("Not completed: passes kept on this PC")

    done = CompleteVisit(room.ctx).run(room.visit_id)  # the server is back
    forehead = done.record.areas[0]
    assert [(p.number, p.direction) for p in forehead.passes] == [
        (1, "vertical"),
        (2, "horizontal"),
        (3, "diagonal"),
    ]
    assert forehead.endpoint == "erythema"
    journal = room_journal.journal_for(room.ctx)
    assert journal is not None and not journal.holds_waiting() and not journal.refused()


def test_a_clean_start_sends_the_journal_before_anything_else(room: Room, clock: FakeClock) -> None:
    from console.context import open_context

    _keep_two_passes(room, clock)
    room_journal.forget(room.ctx)  # the console quits with the journal holding two passes
    later = open_context(room.url, clock=clock, data_dir=room.ctx.data_dir)
    try:
        result = journal_replay.replay_at_start(later)
        assert result is not None and (result.applied, result.waiting) == (2, 0)
        assert journal_replay.replay_at_start(later) is None  # nothing left for the next start
    finally:
        room_journal.forget(later)
        later.close()
    assert [n for n, _, _ in _passes(room, room.areas[0])] == [1, 2, 3]


def test_an_entry_this_console_cannot_read_is_set_aside_and_the_next_ones_still_go(
    room: Room,
) -> None:
    journal = room_journal.journal_for(room.ctx)
    assert journal is not None
    journal.append(
        "damaged", "pass_stop", room.visit_id, {"area_id": room.areas[0]}, room.ctx.now()
    )
    journal.append(
        "fine",
        "endpoint",
        room.visit_id,
        {"area_id": room.areas[0], "endpoint": "erythema", "by": room.staff[0]},
        room.ctx.now(),
    )
    result = journal_replay.replay(room.ctx, journal)
    assert (result.applied, result.waiting) == (1, 0)
    assert [e.id for e in result.refused] == ["damaged"]
    assert result.refused[0].refused.startswith("This console cannot read this entry")
    endpoint = room.ctx.db.execute(
        "SELECT endpoint FROM treated_areas WHERE id = ?", [room.areas[0]]
    ).fetchone()
    assert endpoint == ("erythema",)


def test_a_depth_change_while_the_server_is_gone_is_checked_here_and_reaches_it_once(
    room: Room, clock: FakeClock
) -> None:
    import pytest

    from console.errors import DomainError
    from console.visit.treatment import ConfirmationNeeded

    session = room.session()
    forehead = room.areas[0]
    session.remember_rules(session.visits.record(room.visit_id))  # as Treat does on entering
    session.start_pass(forehead, "vertical")
    clock.advance(10)
    session.stop_pass()
    with server_stopped(room):
        with pytest.raises(DomainError) as above_max:
            session.change_depth(forehead, "2.75")  # above the SkinPen's 2.5 mm: a hard block
        assert not isinstance(above_max.value, ConfirmationNeeded)
        with pytest.raises(ConfirmationNeeded):
            session.change_depth(forehead, "0.75")  # deeper than typical on the forehead
        kept = session.change_depth(forehead, "0.75", reason="thick skin", confirmed=True)
        assert isinstance(kept, KeptOnPc) and str(kept.value) == "0.75"
        session.start_pass(forehead, "horizontal")  # at the new depth
        clock.advance(12)
        session.stop_pass()

    result = journal_replay.replay(room.ctx, room_journal.journal_for(room.ctx))  # type: ignore[arg-type]
    assert (result.applied, result.waiting, result.refused) == (2, 0, ())
    change = room.ctx.db.execute(
        "SELECT from_mm, to_mm, reason, by FROM depth_changes WHERE area_id = ?", [forehead]
    ).fetchall()
    assert [(float(a), float(b), r, by) for a, b, r, by in change] == [
        (0.5, 0.75, "thick skin", room.staff[0])
    ]
    depths = room.ctx.db.execute(
        "SELECT depth_mm FROM passes WHERE area_id = ? ORDER BY number", [forehead]
    ).fetchall()
    assert [float(d) for (d,) in depths] == [0.5, 0.75]
