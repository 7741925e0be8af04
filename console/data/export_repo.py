"""What a patient export reads beside the patient's own rows, and what its re-import writes."""

from __future__ import annotations

import json
from typing import Any

from console.data import schema_info
from console.data.store import Db


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def practitioners(db: Db, ids: list[str]) -> list[dict[str, Any]]:
    """The practitioners with these ids (no PIN hash: an export never carries one)."""
    return [
        dict(r)
        for r in db.query(
            f"SELECT id, display_name, role, created_at FROM practitioners "
            f"WHERE id IN ({_marks(ids)}) ORDER BY id",
            ids,
        )
    ]


def protocol_versions(db: Db, versions: list[int]) -> list[dict[str, Any]]:
    """These protocol versions as ``{version, created_at, note, body}`` (body parsed)."""
    return [
        {"version": r[0], "created_at": r[1], "note": r[2], "body": json.loads(r[3])}
        for r in db.execute(
            f"SELECT version, created_at, note, body FROM protocol_versions "
            f"WHERE version IN ({_marks(versions)}) ORDER BY version",
            versions,
        )
    ]


def access_log(db: Db, entity_ids: list[str]) -> list[dict[str, Any]]:
    """Audit rows about these entities (who opened or changed them), oldest first."""
    return [
        dict(r)
        for r in db.query(
            f"SELECT seq, at, practitioner_id, action, entity, entity_id FROM audit_log "
            f"WHERE entity_id IN ({_marks(entity_ids)}) ORDER BY seq",
            entity_ids,
        )
    ]


def practitioner_columns(db: Db, table: str) -> list[str]:
    """The columns of ``table`` that refer to a practitioner (by foreign key)."""
    return [fk.column for fk in schema_info.foreign_keys(db, table) if fk.parent == "practitioners"]


def add_inactive_practitioner(db: Db, p: dict[str, Any]) -> None:
    """Add an exported practitioner unless this database has them; inactive and without a PIN
    (they cannot sign in here), under a free display name (``Name (2)`` when taken)."""
    if db.execute("SELECT 1 FROM practitioners WHERE id = ?", [p["id"]]).fetchone():
        return
    db.execute(
        "INSERT INTO practitioners (id, display_name, role, active, created_at) "
        "VALUES (?, ?, ?, 0, ?)",
        [p["id"], _free_name(db, p["display_name"]), p["role"], p["created_at"]],
    )


def _free_name(db: Db, name: str) -> str:
    candidate, n = name, 1
    while db.execute(
        "SELECT 1 FROM practitioners WHERE display_name = ? COLLATE NOCASE", [candidate]
    ).fetchone():
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def protocol_body(db: Db, version: int) -> Any | None:
    """The stored body of a protocol version (parsed), or None when this database lacks it."""
    row = db.execute("SELECT body FROM protocol_versions WHERE version = ?", [version]).fetchone()
    return None if row is None else json.loads(row[0])


def add_protocol_version(db: Db, v: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO protocol_versions (version, created_at, created_by, note, body) "
        "VALUES (?, ?, NULL, ?, ?)",
        [
            v["version"],
            v["created_at"],
            v["note"],
            json.dumps(v["body"], ensure_ascii=False, sort_keys=True),
        ],
    )


def insert_rows(db: Db, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows exactly as exported (same ids, same values) into ``table``."""
    if not rows:
        return
    columns = list(rows[0])
    cols = ", ".join(f'"{c}"' for c in columns)
    db.executemany(
        f'INSERT INTO "{table}" ({cols}) VALUES ({_marks(columns)})',
        [[r[c] for c in columns] for r in rows],
    )


def set_visit_statuses(db: Db, statuses: dict[str, str]) -> None:
    db.executemany(
        "UPDATE visits SET status = ? WHERE id = ?", [(s, i) for i, s in statuses.items()]
    )
