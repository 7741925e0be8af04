"""The room's journal: visit events kept on this PC while the clinic's server does not answer,
applied to the server later, exactly once and in the order they were made.

Only a room on the server has one (a room's own file is on this PC already). While the journal
holds entries waiting, every new event of the visit joins them, so the server receives them in
the order the practitioner made them. Replaying applies each entry through the treatment
service in its own transaction together with its marker (``journal_applied``), then removes it
from the journal: a room that dies between the two finds the marker and does not apply it again.
An entry the server refuses stays in the journal with the server's sentence, for the
practitioner to see; it is never dropped.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from console import store_errors
from console.clock import iso, parse_iso
from console.context import AppContext
from console.data import journal_repo, passes_repo
from console.errors import DomainError
from console.model.changes import Changed, Changes
from console.model.visit_record import PassRecord
from console.visit.storage import StorageError
from console.visit.treatment import RunningPass, TreatmentService

log = logging.getLogger(__name__)

FILE_NAME = "journal.sqlite3"
PASS_STOP = "pass_stop"
ENDPOINT = "endpoint"

T = TypeVar("T")

# The server still does not answer (or is busy): the entry waits for the next try.
_TRY_LATER: tuple[type[Exception], ...] = (StorageError, *store_errors.OperationalError)
# The server answered no (a completed visit, a rule): the entry stays with its sentence.
_REFUSED: tuple[type[Exception], ...] = (DomainError, *store_errors.IntegrityError)


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


@dataclass(frozen=True)
class Replayed:
    applied: int  # entries the server now holds (including ones found already applied)
    waiting: int  # still in the journal, waiting for the server
    refused: tuple[Entry, ...]  # refused by the server: they stay, with its sentence


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


# -- replaying -------------------------------------------------------------------------------
def replay(ctx: AppContext, journal: RoomJournal) -> Replayed:
    """Apply the waiting entries in order, each once; stop at the first sign the server is
    still gone (the rest wait for the next try)."""
    applied = 0
    waiting = journal.waiting()
    for done, entry in enumerate(waiting):
        try:
            _apply_once(ctx, entry)
        except _TRY_LATER:
            return Replayed(applied, len(waiting) - done, tuple(journal.refused()))
        except _REFUSED as refusal:
            sentence = refusal.message if isinstance(refusal, DomainError) else str(refusal)
            log.warning("journal entry %s (%s) refused by the server", entry.id, entry.kind)
            journal.refuse(entry.id, sentence)
            continue
        journal.remove(entry.id)
        applied += 1
    return Replayed(applied, 0, tuple(journal.refused()))


def _apply_once(ctx: AppContext, entry: Entry) -> None:
    db = ctx.db
    with db.atomic():
        if journal_repo.was_applied(db, entry.id):
            return  # applied before the room could clear its journal: never twice
        if entry.kind == PASS_STOP and passes_repo.pass_recorded(db, entry.id):
            # The server committed the stop, but the answer never reached the room.
            journal_repo.mark_applied(db, entry.id, iso(ctx.now()))
            return
        journal_repo.mark_applied(db, entry.id, iso(ctx.now()))
        _apply(ctx, entry)
        ctx.audit(
            "visit.journal_applied",
            entity="visit",
            entity_id=entry.visit_id,
            detail={"entry": entry.id, "kind": entry.kind, "kept_at": iso(entry.journaled_at)},
            by=entry.payload.get("by"),
        )


def _apply(ctx: AppContext, entry: Entry) -> None:
    p = entry.payload
    treatment = TreatmentService(ctx)
    if entry.kind == PASS_STOP:
        treatment.visits.open_state(entry.visit_id)  # a completed visit refuses it in words
        running = RunningPass(
            area_id=p["area_id"],
            visit_id=entry.visit_id,
            started_at=parse_iso(p["started_at"]),
            mono_start=0.0,
            depth_mm=Decimal(p["depth_mm"]),
            direction=p["direction"],
            pass_id=entry.id,
        )
        treatment.record_pass(running, parse_iso(p["ended_at"]), float(p["duration_s"]))
    elif entry.kind == ENDPOINT:
        treatment.set_endpoint(p["area_id"], p["endpoint"], recorded_by=p.get("by"))
    else:
        raise DomainError(f"This console does not know the journal entry kind {entry.kind!r}.")


def _entry(row: dict[str, Any]) -> Entry:
    return Entry(
        id=row["id"],
        kind=row["kind"],
        visit_id=row["visit_id"],
        payload=json.loads(row["payload"]),
        journaled_at=parse_iso(row["journaled_at"]),
        refused=row["refused"],
    )
