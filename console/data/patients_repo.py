"""Patients and the accent-folding full-text index used for search while typing."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from console.clock import iso
from console.text import fold, tokens


def search_text(full_name: str, date_of_birth: date, phone: str, email: str) -> str:
    """Everything a practitioner might type to find a patient, folded for the index."""
    digits = "".join(c for c in phone if c.isdigit())
    dob_forms = [
        date_of_birth.isoformat(),
        date_of_birth.strftime("%d.%m.%Y"),
        date_of_birth.strftime("%d/%m/%Y"),
        date_of_birth.strftime("%d%m%Y"),
    ]
    email_parts = " ".join(tokens(email))
    return " ".join([fold(full_name), *dob_forms, digits, email_parts]).strip()


def insert(
    db: Database,
    *,
    full_name: str,
    date_of_birth: date,
    phone: str = "",
    email: str = "",
    fitzpatrick: int | None = None,
    allergies: str = "",
    notes: str = "",
    now: datetime,
    by: str | None,
    patient_id: str | None = None,
) -> str:
    pid = patient_id or str(uuid.uuid4())
    db.execute(
        "INSERT INTO patients (id, full_name, date_of_birth, phone, email, fitzpatrick, "
        "allergies, notes, search_text, created_at, created_by, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            pid,
            full_name,
            date_of_birth.isoformat(),
            phone,
            email,
            fitzpatrick,
            allergies,
            notes,
            search_text(full_name, date_of_birth, phone, email),
            iso(now),
            by,
            iso(now),
        ],
    )
    return pid


def get(db: Database, patient_id: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM patients WHERE id = ?", [patient_id]))
    return dict(rows[0]) if rows else None
