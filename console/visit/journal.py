"""The room's journal: visit events kept on this PC while the clinic's server does not answer.

Only a room on the server has one (a room's own file is on this PC already). While the journal
holds entries waiting, every new event of the visit joins them, so the server receives them in
the order the practitioner made them (``console.visit.journal_replay`` sends them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from console import store_errors
from console.clock import iso, parse_iso
from console.context import AppContext
from console.data import journal_repo
from console.model.changes import Changed, Changes
from console.model.visit_record import PassRecord

if TYPE_CHECKING:  # the treatment service (and the PDF stack under it) loads after sign-in
    from console.visit.treatment import RunningPass

FILE_NAME = "journal.sqlite3"
PASS_STOP = "pass_stop"
ENDPOINT = "endpoint"
DEPTH_CHANGE = "depth_change"

T = TypeVar("T")


class KeptOnPc(Changed[T]):
    """A change kept in the room's journal: NOT on the server yet (never call it saved)."""


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    visit_id: str
    payload: dict[str, Any]
    journaled_at: datetime
    refused: str  # the server's sentence; "" while it waits


class RoomJournal:
    """The journal file of one room (``journal.sqlite3`` in its data folder)."""

    def __init__(self, path: Path, zone: ZoneInfo) -> None:
        self.path = path
        self.zone = zone  # the clinic's, read while the server answered: times people read
        self._db = journal_repo.open_file(path)

    def append(
        self, entry_id: str, kind: str, visit_id: str, payload: dict[str, Any], at: datetime
    ) -> None:
        journal_repo.append(
            self._db,
            entry_id=entry_id,
            kind=kind,
            visit_id=visit_id,
            payload=json.dumps(payload, sort_keys=True),
            journaled_at=iso(at),
        )

    def refuse(self, entry_id: str, sentence: str) -> None:
        journal_repo.refuse(self._db, entry_id, sentence)

    def remove(self, entry_id: str) -> None:
        journal_repo.remove(self._db, entry_id)

    def waiting(self) -> list[Entry]:
        return [_entry(r) for r in journal_repo.entries(self._db, refused=False)]

    def refused(self) -> list[Entry]:
        return [_entry(r) for r in journal_repo.entries(self._db, refused=True)]

    def holds_waiting(self) -> bool:
        return journal_repo.first_waiting_at(self._db) is not None

    def saving_since(self) -> datetime | None:
        """When the oldest entry still waiting was kept (in the clinic's zone)."""
        at = journal_repo.first_waiting_at(self._db)
        return parse_iso(at).astimezone(self.zone) if at else None

    def close(self) -> None:
        self._db.close()


_journals: dict[Path, RoomJournal] = {}


def journal_for(ctx: AppContext) -> RoomJournal | None:
    """The room's journal; None for a room on its own file (nothing to keep apart)."""
    if ctx.server is None:
        return None
    path = ctx.data_dir / FILE_NAME
    journal = _journals.get(path)
    if journal is None:
        try:
            zone = ctx.timezone()
        except store_errors.Error:
            zone = ZoneInfo("UTC")  # the server is gone before the room read it
        journal = _journals[path] = RoomJournal(path, zone)
    return journal


def forget(ctx: AppContext) -> None:
    """Close the room's journal (the console is quitting, or a test is done with it)."""
    journal = _journals.pop(ctx.data_dir / FILE_NAME, None)
    if journal is not None:
        journal.close()


# -- keeping events --------------------------------------------------------------------------
def keep_pass(ctx: AppContext, journal: RoomJournal, running: RunningPass) -> KeptOnPc[PassRecord]:
    """Keep a stopped pass on this PC; its id (chosen at the start) is the pass's on the server."""
    duration = round(running.elapsed(ctx.clock.monotonic()), 3)
    ended_at = parse_iso(iso(ctx.now()))
    journal.append(
        running.pass_id,
        PASS_STOP,
        running.visit_id,
        {
            "area_id": running.area_id,
            "started_at": iso(running.started_at),
            "ended_at": iso(ended_at),
            "duration_s": duration,
            "depth_mm": str(running.depth_mm),
            "direction": running.direction,
            "by": ctx.practitioner_id,
        },
        ended_at,
    )
    record = PassRecord(
        0, running.started_at, ended_at, duration, running.depth_mm, running.direction
    )
    return KeptOnPc(record, Changes(passes=True, area_id=running.area_id))


def keep_endpoint(
    ctx: AppContext, journal: RoomJournal, entry_id: str, visit_id: str, area_id: str, endpoint: str
) -> None:
    journal.append(
        entry_id,
        ENDPOINT,
        visit_id,
        {"area_id": area_id, "endpoint": endpoint, "by": ctx.practitioner_id},
        ctx.now(),
    )


def _entry(row: dict[str, Any]) -> Entry:
    return Entry(
        id=row["id"],
        kind=row["kind"],
        visit_id=row["visit_id"],
        payload=json.loads(row["payload"]),
        journaled_at=parse_iso(row["journaled_at"]),
        refused=row["refused"],
    )


def keep_depth_change(
    ctx: AppContext,
    journal: RoomJournal,
    entry_id: str,
    visit_id: str,
    area_id: str,
    depth_text: str,
    *,
    reason: str,
    confirmed: bool,
) -> None:
    """A depth change checked on this PC against the limits read while the server answered;
    the server checks it again when it arrives."""
    journal.append(
        entry_id,
        DEPTH_CHANGE,
        visit_id,
        {
            "area_id": area_id,
            "depth_text": depth_text,
            "reason": reason,
            "confirmed": confirmed,
            "at": iso(ctx.now()),
            "by": ctx.practitioner_id,
        },
        ctx.now(),
    )
