"""Completing a visit, the one use case the Finish screen and ``python -m console complete`` share.

One call locks the visit and archives its aftercare sheet in ONE transaction, then says what
the caller still has to do outside the database: print (the room printer, if one is set) and
back up (where, and why). Widgets show what it returns; they never perform a step of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from console.aftercare.archive import HandoutInfo, archive_sheet, create_handout
from console.context import AppContext
from console.data import visits_repo
from console.model.visit_record import VisitRecord
from console.settings import service as settings_service
from console.visit import journal as room_journal
from console.visit import journal_replay
from console.visit.lifecycle import VisitLifecycle
from console.visit.storage import StorageError, guarded

BACKUP_REASON = "visit completed"


@dataclass(frozen=True)
class BackupDue:
    """A copy of the clinic file is due now (its reason is written in the backup's audit row)."""

    reason: str
    folder: Path


@dataclass(frozen=True)
class Completed:
    """What completing changed, and what is left for the caller to do."""

    record: VisitRecord  # the locked visit, as the sheet was made from it
    sheet: HandoutInfo  # the archived file, registered with its audit row
    sheet_bytes: bytes  # exactly what was written (hash = sheet.sha256): show these
    printer: str  # the room printer to send the sheet to; "" when none is set
    backup: BackupDue | None  # None: nothing to copy (a database held in memory)

    @property
    def should_print(self) -> bool:
        return bool(self.printer)


def room_printer(ctx: AppContext) -> str:
    """The printer the sheet goes to after a visit (Settings); "" when none is set."""
    return str(settings_service.get(ctx, "room.printer") or "")


def backup_due(ctx: AppContext) -> BackupDue | None:
    """After every completed visit the clinic file is copied: a visit is the unit of work a
    clinic cannot redo. A database held in memory (tests, demos) has no file to copy."""
    if ctx.db_path is None:
        return None
    return BackupDue(reason=BACKUP_REASON, folder=ctx.backups_dir)


class CompleteVisit:
    """Lock a visit and archive its sheet together, or neither."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.lifecycle = VisitLifecycle(ctx)

    @guarded
    def run(self, visit_id: str, *, notes: str = "", adverse_events: str = "") -> Completed:
        """Complete ``visit_id``: lock it with its notes, archive its sheet, say what is due.

        Why one transaction: a locked visit without its sheet is the state the patient must
        never leave in (the sheet is what they take home, and a sheet made later would carry
        that later day's Settings). So the lock, the sheet's row and both audit rows commit
        together; when anything fails (the sheet cannot be made, the disk is full), the visit
        stays open with nothing written and the sentence says why: fix it and complete again.
        The write lock is held while the PDF is built (a few hundred milliseconds), which
        only makes another writer wait its turn.
        """
        ctx = self.ctx
        _journal_sent_first(ctx)
        written: Path | None = None
        try:
            with ctx.db.atomic():
                self.lifecycle.complete(visit_id, notes=notes, adverse_events=adverse_events)
                record = visits_repo.load_record(ctx.db, visit_id)  # sees the lock just taken
                sheet, data = archive_sheet(ctx, record)
                written = sheet.path
        except BaseException:
            # The transaction rolled back (the commit itself may have failed): no row points
            # at the file any more, so it must not stay in the archive.
            if written is not None:
                written.unlink(missing_ok=True)
            raise
        return Completed(
            record=record,
            sheet=sheet,
            sheet_bytes=data,
            printer=room_printer(ctx),
            backup=backup_due(ctx),
        )


def _journal_sent_first(ctx: AppContext) -> None:
    """Passes kept on this PC belong to the visit: it is not locked before the server has them
    (they would be refused afterwards, and the sheet would leave them out)."""
    journal = room_journal.journal_for(ctx)
    if journal is None or not journal.holds_waiting():
        return
    if journal_replay.replay(ctx, journal).waiting:
        raise StorageError(
            "Not completed: passes kept on this PC are not on the clinic's server yet. "
            "Complete the visit once the server answers."
        )


def archive_sheet_now(ctx: AppContext, visit_id: str) -> HandoutInfo:
    """The explicit, audited way to archive the sheet of a locked visit that has none
    (a visit completed before sheets were archived, or by a tool that did not make one).

    It is made from today's Settings, and its audit row says so; a visit that already has
    an archived sheet keeps it (that file is what was handed over) and gets it back.
    """
    return create_handout(ctx, visit_id)
