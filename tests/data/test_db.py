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


def test_a_file_saved_by_the_first_release_opens_with_everything_intact(tmp_path: Path) -> None:
    """tests/data/fixtures/console-0001.sqlite3 was written by schema 0001 (never edit it)."""
    import shutil

    from console.data import visits_repo
    from console.patients.service import PatientService

    path = tmp_path / "clinic.sqlite3"
    shutil.copy(Path(__file__).parent / "fixtures" / "console-0001.sqlite3", path)
    old = sqlite3.connect(path)
    assert [r[0] for r in old.execute("SELECT name FROM _sqlite_migrations")] == ["0001_initial"]
    old.close()

    ctx = open_context(path)
    assert MIGRATIONS.pending(ctx.db) == []
    assert integrity_check(ctx.db) == ["ok"]
    ctx.practitioner_id = ctx.db.execute("SELECT id FROM practitioners").fetchone()[0]
    names = {p.full_name for p in PatientService(ctx).search("zoe")}
    assert names == {"Zoë Brontë"}  # the old search text was re-indexed with accents folded
    assert {p.full_name for p in PatientService(ctx).search("lukasz")} == {"Łukasz Wiśniewski"}
    (visit,) = ctx.db.execute("SELECT id FROM visits").fetchall()
    record = visits_repo.load_record(ctx.db, visit[0])
    assert record.status == "completed" and record.areas[0].passes[0].duration_s == 41.5
    with pytest.raises(sqlite3.IntegrityError, match="locked"):
        ctx.db.execute("DELETE FROM passes")


def test_an_existing_file_keeps_the_mode_its_owner_gave_it(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    open_database(path).close()
    path.chmod(0o640)  # the clinic's choice, e.g. a group that runs the backups
    open_database(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_a_newer_consoles_database_is_refused_and_not_migrated(tmp_path: Path) -> None:
    from console.data.db_file import DatabaseRefused

    path = tmp_path / "newer.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('console', '9999_newer', 'x')"
        )
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseRefused, match="made by a newer version of the console"):
        open_context(path)
    assert path.read_bytes() == before


def test_opening_without_create_never_makes_a_file(tmp_path: Path) -> None:
    from console.data.db_file import DatabaseRefused

    path = tmp_path / "absent" / "console.sqlite3"
    with pytest.raises(DatabaseRefused, match="no database at"):
        open_database(path, create=False)
    assert not path.parent.exists()
