"""An erasure request: remove who the patient is, keep what medical-record law says to keep.

Health records must be retained for years after the last treatment (in the UK, 8 years for an
adult), so visits, screening answers, treated areas, passes, depths and cartridge/gel/numbing
lots stay — a lot recall must still reach the visit. What identifies the person goes: name,
date of birth (the year too: a treatment record does not need it and with a rare name a year
narrows things down), phone, e-mail, free-text notes on the patient, and any identifying text
in the free-text fields of the kept rows. Archived sheets carry the name, so their files are
deleted; the rows that say a sheet was handed out and printed are kept. Backups taken before
are named in the statement, and the erasure goes into a register beside the database so that
restoring one of them erases the patient again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from console.clock import FixedClock, iso
from console.context import AppContext, SignedIn
from console.data import erasure_repo, patient_rows_repo, photos_repo
from console.data.store import Db
from console.errors import DomainError, NotFound
from console.model.folding import fold
from console.records import erasure_copies, erasure_register

REMOVED = "[removed]"

KEPT = (
    "visits (dates, practitioner, device, protocol version, status, series number)",
    "screening answers as given (identifying words removed from notes)",
    "treated areas, depths, passes and their times, endpoints, depth changes",
    "cartridge GTIN, lot, serial and expiry; gel and numbing products and lots (for recalls)",
    "amendments (identifying words removed)",
    "that aftercare sheets were handed out and printed (the PDF files are deleted)",
    "that consent was signed, declined or withdrawn: template, version, text hash, times",
    "Fitzpatrick skin type and allergies (clinical safety; identifying words removed)",
    "the audit trail, which never held the name",
)
CLEARED = (
    "name (replaced by an anonymous reference)",
    "date of birth (not even the year)",
    "phone and e-mail",
    "notes on the patient",
    "the search index entry",
    "archived sheet PDFs",
    "signed consent PDFs and the signature strokes (the signer's name as on the sheets)",
    "clinical photos and their thumbnails (a face identifies); which views were taken stays",
)


@dataclass(frozen=True)
class ErasureReport:
    patient_id: str
    reference: str
    kept: tuple[str, ...]
    cleared: tuple[str, ...]
    scrubbed_fields: int
    sheets_deleted: int
    residual: tuple[str, ...]  # "table.column" where an identifier is still found
    held_in: tuple[str, ...] = ()  # backups taken before, each with when rotation deletes it

    def statement(self) -> str:
        lines = [f"Patient {self.reference} anonymised.", "", "Removed:"]
        lines += [f"  - {c}" for c in self.cleared]
        lines += ["", "Kept, because medical records must be retained:"]
        lines += [f"  - {k}" for k in self.kept]
        if self.held_in:
            register = erasure_register.FILENAME
            lines += [
                "",
                "Still held (name, date of birth, phone, e-mail) in backups taken "
                "before. The console deletes each after the number of newer backups shown; "
                "it backs up at each day's first start and after every completed visit, "
                "so 14 backups are 14 days of use at the most:",
            ]
            lines += [f"  - {h}" for h in self.held_in]
            lines += [
                "Restoring any of them erases this patient again (the register of "
                f"erasures, {register}, is kept beside the database)."
            ]
        else:
            lines += ["", "No backup holds the name, date of birth, phone or e-mail."]
        if self.residual:
            lines += ["", "Still found (needs attention): " + ", ".join(self.residual)]
        return "\n".join(lines)


def identifiers(patient: dict[str, Any]) -> list[str]:
    """Strings that identify the patient, longest first (so a full name goes before a part)."""
    found: set[str] = set()
    name = str(patient["full_name"] or "").strip()
    if name:
        found.add(name)
        found.update(w for w in re.split(r"[\s,]+", name) if len(w) >= 2)
    for key in ("phone", "email"):
        value = str(patient[key] or "").strip()
        if value:
            found.add(value)
    digits = "".join(c for c in str(patient["phone"] or "") if c.isdigit())
    if len(digits) >= 6:
        found.add(digits)
        found.add(digits[-9:])  # national form without the country code
    dob = str(patient["date_of_birth"] or "")
    if len(dob) == 10:
        y, m, d = dob.split("-")
        found.update({dob, f"{d}.{m}.{y}", f"{d}/{m}/{y}", f"{d}{m}{y}"})
    return sorted(found, key=len, reverse=True)


def _scrub(text: str, needles: list[str]) -> str:
    out = text
    for needle in needles:
        out = re.sub(re.escape(needle), REMOVED, out, flags=re.IGNORECASE)
    # Accent-insensitive: "Zoe" written without its diaeresis is the same name.
    folded = [fold(n) for n in needles if fold(n) != n.casefold()]
    if folded and any(f in fold(out) for f in folded):
        words = out.split(" ")
        out = " ".join(REMOVED if any(f in fold(w) for f in folded) else w for w in words)
    return out


def _hits(text: str, needles: list[str]) -> bool:
    f = fold(text)
    return any(fold(n) in f for n in needles)


def anonymise(ctx: AppContext, patient_id: str, *, reason: str) -> ErasureReport:
    """Anonymise one patient in one transaction, audit and register it; returns what was done."""
    by = ctx.require_practitioner()
    if not reason.strip():
        raise DomainError("Say why (e.g. the patient's written request of <date>).", "reason")
    if erasure_repo.not_yet_erased(ctx.db, [patient_id]):
        held = erasure_copies.holding(ctx.db, ctx.backups_dir, patient_id)
    else:
        held = []  # unknown or already erased: _erase says which
    # One instant for the register, the record and the audit row.
    at_once = replace(ctx, clock=FixedClock(ctx.now()), signed_in=SignedIn(by))
    report = _erase(at_once, patient_id, reason=reason.strip(), held_by=[str(h.path) for h in held])
    zone = ctx.timezone()
    return replace(report, held_in=tuple(h.line(zone) for h in held))


def reapply(db: Db, data_dir: Path, *, at: datetime, restored_from: str) -> list[str]:
    """Erase again every registered patient ``db`` holds un-anonymised (a restored backup).

    Returns their ids. Each is audited like the first erasure, by nobody signed in.
    """
    first = {e.patient_id: e.at for e in erasure_register.read(data_dir)}
    # The restored file's own context: nobody signed in, every row stamped ``at``.
    restored = AppContext(db=db, db_path=None, clock=FixedClock(at), data_dir=data_dir)
    again = erasure_repo.not_yet_erased(db, list(first))
    for patient_id in again:
        _erase(
            restored,
            patient_id,
            reason=f"erased again after restoring {restored_from} (first erased "
            f"{iso(first[patient_id])})",
        )
    return again


def _erase(
    ctx: AppContext, patient_id: str, *, reason: str, held_by: list[str] | None = None
) -> ErasureReport:
    """Erase with ``ctx``'s db, folder, practitioner (None: by the console) and stopped clock."""
    db, data_dir, at = ctx.db, ctx.data_dir, ctx.now()
    patient = erasure_repo.patient_row(db, patient_id)
    if patient is None:
        raise NotFound("No such patient in this database.")
    if patient.get("anonymised_at"):
        raise DomainError("This patient was already anonymised.")
    needles = identifiers(patient)
    reference = f"ANON-{patient_id[:8].upper()}"
    tables = patient_rows_repo.rows_of(db, patient_id)
    sheet_files = [data_dir / h["path"] for h in tables.get("handouts", []) if h["path"]]
    sheet_files += sorted(
        {data_dir / c["pdf_path"] for c in tables.get("consents", []) if c["pdf_path"]}
    )
    sheet_files += [
        data_dir / p[k]
        for p in tables.get("photos", [])
        for k in ("path", "thumb_path", "screen_path")
        if p[k]
    ]
    erasure_repo.overwrite_freed_pages(db)
    scrubbed = 0
    with _registered(data_dir, patient_id, at) as register, db.atomic():
        erasure_repo.anonymise_patient(
            db,
            patient_id,
            reference=reference,
            at=at,
            allergies=_scrub(str(patient["allergies"] or ""), needles),
        )
        for table, rows in tables.items():
            if table == "patients":
                continue
            scrubbed += _scrub_table(db, table, rows, needles)
        erasure_repo.forget_files(db, patient_id)
        photos_repo.clear_files(db, patient_id)
        ctx.audit(
            "patient.anonymise",
            entity="patient",
            entity_id=patient_id,
            detail={
                "reason": _scrub(reason, needles),
                "kept": list(KEPT),
                "cleared": list(CLEARED),
                "scrubbed_fields": scrubbed,
                "sheets_deleted": len(sheet_files),
                "still_in_backups": held_by or [],
            },
        )
        register()  # last, inside the transaction: if it cannot be written, nothing is erased
    erasure_repo.settle(db)
    for f in sheet_files:
        f.unlink(missing_ok=True)
    residual = tuple(residual_hits(db, patient))
    return ErasureReport(patient_id, reference, KEPT, CLEARED, scrubbed, len(sheet_files), residual)


@contextmanager
def _registered(data_dir: Path, patient_id: str, at: datetime) -> Iterator[Callable[[], None]]:
    """Gives the step that adds the patient to the register; if the erasure's transaction then
    fails (its commit included), the entry is taken out again."""
    added = False

    def register() -> None:
        nonlocal added
        try:
            added = erasure_register.add(data_dir, patient_id, at)
        except OSError as exc:
            raise DomainError(
                f"The erasure could not be written to the register in {data_dir} "
                f"({exc.strerror or exc}); nothing was changed."
            ) from exc

    try:
        yield register
    except BaseException:
        if added:
            erasure_register.remove(data_dir, patient_id)
        raise


_ID_COLUMNS = ("id", "visit_id", "area_id", "handout_id", "patient_id")


def _scrub_table(db: Db, table: str, rows: list[dict[str, Any]], needles: list[str]) -> int:
    changes: list[tuple[str, str, Any]] = []
    key = "id" if rows and "id" in rows[0] else "area_id"
    for r in rows:
        for col, value in r.items():
            if col in _ID_COLUMNS or not isinstance(value, str) or not value:
                continue
            if _hits(value, needles):
                changes.append((col, _scrub(value, needles), r[key]))
    if not changes:
        return 0
    erasure_repo.replace_values(db, table, key, changes)
    return len(changes)


def residual_hits(db: Db, patient: dict[str, Any]) -> list[str]:
    """Every text column of every table (the search index included) still holding the
    patient's full name, phone, e-mail or date of birth, as typed or folded for search."""
    raw = [str(patient.get(k) or "").strip() for k in ("full_name", "phone", "email")]
    dob = str(patient.get("date_of_birth") or "")
    if len(dob) == 10:
        raw += [dob, ".".join(reversed(dob.split("-")))]
    digits = "".join(c for c in str(patient.get("phone") or "") if c.isdigit())
    if len(digits) >= 6:
        raw.append(digits)
    needles = sorted({n for r in raw if r for n in (r, fold(r))})
    return erasure_repo.columns_holding(db, needles, str(patient["id"]))
