"""Versioned storage of the protocol library (one JSON document per version)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from console.clock import iso
from console.data.store import Db
from console.errors import NotFound
from console.model.protocol import Protocol, VersionStamp, default_body, from_body


def seed_defaults(db: Db, now: datetime) -> None:
    """First start: store the shipped defaults as version 1 (never overwrites an edit)."""
    if db.execute("SELECT 1 FROM protocol_versions LIMIT 1").fetchone():
        return
    save_version(db, default_body(), now=now, by=None, note="Defaults shipped with the console")


def save_version(
    db: Db, body: dict[str, Any], *, now: datetime, by: str | None, note: str
) -> Protocol:
    """Validate (by building it) and store ``body`` as the next version."""
    row = db.execute("SELECT COALESCE(MAX(version), 0) + 1 FROM protocol_versions").fetchone()
    version = int(row[0])
    protocol = from_body(version, body)
    db.execute(
        "INSERT INTO protocol_versions (version, created_at, created_by, note, body) "
        "VALUES (?, ?, ?, ?, ?)",
        [version, iso(now), by, note, json.dumps(body, ensure_ascii=False, sort_keys=True)],
    )
    return protocol


def current(db: Db) -> Protocol:
    row = db.execute(
        "SELECT version, body FROM protocol_versions ORDER BY version DESC LIMIT 1"
    ).fetchone()
    if row is None:
        raise NotFound("No protocol library in this database yet.")
    return from_body(int(row[0]), json.loads(row[1]))


def versions(db: Db) -> list[int]:
    """Every protocol version this database holds, oldest first."""
    return [int(r[0]) for r in db.execute("SELECT version FROM protocol_versions ORDER BY version")]


def get(db: Db, version: int) -> Protocol:
    row = db.execute("SELECT body FROM protocol_versions WHERE version = ?", [version]).fetchone()
    if row is None:
        raise NotFound(f"Protocol version {version} is not in this database.")
    return from_body(version, json.loads(row[0]))


def stamp(db: Db, version: int) -> VersionStamp | None:
    """When ``version`` was saved, by whom and with what note; None when it is not here."""
    row = db.execute(
        "SELECT v.created_at, p.display_name, v.note FROM protocol_versions v "
        "LEFT JOIN practitioners p ON p.id = v.created_by WHERE v.version = ?",
        [version],
    ).fetchone()
    if row is None:
        return None
    return VersionStamp(version, str(row[0]), row[1], str(row[2] or ""))
