"""The clinic's server stopped in the middle of a visit: the room keeps timing, keeps every
event on its PC, and the server gets each one exactly once, in order, when it is back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from console.clock import FakeClock
from console.data import audit_repo
from console.visit import journal as room_journal
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
        assert room_journal.replay(room.ctx, journal).waiting == 3

    # The server is back, but the journal still waits: a pass made now joins it, in order.
    session.start_pass(forehead, "vertical")
    clock.advance(23)
    assert isinstance(session.stop_pass(), KeptOnPc)

    room.ctx.practitioner_id = room.staff[1]  # another practitioner signed in meanwhile
    result = room_journal.replay(room.ctx, journal)
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
    assert room_journal.replay(room.ctx, journal).applied == 0
    session.start_pass(cheeks, "vertical")
    assert not isinstance(session.stop_pass(), KeptOnPc)
    assert [n for n, _, _ in _passes(room, cheeks)] == [1]
