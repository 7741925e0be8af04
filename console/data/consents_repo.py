"""Consent records: template library versions, signed consents, withdrawals, declines, links."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from console.clock import iso, parse_iso
from console.data.store import Db
from console.errors import NotFound
from console.model.consent_rules import SignedConsent, VisitFacts
from console.model.consent_templates import TemplateSet, from_body

_SELECT = (
    "SELECT c.*, w.at AS withdrawn_at, w.reason AS withdrawn_reason FROM consents c "
    "LEFT JOIN consent_withdrawals w ON w.consent_id = c.id"
)


# -- templates --------------------------------------------------------------------------------
def current_templates(db: Db) -> TemplateSet:
    row = db.execute(
        "SELECT version, body FROM consent_template_versions ORDER BY version DESC LIMIT 1"
    ).fetchone()
    if row is None:
        raise NotFound("No consent templates in this database yet.")
    return from_body(int(row[0]), json.loads(row[1]))


def templates_at(db: Db, version: int) -> TemplateSet:
    row = db.execute(
        "SELECT body FROM consent_template_versions WHERE version = ?", [version]
    ).fetchone()
    if row is None:
        raise NotFound(f"Consent library version {version} is not in this database.")
    return from_body(version, json.loads(row[0]))


def save_templates(
    db: Db, body: dict[str, Any], *, now: datetime, by: str | None, note: str
) -> TemplateSet:
    """Check ``body`` (by building it) and store it as the next library version."""
    version = int(
        db.execute(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM consent_template_versions"
        ).fetchone()[0]
    )
    built = from_body(version, body)
    db.execute(
        "INSERT INTO consent_template_versions (version, created_at, created_by, note, body) "
        "VALUES (?, ?, ?, ?, ?)",
        [version, iso(now), by, note, json.dumps(body, ensure_ascii=False, sort_keys=True)],
    )
    return built


def template_body(db: Db, version: int) -> dict[str, Any]:
    row = db.execute(
        "SELECT body FROM consent_template_versions WHERE version = ?", [version]
    ).fetchone()
    if row is None:
        raise NotFound(f"Consent library version {version} is not in this database.")
    body: dict[str, Any] = json.loads(row[0])
    return body


# -- signed consents --------------------------------------------------------------------------
def _consent(row: dict[str, Any]) -> SignedConsent:
    return SignedConsent(
        id=str(row["id"]),
        patient_id=str(row["patient_id"]),
        visit_id=row["visit_id"],
        template_id=str(row["template_id"]),
        library_version=int(row["library_version"]),
        material_version=int(row["material_version"]),
        language=str(row["language"]),
        text_sha256=str(row["text_sha256"]),
        choices={str(k): bool(v) for k, v in json.loads(row["choices"]).items()},
        signer_name=str(row["signer_name"]),
        signed_at=parse_iso(str(row["signed_at"])),
        practitioner_id=str(row["practitioner_id"]),
        witness_name=str(row["witness_name"]),
        room=str(row["room"]),
        pdf_path=str(row["pdf_path"]),
        pdf_sha256=str(row["pdf_sha256"]),
        withdrawn_at=parse_iso(row["withdrawn_at"]) if row["withdrawn_at"] else None,
        withdrawn_reason=str(row["withdrawn_reason"] or ""),
    )


def insert_consent(db: Db, **values: Any) -> str:
    """One signed consent; ``values`` are the columns of ``consents`` except the id."""
    consent_id = str(uuid.uuid4())
    values = {"id": consent_id, **values}
    values["choices"] = json.dumps(values.get("choices") or {}, sort_keys=True)
    for key in ("signed_at",):
        values[key] = iso(values[key])
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    db.execute(f"INSERT INTO consents ({columns}) VALUES ({marks})", list(values.values()))
    return consent_id


def for_patient(db: Db, patient_id: str) -> list[SignedConsent]:
    """Every consent of the patient, newest first."""
    rows = db.query(
        _SELECT + " WHERE c.patient_id = ? ORDER BY c.signed_at DESC, c.rowid DESC", [patient_id]
    )
    return [_consent(dict(r)) for r in rows]


def get(db: Db, consent_id: str) -> SignedConsent:
    rows = list(db.query(_SELECT + " WHERE c.id = ?", [consent_id]))
    if not rows:
        raise NotFound(f"No consent {consent_id}.")
    return _consent(dict(rows[0]))


def strokes(db: Db, consent_id: str) -> str:
    row = db.execute("SELECT strokes FROM consents WHERE id = ?", [consent_id]).fetchone()
    if row is None:
        raise NotFound(f"No consent {consent_id}.")
    return str(row[0])


def signature_sha256(db: Db, consent_id: str) -> str:
    row = db.execute("SELECT signature_sha256 FROM consents WHERE id = ?", [consent_id]).fetchone()
    if row is None:
        raise NotFound(f"No consent {consent_id}.")
    return str(row[0])


def count_documents(db: Db, patient_id: str) -> int:
    row = db.execute(
        "SELECT COUNT(DISTINCT document_id) FROM consents WHERE patient_id = ?", [patient_id]
    ).fetchone()
    return int(row[0])


def insert_withdrawal(db: Db, *, consent_id: str, at: datetime, by: str, reason: str) -> str:
    withdrawal_id = str(uuid.uuid4())
    db.execute(
        "INSERT INTO consent_withdrawals (id, consent_id, at, by, reason) VALUES (?, ?, ?, ?, ?)",
        [withdrawal_id, consent_id, iso(at), by, reason],
    )
    return withdrawal_id


def insert_decline(
    db: Db,
    *,
    visit_id: str,
    template_id: str,
    library_version: int,
    at: datetime,
    by: str,
    reason: str,
) -> str:
    decline_id = str(uuid.uuid4())
    db.execute(
        "INSERT INTO consent_declines (id, visit_id, template_id, library_version, at, by, "
        "reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [decline_id, visit_id, template_id, library_version, iso(at), by, reason],
    )
    return decline_id


# -- visits -----------------------------------------------------------------------------------
def visit_row(db: Db, visit_id: str) -> dict[str, Any]:
    rows = list(db.query("SELECT id, patient_id, status FROM visits WHERE id = ?", [visit_id]))
    if not rows:
        raise NotFound(f"No visit {visit_id}.")
    return dict(rows[0])


def visit_facts(db: Db, visit_id: str) -> VisitFacts:
    row = db.execute(
        "SELECT id, patient_id, series_number, started_at FROM visits WHERE id = ?", [visit_id]
    ).fetchone()
    if row is None:
        raise NotFound(f"No visit {visit_id}.")
    return VisitFacts(str(row[0]), str(row[1]), int(row[2] or 1), parse_iso(str(row[3])))


def link_visit(db: Db, *, visit_id: str, consent_id: str, at: datetime, how: str) -> None:
    """Record which consent covers the visit (a later one replaces an earlier link)."""
    db.execute(
        "INSERT INTO visit_consents (id, visit_id, consent_id, at, how) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(visit_id) DO UPDATE SET consent_id = excluded.consent_id, "
        "at = excluded.at, how = excluded.how",
        [str(uuid.uuid4()), visit_id, consent_id, iso(at), how],
    )


def advance_visit_past_consent(db: Db, visit_id: str) -> None:
    """A resumed visit opens at Prep once its consent is settled (not before)."""
    db.execute("UPDATE visits SET step = 'prep' WHERE id = ? AND step = 'consent'", [visit_id])


def linked_consent_id(db: Db, visit_id: str) -> str | None:
    row = db.execute(
        "SELECT consent_id FROM visit_consents WHERE visit_id = ?", [visit_id]
    ).fetchone()
    return str(row[0]) if row else None


def consents_by_visit(db: Db, visit_ids: list[str]) -> dict[str, dict[str, Any]]:
    """For ``visits --json``: visit id -> the consent that covered it (template, hash, time)."""
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(visit_ids), 500):
        chunk = visit_ids[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in db.query(
            "SELECT l.visit_id, l.how, c.id, c.template_id, c.library_version, "
            "c.material_version, c.signed_at, c.text_sha256, c.pdf_sha256 FROM visit_consents l "
            f"JOIN consents c ON c.id = l.consent_id WHERE l.visit_id IN ({marks})",
            chunk,
        ):
            out[str(r["visit_id"])] = {
                "consent_id": r["id"],
                "how": r["how"],
                "template": r["template_id"],
                "library_version": r["library_version"],
                "material_version": r["material_version"],
                "signed_at": r["signed_at"],
                "sha256": r["text_sha256"],
                "pdf_sha256": r["pdf_sha256"],
            }
    return out


def completed_visits(db: Db, patient_id: str) -> list[tuple[str, datetime, str]]:
    """(visit id, started_at, practitioner id) of the patient's completed visits, oldest first."""
    rows = db.execute(
        "SELECT id, started_at, practitioner_id FROM visits WHERE patient_id = ? "
        "AND status = 'completed' ORDER BY started_at",
        [patient_id],
    ).fetchall()
    return [(str(r[0]), parse_iso(str(r[1])), str(r[2])) for r in rows]
