"""Sending the room's journal to the clinic's server: each entry exactly once, in order.

Each entry is applied through the treatment service in its own transaction together with its
marker (``journal_applied``), then removed from the journal: a room that dies between the two
finds the marker and does not apply it again. An entry the server refuses stays in the journal
with the server's sentence, for the practitioner to see; it is never dropped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from console import store_errors
from console.clock import iso, parse_iso
from console.context import AppContext
from console.data import journal_repo, passes_repo
from console.errors import DomainError
from console.visit.journal import DEPTH_CHANGE, ENDPOINT, PASS_STOP, Entry, RoomJournal, journal_for
from console.visit.storage import StorageError
from console.visit.treatment import KeptChange, RunningPass, TreatmentService

log = logging.getLogger(__name__)

# The server still does not answer (or is busy): the entry waits for the next try.
_TRY_LATER: tuple[type[Exception], ...] = (StorageError, *store_errors.OperationalError)
# The server answered no (a completed visit, a rule): the entry stays with its sentence.
_REFUSED: tuple[type[Exception], ...] = (DomainError, *store_errors.IntegrityError)
# An entry this console cannot read (a damaged file): named and set aside like a refusal, so
# it never blocks the entries after it nor stops the room every few seconds.
_UNREADABLE: tuple[type[Exception], ...] = (KeyError, ValueError, TypeError, ArithmeticError)


@dataclass(frozen=True)
class Replayed:
    applied: int  # entries the server now holds (including ones found already applied)
    waiting: int  # still in the journal, waiting for the server
    refused: tuple[Entry, ...]  # refused by the server: they stay, with its sentence


def send_waiting(ctx: AppContext) -> int:
    """Before a screen reads the visit back: what the journal holds goes to the server first,
    so the record shown has every pass. Returns how many entries still wait."""
    journal = journal_for(ctx)
    if journal is None or not journal.holds_waiting():
        return 0
    return replay(ctx, journal).waiting


def replay_at_start(ctx: AppContext) -> Replayed | None:
    """A clean start sends what the last session kept on this PC before anything else is
    offered (a visit resumed from the server must already hold those passes)."""
    journal = journal_for(ctx)
    if journal is None or not (journal.holds_waiting() or journal.refused()):
        return None
    result = replay(ctx, journal)
    log.info(
        "journal at start: %d applied, %d waiting, %d refused",
        result.applied,
        result.waiting,
        len(result.refused),
    )
    return result


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
        except _UNREADABLE as exc:
            log.error("journal entry %s (%s) cannot be read: %r", entry.id, entry.kind, exc)
            journal.refuse(entry.id, f"This console cannot read this entry ({exc!r}).")
            continue
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
    elif entry.kind == DEPTH_CHANGE:
        treatment.change_depth(
            p["area_id"],
            p["depth_text"],
            reason=p["reason"],
            confirmed=bool(p["confirmed"]),
            kept=KeptChange(entry.id, parse_iso(p["at"]), p["by"]),
        )
    elif entry.kind == ENDPOINT:
        treatment.set_endpoint(p["area_id"], p["endpoint"], recorded_by=p.get("by"))
    else:
        raise DomainError(f"This console does not know the journal entry kind {entry.kind!r}.")
