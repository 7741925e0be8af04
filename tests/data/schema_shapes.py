"""The shape of a console schema as both engines can state it, and the differences between two.

Each engine is asked through its own catalogue (SQLite's pragmas and ``sqlite_master``,
PostgreSQL's ``pg_catalog``); what is compared is what a repository's SQL relies on: tables,
columns (name, type family, NOT NULL, primary key, default), foreign keys, unique constraints
and indexes (name, columns, uniqueness, partial, case-insensitive), CHECK constraints (their
columns) and triggers (name, when, on what). What exists on one engine only on purpose is named in
``ENGINE_SPECIFIC`` below; anything else that differs is a difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# On purpose on one engine only. SQLite: the FTS5 search index (its table, its shadow tables,
# its triggers, m0008's rowid map) and sqlite-utils' bookkeeping. PostgreSQL: the trigram index
# that replaces FTS5, the bookkeeping of console/data/migrations/postgres.py, and a TRUNCATE
# guard on the audit trail (SQLite has no TRUNCATE). PostgreSQL's ``rowid`` identity column is
# SQLite's implicit rowid and is checked as such (``rowid_tables``), not compared as a column.
FTS_TABLES = frozenset(
    {
        "patients_fts",
        "patients_fts_data",
        "patients_fts_idx",
        "patients_fts_content",
        "patients_fts_docsize",
        "patients_fts_config",
        "patients_fts_map",
    }
)
SQLITE_ONLY_TABLES = FTS_TABLES | {"_sqlite_migrations", "sqlite_sequence", "sqlite_stat1"}
SQLITE_ONLY_TRIGGERS = frozenset({"patients_fts_ai", "patients_fts_au", "patients_fts_ad"})
POSTGRES_ONLY_TABLES = frozenset({"_postgres_migrations"})
POSTGRES_ONLY_INDEXES = frozenset({"patients_search_trgm"})
# The search text's words stored for the trigram index (patients_repo.PG_SEARCH_WORDS).
POSTGRES_ONLY_COLUMNS = frozenset({("patients", "search_words")})
POSTGRES_ONLY_TRIGGERS = frozenset({"audit_log_no_truncate"})
ROWID = "rowid"


@dataclass(frozen=True)
class Column:
    name: str
    family: str  # integer / text / real / blob / numeric
    not_null: bool
    primary_key: bool
    default: str | None


@dataclass(frozen=True)
class Index:
    name: str  # a UNIQUE constraint's index: "unique(col, ...)", as the engines name it apart
    columns: tuple[str, ...]  # "<expr>" for an expression
    unique: bool
    partial: bool
    nocase: bool


@dataclass
class Table:
    columns: list[Column] = field(default_factory=list)
    foreign_keys: set[tuple[tuple[str, ...], str, tuple[str, ...]]] = field(default_factory=set)
    indexes: set[Index] = field(default_factory=set)
    checks: list[tuple[str, ...]] = field(default_factory=list)  # sorted columns of each
    triggers: set[tuple[str, str, str]] = field(default_factory=set)  # name, BEFORE, UPDATE
    has_rowid: bool = False  # SQLite: an implicit rowid; PostgreSQL: a rowid identity column


Schema = dict[str, Table]


def _family_sqlite(declared: str) -> str:
    # SQLite's own affinity rules (https://sqlite.org/datatype3.html, 3.1), in their order.
    t = declared.upper()
    if "INT" in t:
        return "integer"
    if any(k in t for k in ("CHAR", "CLOB", "TEXT")):
        return "text"
    if "BLOB" in t or not t:
        return "blob"
    if any(k in t for k in ("REAL", "FLOA", "DOUB")):
        return "real"
    return "numeric"


_PG_FAMILIES = {
    "bigint": "integer",
    "integer": "integer",
    "smallint": "integer",
    "text": "text",
    "character varying": "text",
    "double precision": "real",
    "real": "real",
    "bytea": "blob",
    "numeric": "numeric",
}


def _default(value: str | None) -> str | None:
    """A default as text, without PostgreSQL's cast (``'{}'::text`` reads as ``'{}'``)."""
    if value is None:
        return None
    return re.sub(r"::[a-z ]+$", "", value.strip())


def _check_columns(table_sql: str, columns: list[str]) -> list[tuple[str, ...]]:
    """The columns each CHECK in a CREATE TABLE mentions (SQLite keeps no catalogue of them)."""
    sql = re.sub(r"--[^\n]*", "", table_sql)
    found = []
    for match in re.finditer(r"\bCHECK\s*\(", sql, re.IGNORECASE):
        depth, i = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(sql[i], 0)
            i += 1
        expression = re.sub(r"'(?:[^']|'')*'", "''", sql[match.end() : i - 1])
        words = set(re.findall(r"\w+", expression))
        found.append(tuple(sorted(c for c in columns if c in words)))
    return sorted(found)


def describe_sqlite(db: Any) -> Schema:
    """``db``: a sqlite-utils Database (or anything with ``execute`` returning rows)."""
    schema: Schema = {}
    tables = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    for name, sql in tables:
        if name in SQLITE_ONLY_TABLES:
            continue
        table = Table()
        info = db.execute(f'PRAGMA table_info("{name}")').fetchall()
        for _cid, col, declared, not_null, default, pk in info:
            # A PRIMARY KEY column is NOT NULL on PostgreSQL; SQLite's non-integer keys
            # accept NULL only by a documented legacy bug, which the console never relies on.
            table.columns.append(
                Column(
                    col, _family_sqlite(declared), bool(not_null or pk), bool(pk), _default(default)
                )
            )
        pks = [r for r in info if r[5]]
        integer_key = len(pks) == 1 and pks[0][2].upper() == "INTEGER"
        table.has_rowid = not integer_key and "WITHOUT ROWID" not in sql.upper()
        fks: dict[int, list[tuple[str, str, str]]] = {}
        for fk_id, _seq, ref, src, dst, *_ in db.execute(
            f'PRAGMA foreign_key_list("{name}")'
        ).fetchall():
            fks.setdefault(fk_id, []).append((src, ref, dst))
        for parts in fks.values():
            table.foreign_keys.add(
                (tuple(p[0] for p in parts), parts[0][1], tuple(p[2] for p in parts))
            )
        for _seq, index, unique, origin, partial in db.execute(
            f'PRAGMA index_list("{name}")'
        ).fetchall():
            if origin == "pk":
                continue  # the primary key: compared with the columns
            keys = [r for r in db.execute(f'PRAGMA index_xinfo("{index}")').fetchall() if r[5]]
            cols = tuple(r[2] if r[1] >= 0 else "<expr>" for r in keys)
            nocase = any((r[4] or "").upper() == "NOCASE" for r in keys)
            label = f"unique({', '.join(cols)})" if origin == "u" else index
            table.indexes.add(Index(label, cols, bool(unique), bool(partial), nocase))
        table.checks = _check_columns(sql, [c.name for c in table.columns])
        schema[name] = table
    for trigger, owner, sql in db.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
    ).fetchall():
        if trigger not in SQLITE_ONLY_TRIGGERS:
            when = re.search(r"\b(BEFORE|AFTER|INSTEAD OF)\s+(INSERT|UPDATE|DELETE)\b", sql, re.I)
            assert when is not None, sql
            timing, event = when.group(1).upper(), when.group(2).upper()
            schema[owner].triggers.add((trigger, timing, event))
    return schema


def describe_postgres(db: Any) -> Schema:
    """``db``: the PostgreSQL store (``execute`` with ``?`` placeholders)."""
    schema: Schema = {}
    relations = db.execute(
        "SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname"
    ).fetchall()
    for oid, name in relations:
        if name in POSTGRES_ONLY_TABLES:
            continue
        table = Table()
        pk = {
            r[0]
            for r in db.execute(
                "SELECT a.attname FROM pg_constraint k JOIN pg_attribute a "
                "ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey) "
                "WHERE k.conrelid = ? AND k.contype = 'p'",
                [oid],
            ).fetchall()
        }
        for col, data_type, nullable, default, identity in db.execute(
            "SELECT column_name, data_type, is_nullable, column_default, identity_generation "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? ORDER BY ordinal_position",
            [name],
        ).fetchall():
            if (name, col) in POSTGRES_ONLY_COLUMNS:
                continue  # named below: the server's own, on purpose
            if col == ROWID:
                # SQLite's implicit rowid: a 64-bit integer the engine numbers itself.
                table.has_rowid = (data_type, nullable, identity) == ("bigint", "NO", "ALWAYS")
                continue
            table.columns.append(
                Column(
                    col,
                    _PG_FAMILIES.get(data_type, data_type),
                    nullable == "NO",
                    col in pk,
                    _default(default),
                )
            )
        for cols, ref, ref_cols in db.execute(
            "SELECT ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, o) "
            "  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o),"
            " f.relname,"
            " ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, o) "
            "  JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o) "
            "FROM pg_constraint k JOIN pg_class f ON f.oid = k.confrelid "
            "WHERE k.conrelid = ? AND k.contype = 'f'",
            [oid],
        ).fetchall():
            table.foreign_keys.add((tuple(cols), ref, tuple(ref_cols)))
        for index, unique, partial, from_constraint, cols, nocase in db.execute(
            "SELECT ic.relname, i.indisunique, i.indpred IS NOT NULL,"
            " EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid"
            "         AND k.contype = 'u'),"
            " ARRAY(SELECT COALESCE(a.attname, '<expr>')"
            "       FROM unnest(i.indkey::int2[]) WITH ORDINALITY u(n, o)"
            "       LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.n"
            "       AND u.n > 0 ORDER BY u.o),"
            " EXISTS (SELECT 1 FROM unnest(i.indcollation::oid[]) u(coll)"
            "         JOIN pg_collation c ON c.oid = u.coll WHERE c.collname = 'nocase') "
            "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
            "WHERE i.indrelid = ? AND NOT i.indisprimary",
            [oid],
        ).fetchall():
            if index in POSTGRES_ONLY_INDEXES:
                continue
            cols = tuple(cols)
            label = f"unique({', '.join(cols)})" if from_constraint else index
            table.indexes.add(Index(label, cols, unique, partial, nocase))
        table.checks = sorted(
            tuple(sorted(cols))
            for (cols,) in db.execute(
                "SELECT ARRAY(SELECT a.attname FROM pg_attribute a"
                "  WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)) "
                "FROM pg_constraint k WHERE k.conrelid = ? AND k.contype = 'c'",
                [oid],
            ).fetchall()
        )
        table.triggers = {
            (trigger, timing, event)
            for trigger, timing, event in db.execute(
                "SELECT trigger_name, action_timing, event_manipulation "
                "FROM information_schema.triggers "
                "WHERE event_object_schema = current_schema() AND event_object_table = ?",
                [name],
            ).fetchall()
            if trigger not in POSTGRES_ONLY_TRIGGERS
        }
        schema[name] = table
    return schema


def differences(sqlite: Schema, postgres: Schema) -> list[str]:
    """Every way the two schemas differ, one sentence each; [] when they match."""
    found: list[str] = []
    for name in sorted(set(sqlite) | set(postgres)):
        if name not in postgres:
            found.append(f"table {name}: only on SQLite")
            continue
        if name not in sqlite:
            found.append(f"table {name}: only on PostgreSQL")
            continue
        a, b = sqlite[name], postgres[name]
        if a.has_rowid != b.has_rowid:
            found.append(
                f"table {name}: implicit rowid on SQLite {a.has_rowid}, "
                f"rowid identity column on PostgreSQL {b.has_rowid}"
            )
        if [c.name for c in a.columns] != [c.name for c in b.columns]:
            found.append(
                f"table {name}: columns {[c.name for c in a.columns]} on SQLite, "
                f"{[c.name for c in b.columns]} on PostgreSQL"
            )
        theirs = {c.name: c for c in b.columns}
        for column in a.columns:
            other = theirs.get(column.name)
            if other is not None and other != column:
                found.append(
                    f"column {name}.{column.name}: {column} on SQLite, {other} on PostgreSQL"
                )
        for what, mine, yours in (
            ("foreign keys", a.foreign_keys, b.foreign_keys),
            ("indexes", a.indexes, b.indexes),
            ("triggers", a.triggers, b.triggers),
        ):
            if mine != yours:
                found.append(
                    f"table {name} {what}: only on SQLite {sorted(mine - yours, key=str)}, "
                    f"only on PostgreSQL {sorted(yours - mine, key=str)}"
                )
        if a.checks != b.checks:
            found.append(f"table {name} checks: {a.checks} on SQLite, {b.checks} on PostgreSQL")
    return found
