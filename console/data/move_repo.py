"""Reading a room's file and writing its rows onto the clinic's server, for moving a clinic.

The service (``console.clinic.move``) decides what is moved and how; this module holds every
statement it needs: the file read-only, the server's tables in the order their foreign keys
allow, the rows as they are, and the audit trail appended under the rooms' own trail lock.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.data import audit_repo, patient_rows_repo, schema_info
from console.data.audit_chain import COLUMNS as AUDIT_COLUMNS
from console.data.db import ConsoleDatabase
from console.data.db_file import applied_steps
from console.data.migrations import MIGRATIONS
from console.data.store import Db, file_connection

# The server's stand-in for SQLite's rowid: made by the server, never copied.
_ROWID = "rowid"
AUDIT = "audit_log"
MOVE_ACTION = "clinic.move"


def open_file_read_only(path: Path) -> ConsoleDatabase:
    """The room's file, opened so that nothing in it (not even its mode or time) can change."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    # One read transaction for the whole move: every table is read from the same moment, even
    # if the room's console is still writing to the file.
    conn.execute("BEGIN")
    return ConsoleDatabase(conn, execute_plugins=False)


def pending_steps(db: Db) -> list[str]:
    """Schema steps this console knows that the file has not had yet."""
    applied = set(applied_steps(file_connection(db)))
    return [m.name for m in MIGRATIONS._migrations if m.name not in applied]


def room_name(db: Db) -> str:
    """The room's own name as its file keeps it ("" when never set)."""
    row = db.execute("SELECT value FROM settings WHERE key = 'room.name'").fetchone()
    return str(json.loads(row[0]) or "") if row else ""


def tables_in_order(db: Db) -> list[str]:
    """The console's tables, each after every table its foreign keys point at."""
    names = schema_info.tables(db)
    parents = {
        t: {fk.parent for fk in schema_info.foreign_keys(db, t) if fk.parent != t} for t in names
    }
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [t for t in names if t not in ordered and parents[t] <= set(ordered)]
        if not ready:  # a cycle: the schema has none today; say so rather than loop
            raise RuntimeError("the server's tables refer to each other in a cycle")
        ordered += ready
    return ordered


def copied_columns(db: Db, table: str) -> list[str]:
    return [c for c in schema_info.columns(db, table) if c != _ROWID]


def file_rows(db: Db, table: str, columns: Sequence[str]) -> list[tuple[Any, ...]]:
    """Every row of ``table`` in the order it was written (rowid; the trail's seq)."""
    order = "seq" if table == AUDIT else "rowid"
    names = ", ".join(f'"{c}"' for c in columns)
    return [tuple(r) for r in db.execute(f'SELECT {names} FROM "{table}" ORDER BY {order}')]


def count(db: Db, table: str) -> int:
    return int(db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])


def rows_by_key(db: Db, table: str, key: str, columns: Sequence[str]) -> dict[Any, tuple[Any, ...]]:
    """The rows already on the server, by ``key`` (small tables: practitioners, versions…)."""
    names = ", ".join(f'"{c}"' for c in columns)
    return {r[0]: tuple(r) for r in db.execute(f'SELECT "{key}", {names} FROM "{table}"')}


def existing_keys(db: Db, table: str, key: str, values: Iterable[Any]) -> set[Any]:
    """Which of ``values`` the server's ``table`` already holds in ``key``."""
    wanted, found = list(values), set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f'SELECT "{key}" FROM "{table}" WHERE "{key}" IN ({marks})'
        found |= {r[0] for r in db.execute(sql, chunk)}
    return found


@contextmanager
def locks_lifted(db: Db, table: str) -> Iterator[None]:
    """A completed visit's rows are locked once written; a move writes them after the visit
    row, inside its one transaction (the same lift erasure uses)."""
    with patient_rows_repo.locks_lifted(db, table):
        yield


def insert(db: Db, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    db.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def renumber(db: Db, table: str, column: str, ids: Sequence[str], old: int, new: int) -> None:
    """Point the moved rows (``ids``) that name version ``old`` at ``new``."""
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        db.execute(
            f'UPDATE "{table}" SET "{column}" = ? WHERE "{column}" = ? AND id IN ({marks})',
            [new, old, *chunk],
        )


def patients_named(db: Db) -> list[tuple[str, str, str]]:
    """(id, full name, date of birth) of every patient: namesakes are found by folded name."""
    return [
        (str(r[0]), str(r[1]), str(r[2]))
        for r in db.execute("SELECT id, full_name, date_of_birth FROM patients ORDER BY rowid")
    ]


def pairs(db: Db, table: str, key: str, column: str) -> dict[str, Any]:
    """``key`` → ``column`` of a whole table (hashes of sheets and consents, for checking)."""
    return {str(r[0]): r[1] for r in db.execute(f'SELECT "{key}", "{column}" FROM "{table}"')}


# -- the audit trail ------------------------------------------------------------------------


@dataclass(frozen=True)
class TrailEnd:
    seq: int  # 0: empty
    hash: str | None


def audit_rows(db: Db) -> list[tuple[Any, ...]]:
    """The trail in order: the hashed columns, then the hash."""
    return file_rows(db, AUDIT, [*AUDIT_COLUMNS, "hash"])


def lock_trail_end(db: Db) -> TrailEnd:
    """Take the rooms' trail lock for this transaction, and return where the trail ends."""
    audit_repo.lock_trail(db)
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return TrailEnd(int(last[0]), str(last[1])) if last else TrailEnd(0, None)


def append_audit(db: Db, rows: Sequence[Sequence[Any]]) -> None:
    """Rows already numbered and chained to the trail's end (the server's triggers check it)."""
    insert(db, AUDIT, [*AUDIT_COLUMNS, "hash"], rows)


def audit_between(db: Db, first: int, last: int) -> list[tuple[Any, ...]]:
    names = ", ".join([*AUDIT_COLUMNS, "hash"])
    sql = f"SELECT {names} FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq"
    return [tuple(r) for r in db.execute(sql, [first, last])]


def earlier_move(db: Db, trail_id: str) -> dict[str, Any] | None:
    """The row that recorded moving the trail that starts with ``trail_id``, if any."""
    rows = list(
        db.query(
            "SELECT seq, at, detail FROM audit_log WHERE action = ? AND entity = ? "
            "AND entity_id = ? ORDER BY seq LIMIT 1",
            [MOVE_ACTION, AUDIT, trail_id],
        )
    )
    return rows[0] if rows else None
