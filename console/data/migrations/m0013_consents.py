"""Consent: template library versions, signed consents, withdrawals, declines, visit links.

Signed consents and their withdrawals are append-only: the triggers are named ``*_locked_*`` so
that erasure (and only erasure) can lift them inside its transaction to clear the name.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from console.data.migrations.m0007_visit_lock import PG_LOCKS_LIFTED

if TYPE_CHECKING:
    from console.data.migrations.postgres import PgStore

NAME = "0013_consents"

_DEFAULTS = Path(__file__).resolve().parents[3] / "resources" / "consent" / "templates.json"
_ABORT = (
    "SELECT RAISE(ABORT, 'consent records are never changed: add a withdrawal or a new consent');"
)

STATEMENTS = [
    """CREATE TABLE consent_template_versions (
        version INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES practitioners(id),
        note TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL              -- JSON: the whole set of templates, every language
    )""",
    """CREATE TABLE consents (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        visit_id TEXT REFERENCES visits(id),
        template_id TEXT NOT NULL,
        library_version INTEGER NOT NULL REFERENCES consent_template_versions(version),
        material_version INTEGER NOT NULL,
        language TEXT NOT NULL,
        text_sha256 TEXT NOT NULL,      -- of the exact text shown
        choices TEXT NOT NULL DEFAULT '{}',  -- photo uses: {"marketing": false, ...}
        signer_name TEXT NOT NULL,      -- as the patient typed it
        identity_check TEXT NOT NULL DEFAULT '',
        strokes TEXT NOT NULL,          -- JSON [[x, y, t_ms], ...] per stroke, x/y 0..1
        signature_sha256 TEXT NOT NULL, -- of the PNG redrawn from the strokes
        signed_at TEXT NOT NULL,        -- UTC
        signed_local TEXT NOT NULL,     -- clinic-local wall time, with its zone
        room TEXT NOT NULL DEFAULT '',
        practitioner_id TEXT NOT NULL REFERENCES practitioners(id),
        witness_name TEXT NOT NULL DEFAULT '',
        document_id TEXT NOT NULL,      -- the signing session; one PDF for its consents
        pdf_path TEXT NOT NULL,         -- relative to the data folder; '' once erased
        pdf_sha256 TEXT NOT NULL
    )""",
    "CREATE INDEX consents_patient ON consents(patient_id, signed_at)",
    """CREATE TABLE consent_withdrawals (
        id TEXT PRIMARY KEY,
        consent_id TEXT NOT NULL UNIQUE REFERENCES consents(id),
        at TEXT NOT NULL,
        by TEXT NOT NULL REFERENCES practitioners(id),
        reason TEXT NOT NULL
    )""",
    """CREATE TABLE consent_declines (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        template_id TEXT NOT NULL,
        library_version INTEGER NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL REFERENCES practitioners(id),
        reason TEXT NOT NULL
    )""",
    # Which consent covered a visit: signed in it, or one already on record.
    """CREATE TABLE visit_consents (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL UNIQUE REFERENCES visits(id),
        consent_id TEXT NOT NULL REFERENCES consents(id),
        at TEXT NOT NULL,
        how TEXT NOT NULL CHECK (how IN ('signed', 'on_record'))
    )""",
]


def _append_only(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_locked_{event.lower()} BEFORE {event} ON {table} "
        f"BEGIN {_ABORT} END"
        for event in ("UPDATE", "DELETE")
    ]


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
    for table in ("consents", "consent_withdrawals", "consent_declines"):
        for statement in _append_only(table):
            db.execute(statement)
    _seed(db)


def _seed(db: Database | PgStore) -> None:
    """Version 1 of the template library: the templates shipped with the console."""
    body = json.loads(_DEFAULTS.read_text(encoding="utf-8"))
    db.execute(
        "INSERT INTO consent_template_versions (version, created_at, created_by, note, body) "
        "VALUES (1, ?, NULL, 'Defaults shipped with the console', ?)",
        [datetime.now(UTC).isoformat(), json.dumps(body, ensure_ascii=False, sort_keys=True)],
    )


# PostgreSQL: the same tables (a real rowid where SQLite has an implicit one) and the same
# append-only triggers, by name and by words.
_ROWID = "rowid BIGINT GENERATED ALWAYS AS IDENTITY"

POSTGRES = [
    """CREATE TABLE consent_template_versions (
        version BIGINT PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES practitioners(id),
        note TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL
    )""",
    f"""CREATE TABLE consents (
        {_ROWID},
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        visit_id TEXT REFERENCES visits(id),
        template_id TEXT NOT NULL,
        library_version BIGINT NOT NULL REFERENCES consent_template_versions(version),
        material_version BIGINT NOT NULL,
        language TEXT NOT NULL,
        text_sha256 TEXT NOT NULL,
        choices TEXT NOT NULL DEFAULT '{{}}',
        signer_name TEXT NOT NULL,
        identity_check TEXT NOT NULL DEFAULT '',
        strokes TEXT NOT NULL,
        signature_sha256 TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        signed_local TEXT NOT NULL,
        room TEXT NOT NULL DEFAULT '',
        practitioner_id TEXT NOT NULL REFERENCES practitioners(id),
        witness_name TEXT NOT NULL DEFAULT '',
        document_id TEXT NOT NULL,
        pdf_path TEXT NOT NULL,
        pdf_sha256 TEXT NOT NULL
    )""",
    "CREATE INDEX consents_patient ON consents(patient_id, signed_at)",
    f"""CREATE TABLE consent_withdrawals (
        {_ROWID},
        id TEXT PRIMARY KEY,
        consent_id TEXT NOT NULL UNIQUE REFERENCES consents(id),
        at TEXT NOT NULL,
        by TEXT NOT NULL REFERENCES practitioners(id),
        reason TEXT NOT NULL
    )""",
    f"""CREATE TABLE consent_declines (
        {_ROWID},
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        template_id TEXT NOT NULL,
        library_version BIGINT NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL REFERENCES practitioners(id),
        reason TEXT NOT NULL
    )""",
    f"""CREATE TABLE visit_consents (
        {_ROWID},
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL UNIQUE REFERENCES visits(id),
        consent_id TEXT NOT NULL REFERENCES consents(id),
        at TEXT NOT NULL,
        how TEXT NOT NULL CHECK (how IN ('signed', 'on_record'))
    )""",
    f"""CREATE FUNCTION consent_records_locked() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {PG_LOCKS_LIFTED}
        RAISE EXCEPTION 'consent records are never changed: add a withdrawal or a new consent'
            USING ERRCODE = '23000';
    END $$""",
    *[
        f"CREATE TRIGGER {table}_locked_{event.lower()} BEFORE {event} ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION consent_records_locked()"
        for table in ("consents", "consent_withdrawals", "consent_declines")
        for event in ("UPDATE", "DELETE")
    ],
]


def apply_postgres(db: PgStore) -> None:
    _seed(db)
