"""The hard depth limit around the eyes, for libraries stored before it shipped.

The shipped library gained ``max_mm`` (0.5 mm) on the periorbital zone; a database seeded
earlier keeps its own stored library without it, so no depth there was ever refused. This
step saves a NEW library version with the shipped limit added (a stored version is never
edited: visits reference theirs), audited as a system change. It leaves alone a library
whose periorbital zone already has a limit of its own, one without that zone, and one whose
typical range there goes beyond the limit (the clinic chose deeper: a limit below its own
advice would refuse it, and the library check rejects that combination).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from console.clock import iso
from console.data import audit_repo
from console.model.protocol import default_body, from_body

if TYPE_CHECKING:
    from console.data.migrations.postgres import PgStore

NAME = "0019_periorbital_limit"
ZONE = "periorbital"
NOTE = (
    "System update: the console's shipped hard limit around the eyes (max {limit} mm on "
    "'{zone}') added to this clinic's library; nothing else changed."
)


def _zone(body: dict[str, Any], zone_id: str) -> dict[str, Any] | None:
    return next((z for z in body.get("zones", []) if z.get("id") == zone_id), None)


def _deepest_typical(zone: dict[str, Any]) -> Decimal:
    highs = [
        Decimal(str(rng[1]))
        for rng in (zone.get("typical") or {}).values()
        if isinstance(rng, list) and len(rng) == 2
    ]
    return max(highs, default=Decimal(0))


def apply(db: Database) -> None:
    _upgrade(db)


POSTGRES: list[str] = []  # data only


def apply_postgres(db: PgStore) -> None:
    # A server's database is created by this console, seeded after its migrations, so this
    # finds no library there; kept so that both engines run every step the same way.
    _upgrade(db)


def _upgrade(db: Database | PgStore) -> None:
    row = db.execute(
        "SELECT version, body FROM protocol_versions ORDER BY version DESC LIMIT 1"
    ).fetchone()
    shipped = _zone(default_body(), ZONE)
    if row is None or shipped is None or shipped.get("max_mm") is None:
        return  # a new database is seeded with the shipped library after the migrations
    version, body = int(row[0]), json.loads(row[1])
    zone = _zone(body, ZONE)
    if zone is None or zone.get("max_mm") is not None:
        return
    limit = shipped["max_mm"]
    if _deepest_typical(zone) > Decimal(str(limit)):
        return
    zone["max_mm"] = limit
    new_version = version + 1
    from_body(new_version, body)  # it must still read as a library before it is stored
    now = datetime.now(UTC)
    note = NOTE.format(limit=limit, zone=zone.get("name", ZONE))
    db.execute(
        "INSERT INTO protocol_versions (version, created_at, created_by, note, body) "
        "VALUES (?, ?, NULL, ?, ?)",
        [new_version, iso(now), note, json.dumps(body, ensure_ascii=False, sort_keys=True)],
    )
    audit_repo.record(
        db,  # type: ignore[arg-type]  # the repository takes either engine (issue 13)
        at=now,
        by=None,  # nobody signed in: the console itself, on upgrade
        action="protocol.version",
        entity="protocol",
        entity_id=str(new_version),
        detail={
            "version": new_version,
            "previous": version,
            "note": note,
            "changes": {"zones": {"changed": [ZONE]}},
            "system": NAME,
        },
    )
