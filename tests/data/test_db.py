from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from console.context import open_context
from console.data.db import integrity_check, open_database, schema_version
from console.data.migrations import MIGRATIONS


def test_new_database_is_private_and_migrated(db_path: Path) -> None:
    db = open_database(db_path)
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(db_path.parent).st_mode) == 0o700
    assert schema_version(db) == MIGRATIONS.applied(db)[-1].name
    assert integrity_check(db) == ["ok"]


def test_every_connection_gets_the_safety_pragmas(db_path: Path) -> None:
    db = open_database(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_migrations_are_idempotent(db_path: Path) -> None:
    open_database(db_path).close()
    db = open_database(db_path)
    names = [m.name for m in MIGRATIONS.applied(db)]
    assert len(names) == len(set(names))
    assert MIGRATIONS.pending(db) == []


def test_an_older_saved_database_is_upgraded(tmp_path: Path) -> None:
    """A file on the first schema step gains every later step and keeps its rows."""
    path = tmp_path / "old.sqlite3"
    db = open_database(path, migrate=False)
    first = MIGRATIONS._migrations[0].name
    MIGRATIONS.apply(db, stop_before=[m.name for m in MIGRATIONS._migrations[1:]] or None)
    assert schema_version(db) == first
    db.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES ('clinic.name', '\"Old\"', 'x')"
    )
    db.close()
    db = open_database(path)
    assert MIGRATIONS.pending(db) == []
    assert db.execute("SELECT value FROM settings WHERE key='clinic.name'").fetchone()[0] == '"Old"'


def test_foreign_keys_refuse_orphans(db_path: Path) -> None:
    db = open_database(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO passes (id, area_id, visit_id, number, started_at, ended_at, "
            "duration_s, depth_mm, direction) VALUES ('p', 'no-area', 'no-visit', 1, 'a', 'b', "
            "1.0, 0.5, 'vertical')"
        )


def test_first_start_seeds_the_protocol_once(db_path: Path) -> None:
    ctx = open_context(db_path)
    ctx.db.close()
    ctx = open_context(db_path)
    assert ctx.db.execute("SELECT COUNT(*) FROM protocol_versions").fetchone()[0] == 1
