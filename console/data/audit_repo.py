"""The append-only audit trail: who did what, when, to which record."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from console.clock import iso
from console.data import schema_info
from console.data.audit_chain import COLUMNS, GENESIS, row_hash
from console.data.store import Db, file_connection, is_server

CSV_COLUMNS = (
    "seq",
    "at",
    "practitioner_id",
    "practitioner",
    "action",
    "entity",
    "entity_id",
    "detail",
)


def record(
    db: Db,
    *,
    at: datetime,
    by: str | None,
    action: str,
    entity: str = "",
    entity_id: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one row; call it inside the transaction of the change it describes.

    Numbered and chained to the last row in the INSERT itself: one write statement takes the
    write lock before it reads, so it waits its turn like any write, and two writers can never
    chain to the same row. (A SELECT first would open a read snapshot that another writer's
    commit makes stale: "database is locked" at once, busy timeout or not.)
    """
    params = {
        "at": iso(at),
        "by": by,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "detail": json.dumps(detail or {}, ensure_ascii=False),
        "genesis": GENESIS,
    }
    if is_server(db):
        _record_on_server(db, params)
        return
    try:
        db.execute(_RECORD, params)
    except sqlite3.OperationalError as exc:
        if "audit_row_hash" not in str(exc):
            raise
        # Registered once per connection, on first use: registering again on every call
        # would throw away SQLite's prepared statements each time (a tenfold slower write).
        # The error comes while preparing, before anything ran, so trying again is safe.
        file_connection(db).create_function("audit_row_hash", 8, row_hash, deterministic=True)
        db.execute(_RECORD, params)


# Any constant: the key of the server's advisory lock that rooms take, one at a time, to
# append to the trail ("AUDT").
_AUDIT_LOCK = 0x41554454


def lock_trail(db: Db) -> None:
    """Take the server's trail lock until the caller's transaction ends (rooms append one at
    a time; moving a clinic's file appends its whole trail under it too)."""
    db.execute("SELECT pg_advisory_xact_lock(?)", [_AUDIT_LOCK])


def _record_on_server(db: Db, params: dict[str, Any]) -> None:
    """The server's form: rooms append one at a time under an advisory lock held until their
    transaction ends, so no two rows ever chain to the same predecessor. The hash is computed
    here (the same ``row_hash``), not by a function on the server."""
    with db.atomic():  # the lock needs a transaction; inside the caller's, a savepoint
        lock_trail(db)
        last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq = int(last[0]) + 1 if last else 1
        previous = str(last[1]) if last else GENESIS
        row = [seq, params["at"], params["by"], params["action"], params["entity"]]
        row += [params["entity_id"], params["detail"]]
        db.execute(
            f"INSERT INTO audit_log ({', '.join(COLUMNS)}, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [*row, row_hash(previous, *row)],
        )


_RECORD = (
    "INSERT INTO audit_log (seq, at, practitioner_id, action, entity, entity_id, detail, hash) "
    "SELECT n.seq, :at, :by, :action, :entity, :entity_id, :detail, audit_row_hash("
    "  COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), :genesis),"
    "  n.seq, :at, :by, :action, :entity, :entity_id, :detail) "
    # sqlite_sequence, not MAX(seq): after rows were cut off the end, the gap stays visible.
    "FROM (SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0) + 1"
    "  AS seq) AS n"
)


@dataclass(frozen=True)
class ChainCheck:
    """What verifying the hash chain found: all rows sound, or the first row that is not."""

    rows: int
    chained: bool = True  # False: the file predates the chain (schema before 0011_audit_chain)
    broken_seq: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None

    def sentence(self) -> str:
        if not self.chained:
            return (
                "audit trail: no hash chain yet (the console adds it when it next opens the file)"
            )
        if self.ok:
            return f"audit trail: hash chain intact ({self.rows} rows)"
        return f"audit trail broken at row {self.broken_seq}: {self.problem}"


def verify_chain(db: Db) -> ChainCheck:
    """Recompute every row's hash in seq order and compare; stops at the first mismatch.

    Catches a row edited, removed, inserted or moved with the triggers dropped, and rows cut off
    the end (the trail's counter in sqlite_sequence is ahead of the last row). Someone who also
    recomputes every later hash is not caught here: backups hold earlier heads of the chain.
    """
    if "hash" not in schema_info.columns(db, "audit_log"):
        return ChainCheck(rows=count(db), chained=False)
    previous, checked, last_seq = GENESIS, 0, 0
    cursor = db.execute(f"SELECT {', '.join(COLUMNS)}, hash FROM audit_log ORDER BY seq")
    for *row, stored in cursor:
        seq, at, action = row[0], row[1], row[3]
        where = f"({at}, {action})"
        if stored is None:
            return ChainCheck(checked, broken_seq=seq, problem=f"{where} has no chain hash")
        expected = row_hash(previous, *row)
        if stored != expected:
            return ChainCheck(
                checked,
                broken_seq=seq,
                problem=f"{where} does not match its hash: it was changed, or a row before it "
                "was removed or inserted",
            )
        previous, checked, last_seq = stored, checked + 1, seq
    if is_server(db):
        # No counter survives a rolled-back transaction there; rows cut off the end are
        # prevented instead: rooms' roles may not DELETE from the trail, and a trigger refuses it.
        return ChainCheck(checked)
    counter = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    if counter is not None and int(counter[0]) > last_seq:
        return ChainCheck(
            checked,
            broken_seq=last_seq + 1,
            problem=f"rows {last_seq + 1} to {counter[0]} are missing from the end of the trail",
        )
    return ChainCheck(checked)


@dataclass(frozen=True)
class AuditFilter:
    """What the admin's audit viewer narrows the trail to; empty fields match everything.

    ``action`` matches a whole action or a prefix ending in a dot ("auth." = every sign-in row).
    """

    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    practitioner_id: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.since is not None:
            clauses.append("at >= ?")
            params.append(iso(self.since))
        if self.until is not None:
            clauses.append("at < ?")
            params.append(iso(self.until))
        if self.practitioner_id:
            clauses.append("practitioner_id = ?")
            params.append(self.practitioner_id)
        if self.action:
            if self.action.endswith("."):
                clauses.append("substr(action, 1, ?) = ?")
                params += [len(self.action), self.action]
            else:
                clauses.append("action = ?")
                params.append(self.action)
        if self.entity:
            clauses.append("entity = ?")
            params.append(self.entity)
        if self.entity_id:
            clauses.append("entity_id = ?")
            params.append(self.entity_id)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def verify_against_copy(db: Db, copy: Path) -> ChainCheck | None:
    """Compare the trail with an older copy of it (a backup); None when they agree.

    A chain recomputed from an edited row onwards verifies on its own, but its hashes then
    differ from those a backup took earlier. Equal hashes at the copy's last row mean every row
    up to there is equal (that is what chaining buys), so the full walk runs only on a mismatch.
    """
    con = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        if "hash" not in [c[1] for c in con.execute("PRAGMA table_info(audit_log)")]:
            return None  # taken before the chain existed
        last = con.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        if last is None:
            return None
        here = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [last[0]]).fetchone()
        if here is not None and here[0] == last[1]:
            return None
        live = db.execute("SELECT seq, hash FROM audit_log WHERE seq <= ? ORDER BY seq", [last[0]])
        mine = dict(live.fetchall())
        copied = con.execute("SELECT seq, hash FROM audit_log ORDER BY seq")
        for checked, (seq, digest) in enumerate(copied):
            if mine.get(seq) != digest:
                what = "is missing" if seq not in mine else "differs"
                return ChainCheck(
                    checked,
                    broken_seq=seq,
                    problem=f"it {what} from the backup {copy.name}: the trail was rewritten "
                    "after that backup was taken",
                )
        return None
    finally:
        con.close()


def rows(
    db: Db,
    *,
    limit: int = 500,
    entity_id: str | None = None,
    filter: AuditFilter | None = None,
) -> list[dict[str, Any]]:
    """Newest first. Times are stored UTC ISO text, so text comparison orders them."""
    f = filter or AuditFilter()
    if entity_id is not None:
        f = replace(f, entity_id=entity_id)
    where, params = f.where()
    sql = f"SELECT * FROM audit_log{where} ORDER BY seq DESC LIMIT ?"
    return [dict(r) for r in db.query(sql, [*params, limit])]


def count(db: Db, filter: AuditFilter | None = None) -> int:
    where, params = (filter or AuditFilter()).where()
    return int(db.execute(f"SELECT COUNT(*) FROM audit_log{where}", params).fetchone()[0])


def actions(db: Db) -> list[str]:
    """Every action name present in the trail, for the viewer's filter list."""
    return [str(r[0]) for r in db.execute("SELECT DISTINCT action FROM audit_log ORDER BY 1")]


def export_csv(db: Db, path: Path, filter: AuditFilter | None = None) -> int:
    """Write the matching rows, oldest first, to a new CSV file readable by the user alone.

    Returns the number of rows. The names of practitioners are added for a reader without the
    database; the file is written beside its final name and renamed, so it is never half there.
    """
    from console.data import practitioners_repo

    names = practitioners_repo.names(db)
    where, params = (filter or AuditFilter()).where()
    cursor = db.execute(
        "SELECT seq, at, practitioner_id, action, entity, entity_id, detail "
        f"FROM audit_log{where} ORDER BY seq",
        params,
    )
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    written = 0
    try:
        # utf-8-sig: spreadsheet programs then read accented names correctly.
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(CSV_COLUMNS)
            for seq, at, by, action, entity, entity_id, detail in cursor:
                writer.writerow(
                    [seq, at, by or "", names.get(by or "", ""), action, entity, entity_id, detail]
                )
                written += 1
        os.chmod(partial, 0o600)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written
