"""Clinic and room settings as JSON values under string keys, with shipped defaults."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from console.clock import iso
from console.data.store import Db

# Defaults that are not clinical (clinical defaults live in resources/protocol).
DEFAULTS: dict[str, Any] = {
    "clinic.name": "Your clinic",
    "clinic.address": "",
    "clinic.phone": "",
    "clinic.website": "",
    "clinic.booking_url": "",
    "clinic.logo_path": "",
    "clinic.timezone": "Europe/London",
    "clinic.paper": "A4",
    "clinic.locale": "en_GB",  # dates on the aftercare sheet (Babel locale)
    # Patients' default language and the UI's; "" = the language of clinic.locale.
    "clinic.language": "",
    # room.*, keys.* and ui.geometry belong to one PC: console/settings/room.py keeps them in
    # that PC's room file; rows here are only read once, to upgrade a one-room install.
    "room.printer": "",
    "room.name": "",  # printed on signed consents: which room it was signed in
    "room.photo_folder": "",  # watched folder: tethering or phone sync drops photos here
    # Consent is asked again after this many months, or also at each new series ("series").
    "consent.valid_months": 12,
    "consent.renew": "months",
    # Qt key names (QKeySequence text): a foot pedal is a keyboard sending one of these.
    "keys.pass_toggle": "Space",
    "keys.next_area": "N",
    "keys.previous_area": "P",
    "keys.lock": "F12",
    "room.idle_lock_minutes": 5,
    "room.font_scale": 1.0,
    "ui.geometry": "",  # base64 of QWidget.saveGeometry(), per database/room
}


def get(db: Db, key: str) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None:
        if key not in DEFAULTS:
            raise KeyError(key)
        return DEFAULTS[key]
    return json.loads(row[0])


def get_all(db: Db) -> dict[str, Any]:
    return {**DEFAULTS, **stored(db)}


def stored(db: Db) -> dict[str, Any]:
    """The settings saved in this database, without the defaults."""
    rows = db.execute("SELECT key, value FROM settings").fetchall()
    return {key: json.loads(value) for key, value in rows}


def put(db: Db, key: str, value: Any, *, now: datetime, by: str | None) -> None:
    db.execute(
        "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        [key, json.dumps(value, ensure_ascii=False), iso(now), by],
    )
