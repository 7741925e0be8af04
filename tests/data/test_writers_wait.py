"""Write transactions take the write lock when they begin (``BEGIN IMMEDIATE``), so a writer
that reads first waits its turn (busy timeout) instead of being refused at once."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from console.data.db import open_database

ROOT = Path(__file__).resolve().parents[2]


def _other_writer(path: Path) -> sqlite3.Connection:
    # Timeout 0: if it can write, it does so at once (it does not wait for us).
    return sqlite3.connect(str(path), timeout=0, isolation_level=None)


def test_a_transaction_holds_the_write_lock_from_its_first_read(db_path: Path) -> None:
    db = open_database(db_path)
    db.execute("CREATE TABLE t (n INTEGER)")
    other = _other_writer(db_path)
    try:
        with db.atomic():
            n = db.execute("SELECT COALESCE(MAX(n), 0) + 1 FROM t").fetchone()[0]
            # Deferred, the other connection would commit here and our INSERT below would be
            # refused ("database is locked") whatever the busy timeout.
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("INSERT INTO t VALUES (100)")
            db.execute("INSERT INTO t VALUES (?)", [n])
        other.execute("INSERT INTO t VALUES (100)")  # free again once we committed
        assert [r[0] for r in db.execute("SELECT n FROM t ORDER BY n")] == [1, 100]
    finally:
        other.close()
        db.close()


def test_sqlite_utils_writes_and_bare_statements_are_immediate_too(db_path: Path) -> None:
    db = open_database(db_path)
    traced: list[str] = []
    db.conn.set_trace_callback(traced.append)
    db["notes"].insert({"id": 1, "text": "one"}, pk="id")  # sqlite-utils' own atomic()
    db.conn.execute("UPDATE notes SET text = 'two'")  # the driver's implicit transaction
    db.conn.commit()
    begins = [s.strip().upper() for s in traced if s.strip().upper().startswith("BEGIN")]
    assert begins and all(b == "BEGIN IMMEDIATE" for b in begins), begins
    db.close()


def test_nested_atomic_blocks_are_savepoints(db_path: Path) -> None:
    db = open_database(db_path)
    db.execute("CREATE TABLE t (n INTEGER)")
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(ValueError), db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
            raise ValueError("inner block fails")
        with db.atomic():
            db.execute("INSERT INTO t VALUES (3)")
    assert [r[0] for r in db.execute("SELECT n FROM t ORDER BY n")] == [1, 3]
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO t VALUES (4)")
        raise RuntimeError("outer block fails: all of it is rolled back")
    assert [r[0] for r in db.execute("SELECT n FROM t ORDER BY n")] == [1, 3]
    assert not db.conn.in_transaction
    db.close()


@pytest.mark.slow
def test_no_pass_stop_refused_beside_backups_exports_and_a_second_writer(db_path: Path) -> None:
    """Issue 11: a visit driver (start/stop through the services) for 30 s while backup and
    export run back to back and a second visit writer works, all in other processes."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench_contention import refused_stops
    finally:
        sys.path.remove(str(ROOT / "bench"))
    result = refused_stops(db_path, seconds=30)
    print(json.dumps(result))
    assert result["stops"] > 100, result  # the load really ran
    assert result["commands"]["backup"] >= 2 and result["commands"]["export"] >= 2, result
    assert result["commands"]["failed"] == 0, result
    assert (result["refused_stops"], result["refused_starts"]) == (0, 0), result
