"""After every migration step, SQLite and PostgreSQL hold the same schema (issue 13).

One SQLite database and one PostgreSQL database are migrated side by side, a step at a time,
and compared after each step (``tests/data/schema_shapes.py`` says what is compared and what
differs on purpose). The comparison itself is shown catching differences, on a real server.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from console.data.db import open_database
from console.data.migrations import MIGRATIONS
from console.data.migrations.postgres import apply_postgres_migrations, steps
from tests.data.schema_shapes import (
    FTS_TABLES,
    POSTGRES_ONLY_COLUMNS,
    POSTGRES_ONLY_INDEXES,
    POSTGRES_ONLY_TRIGGERS,
    Column,
    Table,
    _check_columns,
    describe_postgres,
    describe_sqlite,
    differences,
)

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def pg(pg_url: str) -> Iterator[Any]:
    from tests.data.postgres_store import connect

    store = connect(pg_url)
    yield store
    store.close()


def test_after_every_step_both_engines_have_the_same_schema(pg: Any) -> None:
    lite = open_database(None, migrate=False)
    names = [step.name for step in steps()]
    assert [m.name for m in MIGRATIONS._migrations] == names  # one list of steps, both engines
    found = {}
    for i, name in enumerate(names):
        following = names[i + 1] if i + 1 < len(names) else None
        if following is None:
            MIGRATIONS.apply(lite)
        else:
            MIGRATIONS.apply(lite, stop_before=following)
        assert apply_postgres_migrations(pg, stop_before=following) == [name]
        sqlite_schema, pg_schema = describe_sqlite(lite), describe_postgres(pg)
        assert sqlite_schema, "nothing described: the comparison would pass on anything"
        found[name] = differences(sqlite_schema, pg_schema)
    assert {step: diffs for step, diffs in found.items() if diffs} == {}
    # The last schema in full: what the comparison just found equal is the whole console.
    assert len(sqlite_schema) >= 23
    assert sum(len(t.triggers) for t in sqlite_schema.values()) >= 29


def test_what_differs_on_purpose_is_there_on_its_own_engine(pg: Any) -> None:
    lite = open_database(None)
    apply_postgres_migrations(pg)
    sqlite_tables = {r[0] for r in lite.execute("SELECT name FROM sqlite_master").fetchall()}
    assert {"patients_fts", "patients_fts_map"} <= sqlite_tables & FTS_TABLES
    indexes = {r[0] for r in pg.execute("SELECT indexname FROM pg_indexes").fetchall()}
    assert indexes >= POSTGRES_ONLY_INDEXES
    for table, column in POSTGRES_ONLY_COLUMNS:
        assert pg.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
            [table, column],
        ).fetchone()
    triggers = {r[0] for r in pg.execute("SELECT tgname FROM pg_trigger").fetchall()}
    assert triggers >= POSTGRES_ONLY_TRIGGERS
    assert pg.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").fetchone()
    assert pg.execute("SELECT 1 FROM pg_collation WHERE collname = 'nocase'").fetchone()
    rowids = describe_postgres(pg)
    assert rowids["patients"].has_rowid and not rowids["protocol_versions"].has_rowid


@pytest.mark.parametrize(
    ("drift", "expected"),
    [
        ("ALTER TABLE patients ADD COLUMN nickname TEXT", "nickname"),
        ("ALTER TABLE passes ALTER COLUMN depth_mm TYPE TEXT", "passes.depth_mm"),
        ("ALTER TABLE patients ALTER COLUMN phone DROP NOT NULL", "patients.phone"),
        ("ALTER TABLE visits ALTER COLUMN step SET DEFAULT 'prep'", "visits.step"),
        ("DROP INDEX cartridges_single_use", "cartridges_single_use"),
        ("ALTER TABLE visits DROP CONSTRAINT visits_status_check", "visits checks"),
        ("ALTER TABLE photos DROP CONSTRAINT photos_view_id_fkey", "photos foreign keys"),
        ("DROP TRIGGER passes_locked_insert ON passes", "passes_locked_insert"),
        (
            "DROP TRIGGER passes_locked_update ON passes; CREATE TRIGGER passes_locked_update "
            "AFTER UPDATE ON passes FOR EACH ROW EXECUTE FUNCTION visit_row_locked()",
            "('passes_locked_update', 'AFTER', 'UPDATE')",
        ),
        ("ALTER TABLE settings DROP COLUMN rowid", "table settings: implicit rowid"),
    ],
)
def test_the_comparison_catches_a_schema_that_drifted(pg: Any, drift: str, expected: str) -> None:
    lite = open_database(None)
    apply_postgres_migrations(pg)
    assert differences(describe_sqlite(lite), describe_postgres(pg)) == []
    for statement in drift.split("; "):
        pg.execute(statement)
    found = differences(describe_sqlite(lite), describe_postgres(pg))
    assert len(found) == 1 and expected in found[0], found


def test_a_column_that_differs_in_any_compared_way_is_named() -> None:
    base = Column("depth_mm", "real", True, False, None)

    def schema(column: Column) -> dict[str, Table]:
        return {"passes": Table(columns=[Column("id", "text", True, True, None), column])}

    assert differences(schema(base), schema(base)) == []
    for changed in (
        Column("depth_mm", "text", True, False, None),
        Column("depth_mm", "real", False, False, None),
        Column("depth_mm", "real", True, True, None),
        Column("depth_mm", "real", True, False, "0"),
        Column("depth", "real", True, False, None),
    ):
        found = differences(schema(base), schema(changed))
        assert found and all(f.startswith(("column passes.", "table passes")) for f in found)


def test_checks_are_read_from_sqlite_with_their_columns() -> None:
    sql = """CREATE TABLE t (
        kind TEXT NOT NULL CHECK (kind IN ('gel', 'open')),  -- CHECK (not this one)
        low INTEGER, high INTEGER,
        open TEXT,
        CHECK ((low) <= high)
    )"""
    assert _check_columns(sql, ["kind", "low", "high", "open"]) == [("high", "low"), ("kind",)]
