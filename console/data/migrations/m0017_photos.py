"""Clinical photos: the standard views (seeded from resources/photos) and the stored photos.

A photo row points at its file beside the database (``photos/YYYY/<id>.jpg``) by a relative
path and keeps the file's SHA-256; erasure empties the paths (the files are deleted) and keeps
that a photo of that view was taken at that visit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:
    from console.data.migrations.postgres import PgStore

NAME = "0017_photos"

_DEFAULTS = Path(__file__).resolve().parents[3] / "resources" / "photos" / "views.json"

STATEMENTS = [
    """CREATE TABLE photo_views (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        guide TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
    )""",
    """CREATE TABLE photos (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        visit_id TEXT REFERENCES visits(id),
        view_id TEXT NOT NULL REFERENCES photo_views(id),
        stage TEXT NOT NULL CHECK (stage IN ('before', 'after', 'follow_up')),
        taken_at TEXT NOT NULL,        -- UTC, when it was taken or imported
        source TEXT NOT NULL,          -- folder / file / camera / cli / demo
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        path TEXT NOT NULL,            -- relative to the data folder; '' once erased
        sha256 TEXT NOT NULL,          -- of the stored file (orientation applied, EXIF gone)
        thumb_path TEXT NOT NULL,      -- 320 px tile for the timeline
        screen_path TEXT NOT NULL,     -- 1600 px copy the compare view opens at once
        practitioner_id TEXT REFERENCES practitioners(id)
    )""",
    "CREATE INDEX photos_patient ON photos(patient_id, view_id, taken_at)",
    "CREATE INDEX photos_visit ON photos(visit_id)",
]


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
    _seed(db)


def _seed(db: Database | PgStore) -> None:
    """The standard views shipped in resources/photos, in their order."""
    views = json.loads(_DEFAULTS.read_text(encoding="utf-8"))["views"]
    for position, v in enumerate(views):
        db.execute(
            "INSERT INTO photo_views (id, name, guide, position) VALUES (?, ?, ?, ?)",
            [v["id"], v["name"], v["guide"], position],
        )


_ROWID = "rowid BIGINT GENERATED ALWAYS AS IDENTITY"

POSTGRES = [
    f"""CREATE TABLE photo_views (
        {_ROWID},
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        guide TEXT NOT NULL DEFAULT '',
        position BIGINT NOT NULL,
        active BIGINT NOT NULL DEFAULT 1
    )""",
    f"""CREATE TABLE photos (
        {_ROWID},
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        visit_id TEXT REFERENCES visits(id),
        view_id TEXT NOT NULL REFERENCES photo_views(id),
        stage TEXT NOT NULL CHECK (stage IN ('before', 'after', 'follow_up')),
        taken_at TEXT NOT NULL,
        source TEXT NOT NULL,
        width BIGINT NOT NULL,
        height BIGINT NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        thumb_path TEXT NOT NULL,
        screen_path TEXT NOT NULL,
        practitioner_id TEXT REFERENCES practitioners(id)
    )""",
    "CREATE INDEX photos_patient ON photos(patient_id, view_id, taken_at)",
    "CREATE INDEX photos_visit ON photos(visit_id)",
]


def apply_postgres(db: PgStore) -> None:
    _seed(db)
