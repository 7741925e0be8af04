"""Photo views per treated zone: a view may belong to one protocol zone ('' = a general view).

Retiring a view keeps using ``active`` (0 = no longer offered for capture; its photos stay).
"""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0018_photo_view_zones"


def apply(db: Database) -> None:
    db.execute("ALTER TABLE photo_views ADD COLUMN zone_id TEXT NOT NULL DEFAULT ''")


POSTGRES = ["ALTER TABLE photo_views ADD COLUMN zone_id TEXT NOT NULL DEFAULT ''"]
