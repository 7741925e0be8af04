"""One patient's record as a zip (access and portability requests), and its re-import.

The zip holds ``record.json`` (every row of the patient, exactly as stored, plus the
practitioners and protocol versions those rows refer to), one CSV per table for a spreadsheet,
the archived aftercare sheets under ``sheets/`` and a ``README.txt`` saying what is what.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.clock import iso
from console.context import AppContext
from console.data import export_repo, patient_rows_repo, patients_repo
from console.data.db import schema_version
from console.data.store import Db
from console.errors import DomainError, NotFound
from console.files.private import audit_or_remove, private_file
from console.records import erasure_register

FORMAT = "treatment-room-console/patient-record"
FORMAT_VERSION = 1

_README = """Patient record export from the Treatment Room Console
=======================================================

record.json   the whole record: the patient, every visit with its screening answers,
              cartridges, gel and numbing lots, treated areas, passes, depth changes,
              amendments and archived sheets, as stored (times are UTC, ISO-8601).
              "practitioners" and "protocol_versions" are what those rows refer to.
              "access_log" lists who opened or changed the record (not re-imported).
*.csv         the same rows, one file per table, for a spreadsheet.
sheets/       the aftercare sheets handed out at the visits (PDF), as archived.
consents/     the signed consents (PDF), as archived; their SHA-256 is in consents.csv.
photos/       the clinical photos as kept (upright, camera EXIF removed); SHA-256 in photos.csv.
"""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    visits: int
    sheets: int
    missing_sheets: tuple[str, ...]


def record_document(ctx: AppContext, patient_id: str) -> dict[str, Any]:
    """The JSON document for one patient (what ``record.json`` holds)."""
    db = ctx.db
    tables = patient_rows_repo.rows_of(db, patient_id)
    if not tables["patients"]:
        raise NotFound("No such patient in this database.")
    practitioner_ids = sorted(_practitioner_ids(db, tables))
    versions = sorted({int(v["protocol_version"]) for v in tables.get("visits", [])})
    entity_ids = [patient_id] + [v["id"] for v in tables.get("visits", [])]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": iso(ctx.now()),
        "schema": schema_version(db),
        "patient_id": patient_id,
        "tables": tables,
        "practitioners": export_repo.practitioners(db, practitioner_ids),
        "protocol_versions": export_repo.protocol_versions(db, versions),
        "access_log": export_repo.access_log(db, entity_ids),
    }


def _practitioner_ids(db: Db, tables: dict[str, list[dict[str, Any]]]) -> set[str]:
    """Every practitioner id the patient's rows point at (found through the foreign keys)."""
    found: set[str] = set()
    for table, rows in tables.items():
        for column in export_repo.practitioner_columns(db, table):
            found.update(str(r[column]) for r in rows if r.get(column))
    return found


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if rows:
        w = csv.DictWriter(out, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return out.getvalue()


def export_patient(ctx: AppContext, patient_id: str, out: Path) -> ExportResult:
    """Write the zip (whole and private: it is health data) and audit the export.

    A disclosure that cannot be audited does not stand: if the audit row cannot be written
    (full disk) the zip is removed again and the refusal comes back as a sentence.
    """
    doc = record_document(ctx, patient_id)
    tables = doc["tables"]
    missing: list[str] = []
    sheets = 0
    with private_file(out) as f, zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("README.txt", _README)
        z.writestr("record.json", json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True))
        for table, rows in tables.items():
            if rows:
                z.writestr(f"{table}.csv", _csv(rows))
        for h in tables.get("handouts", []):
            if not h["path"]:
                continue
            source = ctx.data_dir / h["path"]
            if source.is_file():
                z.write(source, f"sheets/{Path(h['path']).name}")
                sheets += 1
            else:
                missing.append(h["path"])
        # Signed consents: one PDF per signing, shared by its treatment and photo rows.
        for pdf in sorted({c["pdf_path"] for c in tables.get("consents", []) if c["pdf_path"]}):
            source = ctx.data_dir / pdf
            if source.is_file():
                z.write(source, f"consents/{Path(pdf).name}")
            else:
                missing.append(pdf)
        missing += _add_photos(z, ctx, tables)
    detail = {
        "visits": len(tables.get("visits", [])),
        "sheets": sheets,
        "missing_sheets": len(missing),
    }
    audit_or_remove(
        out,
        lambda: ctx.audit("patient.export", entity="patient", entity_id=patient_id, detail=detail),
    )
    return ExportResult(out, len(tables.get("visits", [])), sheets, tuple(missing))


def _add_photos(
    z: zipfile.ZipFile, ctx: AppContext, tables: dict[str, list[dict[str, Any]]]
) -> list[str]:
    """The photos as kept (the originals, not the thumbnails); returns the missing paths."""
    missing = []
    for photo in tables.get("photos", []):
        if not photo["path"]:
            continue  # erased
        source = ctx.data_dir / photo["path"]
        if source.is_file():
            # Already compressed: storing them again saves time and nothing else.
            z.write(source, f"photos/{Path(photo['path']).name}", zipfile.ZIP_STORED)
        else:
            missing.append(photo["path"])
    return missing


def read_document(path: Path) -> dict[str, Any]:
    """``record.json`` from an export zip (or a bare JSON file)."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                data: dict[str, Any] = json.loads(z.read("record.json"))
        else:
            data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, KeyError, ValueError) as exc:
        raise DomainError(f"{path.name} is not a patient export ({exc}).") from exc
    if data.get("format") != FORMAT:
        raise DomainError(f"{path.name} is not a patient export from this console.")
    if int(data.get("format_version", 0)) > FORMAT_VERSION:
        raise DomainError("This export was written by a newer console: update first.")
    return data


def import_document(ctx: AppContext, doc: dict[str, Any]) -> str:
    """Load an exported record into this database, rows exactly as they were; returns the id.

    Refuses a patient that is already here or was erased here, or a protocol version whose
    content differs.
    """
    db = ctx.db
    tables: dict[str, list[dict[str, Any]]] = doc["tables"]
    patient_id = str(doc["patient_id"])
    if patients_repo.exists(db, patient_id):
        raise DomainError("This patient is already in this database: nothing was imported.")
    # An export made before an erasure would bring the patient back (as a restore would).
    erased = [e for e in erasure_register.read(ctx.data_dir) if e.patient_id == patient_id]
    if erased:
        raise DomainError(
            f"This patient was erased here on {erased[0].at.astimezone(ctx.timezone()):%d %b %Y}:"
            " an export made before cannot bring them back. Nothing was imported."
        )
    with db.atomic():
        for p in doc.get("practitioners", []):
            # Imported staff cannot sign in here (no PIN) and are kept inactive.
            export_repo.add_inactive_practitioner(db, p)
        for v in doc.get("protocol_versions", []):
            body = export_repo.protocol_body(db, v["version"])
            if body is None:
                export_repo.add_protocol_version(db, v)
            elif body != v["body"]:
                raise DomainError(
                    f"Protocol version {v['version']} differs in this database: import it "
                    "into a fresh database instead."
                )
        statuses = {v["id"]: v["status"] for v in tables.get("visits", [])}
        # Parents before children, in this database's schema order (the JSON is key-sorted).
        order = ["patients"] + [link.table for link in patient_rows_repo.links(db)]
        unknown = set(tables) - set(order)
        if unknown:
            raise DomainError(
                "This export has tables this database does not know ("
                + ", ".join(sorted(unknown))
                + "): update the console first."
            )
        for table in order:
            rows = tables.get(table, [])
            if table == "visits":
                # Open while its rows go in: a completed visit is locked (migration 0007).
                rows = [{**r, "status": "open"} for r in rows]
            export_repo.insert_rows(db, table, rows)
        export_repo.set_visit_statuses(db, statuses)
        ctx.audit(
            "patient.import",
            entity="patient",
            entity_id=patient_id,
            detail={"visits": len(statuses), "exported_at": doc.get("exported_at")},
        )
    return patient_id
