"""What the schema holds, asked the same way of either engine: tables, columns, foreign keys.

Erasure, export and the audit check walk the schema instead of naming every table, so a table
added later is covered. SQLite answers through ``sqlite_master`` and its PRAGMAs, PostgreSQL
through ``information_schema``; both answers mean the same here.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.data.store import Db, is_server


@dataclass(frozen=True)
class ForeignKey:
    column: str  # in the table asked about
    parent: str  # the table it points at
    parent_column: str


def tables(db: Db) -> list[str]:
    """The console's own tables: not the engine's, not bookkeeping (``_…``), not search indexes."""
    if is_server(db):
        rows = db.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
            "AND table_name NOT LIKE '\\_%' ORDER BY table_name"
        ).fetchall()
    else:
        rows = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "AND name NOT LIKE 'patients_fts%' ORDER BY name"
        ).fetchall()
    return [str(r[0]) for r in rows]


def columns(db: Db, table: str) -> list[str]:
    if is_server(db):
        rows = db.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ? "
            "AND is_generated = 'NEVER' ORDER BY ordinal_position",
            [table],
        ).fetchall()
        # Not the server's generated columns (patients.search_words): nobody writes them.
        return [str(r[0]) for r in rows]
    return [str(c[1]) for c in db.execute(f'PRAGMA table_info("{table}")').fetchall()]


def text_columns(db: Db, table: str) -> list[str]:
    """Columns that can hold text (SQLite's columns are checked row by row: any may)."""
    if not is_server(db):
        return columns(db, table)
    rows = db.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ? "
        "AND data_type IN ('text', 'character varying') ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [str(r[0]) for r in rows]


def foreign_keys(db: Db, table: str) -> list[ForeignKey]:
    if is_server(db):
        rows = db.execute(
            "SELECT a.attname, c.confrelid::regclass::text, pa.attname "
            "FROM pg_constraint c "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
            "JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1] "
            "WHERE c.contype = 'f' AND c.conrelid = ?::regclass ORDER BY c.conname",
            [table],
        ).fetchall()
        return [ForeignKey(str(r[0]), str(r[1]).strip('"'), str(r[2])) for r in rows]
    return [
        # (id, seq, table, from, to, on_update, on_delete, match); "to" is NULL for the PK
        ForeignKey(str(fk[3]), str(fk[2]), str(fk[4] or "id"))
        for fk in db.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
    ]
