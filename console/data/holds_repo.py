"""Visit holds: which room works on an open visit, since when and by whom (portable SQL)."""

from __future__ import annotations

from datetime import datetime

from console.clock import iso, parse_iso
from console.data.store import Db
from console.model.visit_hold import Hold


def get(db: Db, visit_id: str) -> Hold | None:
    row = db.execute(
        "SELECT h.visit_id, h.room, COALESCE(p.display_name, ''), h.since, h.released_at "
        "FROM visit_holds h LEFT JOIN practitioners p ON p.id = h.practitioner_id "
        "WHERE h.visit_id = ?",
        [visit_id],
    ).fetchone()
    if row is None:
        return None
    return Hold(
        visit_id=row[0],
        room=row[1],
        practitioner=row[2],
        since=parse_iso(row[3]),
        released_at=parse_iso(row[4]) if row[4] else None,
    )


_UPSERT = (
    "INSERT INTO visit_holds (visit_id, room, practitioner_id, since, released_at) "
    "VALUES (?, ?, ?, ?, NULL) ON CONFLICT (visit_id) DO UPDATE SET "
)


def take_if_free(
    db: Db, visit_id: str, *, room: str, practitioner_id: str | None, now: datetime
) -> bool:
    """Hold the visit for ``room`` unless another room holds it now; whether it was taken.
    One statement, so two rooms opening the same visit at once cannot both get it."""
    cursor = db.execute(
        _UPSERT + "room = excluded.room, practitioner_id = excluded.practitioner_id, "
        "since = CASE WHEN visit_holds.room = excluded.room AND visit_holds.released_at IS NULL "
        "THEN visit_holds.since ELSE excluded.since END, released_at = NULL "
        "WHERE visit_holds.room = excluded.room OR visit_holds.released_at IS NOT NULL",
        [visit_id, room, practitioner_id, iso(now)],
    )
    return bool(cursor.rowcount == 1)


def take_over(
    db: Db, visit_id: str, *, room: str, practitioner_id: str | None, now: datetime
) -> None:
    """Hold the visit for ``room`` whoever holds it (the explicit, confirmed takeover)."""
    db.execute(
        _UPSERT + "room = excluded.room, practitioner_id = excluded.practitioner_id, "
        "since = excluded.since, released_at = NULL",
        [visit_id, room, practitioner_id, iso(now)],
    )


def still_held(
    db: Db, visit_id: str, *, room: str, practitioner_id: str | None, now: datetime
) -> bool:
    """The check before a write: whether ``room`` (still) holds the visit. A visit nobody
    holds (opened before holds existed) becomes this room's; one another room took does not.
    On the server the row stays locked until the write's transaction ends, so a takeover
    waits for the write under way and the write after it is refused."""
    cursor = db.execute(
        _UPSERT + "released_at = NULL WHERE visit_holds.room = excluded.room",
        [visit_id, room, practitioner_id, iso(now)],
    )
    return bool(cursor.rowcount == 1)


def release(db: Db, visit_id: str, *, room: str, now: datetime) -> None:
    db.execute(
        "UPDATE visit_holds SET released_at = ? "
        "WHERE visit_id = ? AND room = ? AND released_at IS NULL",
        [iso(now), visit_id, room],
    )
