"""The append-only audit trail: who did what, when, to which record."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from console.clock import iso


def record(
    db: Database,
    *,
    at: datetime,
    by: str | None,
    action: str,
    entity: str = "",
    entity_id: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one row; call it inside the transaction of the change it describes."""
    db.execute(
        "INSERT INTO audit_log (at, practitioner_id, action, entity, entity_id, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [iso(at), by, action, entity, entity_id, json.dumps(detail or {}, ensure_ascii=False)],
    )


def rows(db: Database, *, limit: int = 500, entity_id: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM audit_log"
    params: list[Any] = []
    if entity_id is not None:
        sql += " WHERE entity_id = ?"
        params.append(entity_id)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(limit)
    return [dict(r) for r in db.query(sql, params)]
