"""Which rows belong to one patient: found by following the schema's foreign keys.

Export, re-import and erasure all need "every row of this patient". Walking the foreign keys
from ``patients`` (rather than listing tables by hand) keeps them right when a later migration
adds a table that hangs off a visit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from console.data import schema_info
from console.data.store import Db, is_server

# Shared with other patients or append-only: never part of one patient's rows.
EXCLUDED = frozenset({"practitioners", "protocol_versions", "audit_log", "settings"})


@dataclass(frozen=True)
class Link:
    table: str
    column: str  # the foreign-key column in ``table``
    parent: str  # the table it points at (by its ``id``)


def links(db: Db) -> list[Link]:
    """Tables reachable from ``patients``, parents before children (import order)."""
    fks: dict[str, list[tuple[str, str]]] = {}
    for t in schema_info.tables(db):
        if t in EXCLUDED or t == "patients":
            continue
        for fk in schema_info.foreign_keys(db, t):
            fks.setdefault(t, []).append((fk.parent, fk.column))
    reached = ["patients"]
    via: dict[str, tuple[str, str]] = {}
    changed = True
    while changed:
        changed = False
        for t, refs in sorted(fks.items()):
            if t in reached:
                continue
            for parent, column in refs:
                if parent in reached:
                    via[t] = (parent, column)
                    reached.append(t)
                    changed = True
                    break
    # Import order: a table comes after every reachable table it references (passes after
    # treated_areas as well as visits), whichever link was used to select its rows.
    order: list[Link] = []
    placed = {"patients"}
    pending = [t for t in reached if t != "patients"]
    while pending:
        for t in pending:
            needs = {p for p, _ in fks[t] if p in reached and p != t}
            if needs <= placed:
                order.append(Link(t, via[t][1], via[t][0]))
                placed.add(t)
                pending.remove(t)
                break
        else:  # a cycle: keep discovery order for what is left
            order += [Link(t, via[t][1], via[t][0]) for t in pending]
            break
    return order


def rows_of(db: Db, patient_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of the patient, per table, in import order (``patients`` first)."""
    out: dict[str, list[dict[str, Any]]] = {
        "patients": [dict(r) for r in db.query("SELECT * FROM patients WHERE id = ?", [patient_id])]
    }
    ids: dict[str, list[str]] = {"patients": [patient_id]}
    for link in links(db):
        parent_ids = ids.get(link.parent, [])
        rows: list[dict[str, Any]] = []
        # Chunks keep under SQLite's variable limit for a patient with very many rows.
        for i in range(0, len(parent_ids), 500):
            chunk = parent_ids[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            rows += [
                dict(r)
                for r in db.query(
                    f'SELECT * FROM "{link.table}" WHERE "{link.column}" IN ({marks}) '
                    "ORDER BY rowid",
                    chunk,
                )
            ]
        out[link.table] = rows
        ids[link.table] = [str(r["id"]) for r in rows if "id" in r]
    return out


@contextmanager
def locks_lifted(db: Db, table: str) -> Iterator[None]:
    """Lift the completed-visit lock triggers on ``table`` inside the caller's transaction.

    Only erasure does this (it must clear identifying text even in a locked record); the
    triggers are put back before the transaction commits, so no other connection ever sees
    the table unlocked.
    """
    if is_server(db):
        # The server's lock triggers step aside for this table while this transaction says so
        # (set_config(..., true) is transaction-local; dropping triggers needs the owner).
        db.execute("SELECT set_config('console.lifting_locks', ?, true)", [table])
        try:
            yield
        finally:
            db.execute("SELECT set_config('console.lifting_locks', '', true)")
        return
    saved = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
        "AND name LIKE '%locked%'",
        [table],
    ).fetchall()
    for name, _ in saved:
        db.execute(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:
        for _, sql in saved:
            db.execute(sql)
