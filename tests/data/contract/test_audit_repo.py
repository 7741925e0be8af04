"""audit_repo: the trail is append-only, chained, newest first on screen, oldest first in CSV."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.data import audit_repo
from console.data.audit_repo import AuditFilter
from tests.data.contract.conftest import Store


def _trail(store: Store, clock: FakeClock, practitioner: str) -> None:
    for action, entity_id in (
        ("auth.sign_in", ""),
        ("patient.create", "p1"),
        ("patient.update", "p1"),
        ("auth.lock", ""),
        ("patient.create", "p2"),
    ):
        clock.advance(60)
        store.ctx.audit(
            action,
            entity="patient" if entity_id else "",
            entity_id=entity_id,
            detail={"note": "Zoë"} if entity_id == "p1" else None,
        )


def test_rows_are_read_back_newest_first_and_filtered(
    store: Store, clock: FakeClock, practitioner: str
) -> None:
    start = clock.now()
    _trail(store, clock, practitioner)
    rows = audit_repo.rows(store.db)
    assert [r["action"] for r in rows] == [
        "patient.create",
        "auth.lock",
        "patient.update",
        "patient.create",
        "auth.sign_in",
    ]
    assert all(r["practitioner_id"] == practitioner for r in rows)
    assert [r["action"] for r in audit_repo.rows(store.db, entity_id="p1")] == [
        "patient.update",
        "patient.create",
    ]
    assert audit_repo.count(store.db, AuditFilter(action="auth.")) == 2
    assert audit_repo.count(store.db, AuditFilter(action="auth")) == 0  # not a prefix without "."
    assert audit_repo.count(store.db, AuditFilter(action="patient.create")) == 2
    # Since is inclusive, until exclusive: the rows at +120 s and +180 s.
    window = AuditFilter(since=start + timedelta(seconds=120), until=start + timedelta(seconds=240))
    assert [r["action"] for r in audit_repo.rows(store.db, filter=window)] == [
        "patient.update",
        "patient.create",
    ]
    assert audit_repo.count(store.db, AuditFilter(practitioner_id="someone-else")) == 0
    assert [r["action"] for r in audit_repo.rows(store.db, limit=1)] == ["patient.create"]
    assert audit_repo.actions(store.db) == [
        "auth.lock",
        "auth.sign_in",
        "patient.create",
        "patient.update",
    ]


def test_the_trail_refuses_update_and_delete(
    store: Store, clock: FakeClock, practitioner: str
) -> None:
    _trail(store, clock, practitioner)
    with pytest.raises(store.refused), store.db.atomic():
        store.db.execute("UPDATE audit_log SET action = 'nothing.happened'")
    with pytest.raises(store.refused), store.db.atomic():
        store.db.execute("DELETE FROM audit_log WHERE entity_id = 'p1'")
    assert audit_repo.count(store.db) == 5
    assert audit_repo.verify_chain(store.db).ok


def test_the_chain_holds_and_names_its_row_count(
    store: Store, clock: FakeClock, practitioner: str
) -> None:
    _trail(store, clock, practitioner)
    check = audit_repo.verify_chain(store.db)
    assert check.ok and check.chained and check.rows == 5
    assert check.sentence() == "audit trail: hash chain intact (5 rows)"


def test_an_audit_row_goes_with_the_change_it_describes(store: Store, practitioner: str) -> None:
    before = audit_repo.count(store.db)
    with pytest.raises(RuntimeError), store.db.atomic():
        store.ctx.audit("patient.create", entity_id="p9")
        raise RuntimeError("the change failed")
    assert audit_repo.count(store.db) == before


def test_csv_export_is_oldest_first_with_names_and_private(
    store: Store, clock: FakeClock, practitioner: str, tmp_path: Path
) -> None:
    _trail(store, clock, practitioner)
    out = tmp_path / "audit.csv"
    written = audit_repo.export_csv(store.db, out, AuditFilter(entity="patient"))
    assert written == 3
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["action"] for r in rows] == ["patient.create", "patient.update", "patient.create"]
    assert rows[0]["practitioner"] == "Dr Amara Okafor"
    assert '"note": "Zoë"' in rows[0]["detail"]
    assert out.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob("*.partial"))


def test_a_trail_rewritten_after_a_backup_is_caught_against_it(
    store: Store, clock: FakeClock, practitioner: str, tmp_path: Path
) -> None:
    if store.engine != "sqlite":
        pytest.skip("compares with a backup file of the store")
    _trail(store, clock, practitioner)
    copy = tmp_path / "backup.sqlite3"
    store.db.execute("VACUUM INTO ?", [str(copy)])
    store.ctx.audit("after.backup")
    assert audit_repo.verify_against_copy(store.db, copy) is None  # appended to: still agrees
    # Rewritten with the trigger dropped and the chain recomputed: the row the backup ended
    # at no longer carries the hash the backup holds.
    with store.db.atomic():
        store.db.execute("DROP TRIGGER audit_log_no_update")
        store.db.execute("UPDATE audit_log SET hash = 'recomputed' WHERE seq = 5")
    found = audit_repo.verify_against_copy(store.db, copy)
    assert found is not None and found.broken_seq == 5
