"""The append-only audit trail: who did what, when, to which record."""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from console.clock import iso

CSV_COLUMNS = ("seq", "at", "practitioner_id", "practitioner", "action", "entity", "entity_id",
               "detail")  # fmt: skip


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


@dataclass(frozen=True)
class AuditFilter:
    """What the admin's audit viewer narrows the trail to; empty fields match everything.

    ``action`` matches a whole action or a prefix ending in a dot ("auth." = every sign-in row).
    """

    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    practitioner_id: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.since is not None:
            clauses.append("at >= ?")
            params.append(iso(self.since))
        if self.until is not None:
            clauses.append("at < ?")
            params.append(iso(self.until))
        if self.practitioner_id:
            clauses.append("practitioner_id = ?")
            params.append(self.practitioner_id)
        if self.action:
            if self.action.endswith("."):
                clauses.append("substr(action, 1, ?) = ?")
                params += [len(self.action), self.action]
            else:
                clauses.append("action = ?")
                params.append(self.action)
        if self.entity:
            clauses.append("entity = ?")
            params.append(self.entity)
        if self.entity_id:
            clauses.append("entity_id = ?")
            params.append(self.entity_id)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def rows(
    db: Database,
    *,
    limit: int = 500,
    entity_id: str | None = None,
    filter: AuditFilter | None = None,
) -> list[dict[str, Any]]:
    """Newest first. Times are stored UTC ISO text, so text comparison orders them."""
    f = filter or AuditFilter()
    if entity_id is not None:
        f = replace(f, entity_id=entity_id)
    where, params = f.where()
    sql = f"SELECT * FROM audit_log{where} ORDER BY seq DESC LIMIT ?"
    return [dict(r) for r in db.query(sql, [*params, limit])]


def count(db: Database, filter: AuditFilter | None = None) -> int:
    where, params = (filter or AuditFilter()).where()
    return int(db.execute(f"SELECT COUNT(*) FROM audit_log{where}", params).fetchone()[0])


def actions(db: Database) -> list[str]:
    """Every action name present in the trail, for the viewer's filter list."""
    return [str(r[0]) for r in db.execute("SELECT DISTINCT action FROM audit_log ORDER BY 1")]


def export_csv(db: Database, path: Path, filter: AuditFilter | None = None) -> int:
    """Write the matching rows, oldest first, to a new CSV file readable by the user alone.

    Returns the number of rows. The names of practitioners are added for a reader without the
    database; the file is written beside its final name and renamed, so it is never half there.
    """
    from console.data import practitioners_repo

    names = practitioners_repo.names(db)
    where, params = (filter or AuditFilter()).where()
    cursor = db.execute(
        "SELECT seq, at, practitioner_id, action, entity, entity_id, detail "
        f"FROM audit_log{where} ORDER BY seq",
        params,
    )
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    written = 0
    try:
        # utf-8-sig: spreadsheet programs then read accented names correctly.
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(CSV_COLUMNS)
            for seq, at, by, action, entity, entity_id, detail in cursor:
                writer.writerow(
                    [seq, at, by or "", names.get(by or "", ""), action, entity, entity_id, detail]
                )
                written += 1
        os.chmod(partial, 0o600)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written
