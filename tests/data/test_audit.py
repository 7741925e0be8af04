"""The audit trail is append-only in the file itself, filterable, and exports to CSV."""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo
from console.data.audit_repo import AuditFilter


def _fill(ctx: AppContext, staff: list[str], clock: FakeClock) -> None:
    for i, (by, action) in enumerate(
        [
            (staff[0], "auth.signin"),
            (staff[0], "patient.open"),
            (staff[1], "auth.signin"),
            (staff[1], "visit.complete"),
            (None, "backup.create"),
        ]
    ):
        audit_repo.record(
            ctx.db,
            at=clock.now(),
            by=by,
            action=action,
            entity="x",
            entity_id=f"id{i}",
            detail={"n": i, "note": "Zoë"},
        )
        clock.advance(3600)


def test_triggers_refuse_update_and_delete_even_in_raw_sql(
    ctx: AppContext, staff: list[str]
) -> None:
    audit_repo.record(ctx.db, at=ctx.now(), by=staff[0], action="auth.signin")
    raw = sqlite3.connect(str(ctx.db_path))
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("UPDATE audit_log SET action = 'nothing happened'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("DELETE FROM audit_log")
        raw.rollback()
        assert raw.execute("SELECT action FROM audit_log").fetchall() == [("auth.signin",)]
    finally:
        raw.close()


def test_filters_combine(ctx: AppContext, staff: list[str], clock: FakeClock) -> None:
    start = clock.now()
    _fill(ctx, staff, clock)
    assert audit_repo.count(ctx.db) == 5
    assert [r["action"] for r in audit_repo.rows(ctx.db, filter=AuditFilter(action="auth."))] == [
        "auth.signin",
        "auth.signin",
    ]
    mine = audit_repo.rows(ctx.db, filter=AuditFilter(practitioner_id=staff[1]))
    assert [r["entity_id"] for r in mine] == ["id3", "id2"]  # newest first
    window = AuditFilter(since=start + timedelta(hours=1), until=start + timedelta(hours=3))
    assert [r["entity_id"] for r in audit_repo.rows(ctx.db, filter=window)] == ["id2", "id1"]
    assert audit_repo.rows(ctx.db, entity_id="id4")[0]["action"] == "backup.create"
    assert audit_repo.actions(ctx.db) == sorted(
        {"auth.signin", "patient.open", "visit.complete", "backup.create"}
    )


def test_csv_export_is_private_complete_and_readable(
    ctx: AppContext, staff: list[str], clock: FakeClock, tmp_path: Path
) -> None:
    _fill(ctx, staff, clock)
    out = tmp_path / "audit.csv"
    assert audit_repo.export_csv(ctx.db, out, AuditFilter(action="auth.")) == 2
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["practitioner"] for r in rows] == ["Dr Amara Okafor", "Nurse Chloé Martin"]
    assert rows[0]["action"] == "auth.signin" and rows[0]["at"].startswith("2026-11-24T14:00")
    assert audit_repo.export_csv(ctx.db, out) == 5  # overwrites the earlier export
    assert not list(tmp_path.glob("*.partial"))
