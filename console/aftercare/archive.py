"""The sheet as handed over: written once, atomically, under the data folder, hash kept.

A reprint reads the archived file and checks its SHA-256 against the database, so what is
printed again is byte for byte what the patient took home, even after Settings changed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from console.aftercare import pdf
from console.aftercare.content import Clinic
from console.aftercare.sheet import build_sheet
from console.aftercare.timeline import clinic_zone
from console.clock import parse_iso
from console.context import AppContext
from console.data import handouts_repo, protocol_repo, settings_repo, visits_repo
from console.errors import DomainError, NotFound
from console.files.private import console_dir, write_private
from console.model.visit_record import VisitRecord
from console.visit.storage import guarded


@dataclass(frozen=True)
class HandoutInfo:
    id: str
    visit_id: str
    path: Path  # absolute
    sha256: str
    pages: int
    paper: str
    created_at: datetime


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _info(ctx: AppContext, row: dict[str, object]) -> HandoutInfo:
    return HandoutInfo(
        id=str(row["id"]),
        visit_id=str(row["visit_id"]),
        path=ctx.data_dir / str(row["path"]),
        sha256=str(row["sha256"]),
        pages=int(str(row["pages"])),
        paper=str(row["paper"]),
        created_at=parse_iso(str(row["created_at"])),
    )


def existing_handout(ctx: AppContext, visit_id: str) -> HandoutInfo | None:
    row = handouts_repo.latest_for_visit(ctx.db, visit_id)
    return None if row is None else _info(ctx, row)


def _build(ctx: AppContext, record: VisitRecord) -> tuple[bytes, Clinic]:
    """The sheet's bytes from the record, its protocol version and today's Settings."""
    protocol = protocol_repo.get(ctx.db, record.protocol_version)
    clinic = Clinic.from_settings(settings_repo.get_all(ctx.db))
    return build_sheet(record, protocol, clinic), clinic


def draft_sheet(ctx: AppContext, visit_id: str) -> bytes:
    """The sheet as it would be made now, for looking at only: nothing is written."""
    record = visits_repo.load_record(ctx.db, visit_id)
    return _build(ctx, record)[0]


def archive_sheet(
    ctx: AppContext, record: VisitRecord, *, late: bool = False
) -> tuple[HandoutInfo, bytes]:
    """Build the sheet of the completed ``record`` once, write it once, register it.

    The row and its audit row are written in one transaction (a savepoint inside the
    caller's when one is open: completing a visit locks it in the same transaction). The
    file is written first, whole and private; if the database refuses the row, the file is
    removed. A caller whose own transaction fails afterwards removes ``info.path`` itself.
    ``late`` marks a sheet made after the visit (from that day's Settings) in the audit row.
    Returns the registered sheet and the exact bytes written (so nobody reads them back).
    """
    if record.status != "completed":
        raise DomainError(
            "The aftercare sheet is made once the visit is completed; "
            f"this visit is {record.status}."
        )
    data, clinic = _build(ctx, record)
    pages = pdf.page_count(data)
    digest = sha256_hex(data)
    visit_id = record.id
    day = record.started_at.astimezone(clinic_zone(clinic.timezone)).date()
    name = f"{day.isoformat()}_{visit_id}"
    n = handouts_repo.count_for_visit(ctx.db, visit_id)
    if n:
        name += f"_{n + 1}"
    relative = Path("handouts") / f"{day.year:04d}" / f"{name}.pdf"
    target = ctx.data_dir / relative
    console_dir(ctx.data_dir / "handouts")
    write_private(target, data)
    now = ctx.now()
    detail: dict[str, object] = {"sha256": digest, "pages": pages, "path": relative.as_posix()}
    if late:
        detail["made_late_from_todays_settings"] = True
    try:
        with ctx.db.atomic():
            handout_id = handouts_repo.insert(
                ctx.db,
                visit_id=visit_id,
                now=now,
                path=relative.as_posix(),
                sha256=digest,
                pages=pages,
                paper=clinic.paper,
            )
            ctx.audit(
                "handout.create",
                entity="visit",
                entity_id=visit_id,
                detail={"handout_id": handout_id, **detail},
            )
    except BaseException:
        # No row points at the file: remove it so the archive holds only registered sheets.
        target.unlink(missing_ok=True)
        raise
    return HandoutInfo(handout_id, visit_id, target, digest, pages, clinic.paper, now), data


@guarded
def create_handout(ctx: AppContext, visit_id: str, *, regenerate: bool = False) -> HandoutInfo:
    """The archived sheet of a completed visit, archived now if it has none (audited).

    Completing a visit archives its sheet (``console.visit.completion``); this is the
    explicit call for a visit that has none, or, with ``regenerate``, a new sheet from
    today's Settings (the older file stays archived beside it). When the disk refuses the
    file or its row, the sentence comes back as a DomainError and no file is left.
    """
    if not regenerate:
        found = existing_handout(ctx, visit_id)
        if found is not None:
            return found
    record = visits_repo.load_record(ctx.db, visit_id)
    return archive_sheet(ctx, record, late=True)[0]


def read_verified(info: HandoutInfo) -> bytes:
    try:
        data = info.path.read_bytes()
    except FileNotFoundError as exc:
        raise DomainError(
            f"The archived sheet is missing ({info.path}). Restore it from a backup, or make "
            "a new sheet for this visit."
        ) from exc
    if sha256_hex(data) != info.sha256:
        raise DomainError(
            f"The archived sheet {info.path.name} was changed after it was handed over "
            "(its fingerprint does not match the record). It was not printed."
        )
    return data


def archived_handout(ctx: AppContext, visit_id: str) -> bytes:
    """The exact bytes handed over for the visit, after checking them against the stored hash."""
    info = existing_handout(ctx, visit_id)
    if info is None:
        raise NotFound("No aftercare sheet has been made for this visit yet.")
    return read_verified(info)


@guarded
def record_print(
    ctx: AppContext,
    handout_id: str,
    *,
    printer: str,
    copies: int,
    ok: bool,
    message: str = "",
) -> str:
    """Log one print attempt (done or failed) in ``prints`` and the audit trail."""
    row = handouts_repo.get(ctx.db, handout_id)
    if row is None:
        raise NotFound(f"No archived sheet {handout_id}.")
    now = ctx.now()
    status = "printed" if ok else "failed"
    with ctx.db.atomic():
        print_id = handouts_repo.insert_print(
            ctx.db,
            handout_id=handout_id,
            now=now,
            by=ctx.practitioner_id,
            printer=printer,
            copies=copies,
            status=status,
            message=message,
        )
        ctx.audit(
            "handout.print",
            entity="visit",
            entity_id=str(row["visit_id"]),
            detail={
                "handout_id": handout_id,
                "printer": printer,
                "copies": copies,
                "status": status,
                "message": message,
            },
        )
    return print_id
