"""The audit trail refuses every rewrite in raw SQL, and an edit made around the triggers is
found by the hash chain: `check` names the first row that no longer matches."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo
from console.data.db import open_database
from console.data.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = "seq, at, practitioner_id, action, entity, entity_id, detail"


def _trail(ctx: AppContext, clock: FakeClock, staff: list[str], n: int = 5) -> None:
    for i in range(n):
        audit_repo.record(
            ctx.db,
            at=clock.now(),
            by=staff[i % 2],
            action=f"test.step{i}",
            entity="patient",
            entity_id=f"p{i}",
            detail={"n": i, "note": "Zoë"},
        )
        clock.advance(60)
    ctx.db.conn.commit()


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), isolation_level=None)


def _as_attacker(path: Path, *statements: str) -> None:
    """What someone holding the file can do: drop the triggers, then edit freely."""
    con = _raw(path)
    try:
        for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
        ).fetchall():
            con.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()


def _check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", "check", "--db", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


REWRITES = [
    # The form found in testing: REPLACE deletes the old row without firing the delete trigger.
    f"INSERT OR REPLACE INTO audit_log ({COLUMNS}) "
    f"SELECT seq, at, practitioner_id, 'nothing.happened', entity, entity_id, detail "
    "FROM audit_log WHERE seq = 2",
    f"REPLACE INTO audit_log ({COLUMNS}, hash) "
    "SELECT seq, at, practitioner_id, 'nothing.happened', entity, entity_id, detail, hash "
    "FROM audit_log WHERE seq = 2",
    f"INSERT INTO audit_log ({COLUMNS}) VALUES (2, 'x', NULL, 'nothing.happened', '', '', '{{}}') "
    "ON CONFLICT(seq) DO UPDATE SET action = excluded.action",
    "UPDATE audit_log SET action = 'nothing.happened' WHERE seq = 2",
    "UPDATE OR REPLACE audit_log SET seq = 1 WHERE seq = 2",
    "DELETE FROM audit_log WHERE seq = 2",
]


@pytest.mark.parametrize("recursive_triggers", ["OFF", "ON"])
@pytest.mark.parametrize("statement", REWRITES)
def test_no_statement_rewrites_or_removes_a_row(
    ctx: AppContext,
    clock: FakeClock,
    staff: list[str],
    db_path: Path,
    statement: str,
    recursive_triggers: str,
) -> None:
    _trail(ctx, clock, staff)
    raw = _raw(db_path)
    try:
        raw.execute(f"PRAGMA recursive_triggers = {recursive_triggers}")
        before = raw.execute("SELECT * FROM audit_log ORDER BY seq").fetchall()
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute(statement)
        assert raw.execute("SELECT * FROM audit_log ORDER BY seq").fetchall() == before
    finally:
        raw.close()
    assert audit_repo.verify_chain(ctx.db).ok


@pytest.mark.parametrize(
    "values",
    [
        "(NULL, 'x', NULL, 'forged', '', '', '{}', 'ab')",  # numbered by SQLite, not the writer
        "(99, 'x', NULL, 'forged', '', '', '{}', NULL)",  # no chain hash
    ],
)
def test_a_row_written_past_the_console_is_refused(
    ctx: AppContext, clock: FakeClock, staff: list[str], db_path: Path, values: str
) -> None:
    _trail(ctx, clock, staff)
    raw = _raw(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="chain hash"):
            raw.execute(f"INSERT INTO audit_log ({COLUMNS}, hash) VALUES {values}")
    finally:
        raw.close()
    assert audit_repo.count(ctx.db) == 5


def test_every_row_is_chained_and_the_chain_verifies(
    ctx: AppContext, clock: FakeClock, staff: list[str]
) -> None:
    _trail(ctx, clock, staff)
    hashes = [r[0] for r in ctx.db.execute("SELECT hash FROM audit_log ORDER BY seq")]
    assert all(h and len(h) == 64 for h in hashes) and len(set(hashes)) == len(hashes)
    state = audit_repo.verify_chain(ctx.db)
    assert state.ok and state.rows == audit_repo.count(ctx.db) >= 5


@pytest.mark.parametrize(
    ("attack", "first_broken"),
    [
        ('UPDATE audit_log SET detail = \'{"n": 2, "note": "nobody"}\' WHERE seq = 3', 3),
        ("DELETE FROM audit_log WHERE seq = 3", 4),  # the next row no longer follows
        ("UPDATE audit_log SET seq = 100 WHERE seq = 3", 4),
        ("DELETE FROM audit_log WHERE seq >= 4", 4),  # cut off the end
    ],
)
def test_check_names_the_first_row_edited_around_the_triggers(
    ctx: AppContext,
    clock: FakeClock,
    staff: list[str],
    db_path: Path,
    attack: str,
    first_broken: int,
) -> None:
    _trail(ctx, clock, staff)
    assert _check(db_path).returncode == 0
    ctx.db.close()
    _as_attacker(db_path, attack)
    result = _check(db_path)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert f"audit trail broken at row {first_broken}" in lines[0]


def test_check_reports_an_intact_chain(
    ctx: AppContext, clock: FakeClock, staff: list[str], db_path: Path
) -> None:
    _trail(ctx, clock, staff)
    ctx.db.close()
    result = _check(db_path)
    assert result.returncode == 0, result.stderr
    assert "audit trail: hash chain intact (5 rows)" in result.stdout


def test_an_upgraded_database_gets_its_existing_rows_chained(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(path, migrate=False)
    MIGRATIONS.apply(db, stop_before="0011_audit_chain")
    with db.atomic():
        for i in range(3):  # as the console wrote them before the chain: numbered by SQLite
            db.execute(
                "INSERT INTO audit_log (at, practitioner_id, action, entity, entity_id, detail) "
                "VALUES (?, NULL, ?, '', '', '{}')",
                [f"2026-01-0{i + 1}T10:00:00+00:00", f"old{i}"],
            )
    db.close()
    db = open_database(path)
    try:
        assert MIGRATIONS.pending(db) == []
        audit_repo.record(db, at=clock.now(), by=None, action="new.row")
        db.conn.commit()
        state = audit_repo.verify_chain(db)
        assert state.ok and state.rows == 4
        assert [r["action"] for r in audit_repo.rows(db)] == ["new.row", "old2", "old1", "old0"]
    finally:
        db.close()
    _as_attacker(path, "UPDATE audit_log SET action = 'oldX' WHERE seq = 2")
    assert "broken at row 2" in _check(path).stderr


def test_a_chain_recomputed_after_an_edit_is_caught_by_the_backups(
    ctx: AppContext, clock: FakeClock, staff: list[str], db_path: Path
) -> None:
    from console.data.audit_chain import COLUMNS as CHAINED
    from console.data.audit_chain import GENESIS, row_hash
    from console.files import backup

    _trail(ctx, clock, staff)
    taken = backup.backup_now(ctx, "test").path
    ctx.db.close()
    # The careful attacker: edit row 3, then recompute every hash from there on.
    con = _raw(db_path)
    rows = con.execute(f"SELECT {', '.join(CHAINED)} FROM audit_log ORDER BY seq").fetchall()
    previous, rewritten = GENESIS, []
    for row in rows:
        values = list(row)
        if values[0] == 3:
            values[3] = "nothing.happened"
        previous = row_hash(previous, *values)
        rewritten.append((*values, previous))
    con.close()
    _as_attacker(
        db_path,
        "DELETE FROM audit_log",
        *[
            "INSERT INTO audit_log ({}, hash) VALUES ({})".format(
                ", ".join(CHAINED), ", ".join(_literal(v) for v in r)
            )
            for r in rewritten
        ],
    )
    alone = open_database(db_path, migrate=False)
    try:
        assert audit_repo.verify_chain(alone).ok  # the chain alone cannot see it ...
    finally:
        alone.close()
    result = _check(db_path)  # ... the backup taken before can
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"error: audit trail broken at row 3: it differs from the backup {taken.name}: the trail "
        "was rewritten after that backup was taken"
    ]


def _literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def test_check_on_a_file_from_before_the_chain_says_it_comes_at_the_next_start(
    tmp_path: Path,
) -> None:
    import shutil

    path = tmp_path / "old.sqlite3"
    shutil.copyfile(ROOT / "tests/data/fixtures/console-0001.sqlite3", path)
    result = _check(path)
    assert result.returncode == 0, result.stderr
    assert "audit trail: no hash chain yet" in result.stdout
    open_database(path).close()  # the console opens it: migrated, existing rows chained
    assert "audit trail: hash chain intact" in _check(path).stdout


def test_check_json_carries_the_chain_state(
    ctx: AppContext, clock: FakeClock, staff: list[str], db_path: Path
) -> None:
    import json

    _trail(ctx, clock, staff)
    ctx.db.close()
    _as_attacker(db_path, "UPDATE audit_log SET entity_id = 'p9' WHERE seq = 2")
    result = subprocess.run(
        [sys.executable, "-m", "console", "check", "--db", str(db_path), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["integrity"] == ["ok"]
    assert report["audit_chain"]["broken_seq"] == 2
