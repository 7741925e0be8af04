"""A visit is worked on in one room at a time (issue 13): the hold a room takes when it starts
or resumes a visit, the confirmed takeover, and the one check every write of the visit makes.

A stale hold (a room that crashed or was switched off) never blocks for good: the room itself
resumes it without a question (same room name), and any other room may take it over after
confirming; the refusal says since when it is held, so a hold from hours ago reads as stale.
"""

from __future__ import annotations

import socket
from datetime import datetime

from console.context import AppContext
from console.data import holds_repo
from console.errors import DomainError
from console.model.visit_hold import Hold
from console.settings import service as settings_service


class HeldElsewhere(DomainError):
    """Another room has this visit open; the UI may offer to take it over."""

    def __init__(self, message: str, hold: Hold) -> None:
        super().__init__(message)
        self.hold = hold


class TakenOver(DomainError):
    """This room no longer holds the visit: another room took it over."""


def room_name(ctx: AppContext) -> str:
    """This room's name (a room-local setting); the PC's host name when none is set."""
    return str(settings_service.get(ctx, "room.name") or "").strip() or socket.gethostname()


def _clock_time(ctx: AppContext, at: datetime) -> str:
    local = at.astimezone(ctx.timezone())
    if local.date() == ctx.today():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")  # a hold from another day: say which day


def held_elsewhere_message(ctx: AppContext, hold: Hold) -> str:
    who = f" ({hold.practitioner})" if hold.practitioner else ""
    return f"{hold.room} has this visit open since {_clock_time(ctx, hold.since)}{who}."


def holder(ctx: AppContext, visit_id: str) -> Hold | None:
    return holds_repo.get(ctx.db, visit_id)


def elsewhere(ctx: AppContext, visit_id: str) -> bool:
    """Whether another room holds the visit now."""
    hold = holds_repo.get(ctx.db, visit_id)
    return hold is not None and hold.active and hold.room != room_name(ctx)


def take(ctx: AppContext, visit_id: str, *, take_over: bool = False) -> None:
    """Hold the visit for this room (start, resume). Refused with ``HeldElsewhere`` when
    another room holds it, unless ``take_over`` (asked and confirmed): then audited."""
    room, now = room_name(ctx), ctx.now()
    with ctx.db.atomic():
        if holds_repo.take_if_free(
            ctx.db, visit_id, room=room, practitioner_id=ctx.practitioner_id, now=now
        ):
            return
        hold = holds_repo.get(ctx.db, visit_id)
        assert hold is not None  # not free means a row held by another room
        if not take_over:
            raise HeldElsewhere(held_elsewhere_message(ctx, hold), hold)
        holds_repo.take_over(
            ctx.db, visit_id, room=room, practitioner_id=ctx.practitioner_id, now=now
        )
        ctx.audit(
            "visit.taken_over",
            entity="visit",
            entity_id=visit_id,
            detail={
                "from_room": hold.room,
                "to_room": room,
                "held_since": hold.since.isoformat(),
            },
        )


def check(ctx: AppContext, visit_id: str) -> None:
    """Before a write of the visit, inside its transaction: refused once another room took
    the visit over, so nothing of the write is kept."""
    room = room_name(ctx)
    if holds_repo.still_held(
        ctx.db, visit_id, room=room, practitioner_id=ctx.practitioner_id, now=ctx.now()
    ):
        return
    hold = holds_repo.get(ctx.db, visit_id)
    assert hold is not None
    raise TakenOver(f"{hold.room} took this visit over at {_clock_time(ctx, hold.since)}.")


def release(ctx: AppContext, visit_id: str) -> None:
    """This room is done with the visit (completed, stopped, or left for another patient)."""
    with ctx.db.atomic():
        holds_repo.release(ctx.db, visit_id, room=room_name(ctx), now=ctx.now())
