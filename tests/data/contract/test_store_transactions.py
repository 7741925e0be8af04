"""db.py's promise: writes go through ``atomic()``, all or nothing, and writers wait their turn."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest

from console.data import audit_repo, patients_repo, settings_repo
from console.data.db import integrity_check, schema_version
from console.data.migrations import MIGRATIONS
from tests.data.contract.conftest import Store


def _add_patient(store: Store, name: str) -> str:
    return patients_repo.insert(
        store.db, full_name=name, date_of_birth=date(1990, 1, 2), now=store.ctx.now(), by=None
    )


def test_what_a_transaction_wrote_is_read_back_by_another_connection(store: Store) -> None:
    with store.db.atomic():
        pid = _add_patient(store, "Inès Moreau")
        store.ctx.audit("patient.create", entity="patient", entity_id=pid)
    other = store.open_another()
    try:
        found = patients_repo.get(other, pid)
        assert found is not None and found["full_name"] == "Inès Moreau"
        assert audit_repo.rows(other, entity_id=pid)[0]["action"] == "patient.create"
    finally:
        other.close()


def test_an_error_inside_a_transaction_leaves_nothing_half_saved(store: Store) -> None:
    before = audit_repo.count(store.db)
    with pytest.raises(RuntimeError), store.db.atomic():
        pid = _add_patient(store, "Half Saved")
        store.ctx.audit("patient.create", entity="patient", entity_id=pid)
        raise RuntimeError("the disk filled up")
    assert patients_repo.get(store.db, pid) is None
    assert audit_repo.count(store.db) == before
    # The store is usable afterwards: the failed transaction did not stay open.
    with store.db.atomic():
        assert patients_repo.get(store.db, _add_patient(store, "Next One")) is not None


def test_a_failed_nested_step_is_undone_alone(store: Store) -> None:
    with store.db.atomic():
        kept = _add_patient(store, "Kept Patient")
        with pytest.raises(ValueError), store.db.atomic():
            dropped = _add_patient(store, "Dropped Patient")
            raise ValueError("one step refused")
    assert patients_repo.get(store.db, kept) is not None
    assert patients_repo.get(store.db, dropped) is None


def test_a_refused_write_rolls_back_the_whole_transaction(store: Store) -> None:
    before = audit_repo.count(store.db)
    with pytest.raises(store.refused), store.db.atomic():
        store.ctx.audit("settings.change", detail={"key": "clinic.name"})
        settings_repo.put(store.db, "clinic.name", "Half", now=store.ctx.now(), by=None)
        # The patient's birth date may not be missing: the schema refuses it.
        store.db.execute("INSERT INTO patients (id, full_name) VALUES ('x', 'No Birth Date')")
    assert audit_repo.count(store.db) == before
    assert settings_repo.get(store.db, "clinic.name") == "Your clinic"


def test_a_second_writer_waits_for_the_first_instead_of_failing(store: Store) -> None:
    """Both writers read before they write (as ``stop_pass`` does); the second one waits."""
    first_holds = threading.Event()
    errors: list[BaseException] = []

    def second_writer() -> None:
        other = store.open_another()  # a connection belongs to the thread that opened it
        try:
            first_holds.wait(5)
            with other.atomic():
                audit_repo.count(other)
                audit_repo.record(other, at=store.ctx.now(), by=None, action="room.b")
        except BaseException as exc:  # reported below, in the test's own thread
            errors.append(exc)
        finally:
            other.close()

    worker = threading.Thread(target=second_writer)
    worker.start()
    try:
        with store.db.atomic():
            audit_repo.count(store.db)
            store.ctx.audit("room.a")
            first_holds.set()
            time.sleep(0.3)  # the second writer is now waiting for the lock
    finally:
        worker.join(10)
    assert not worker.is_alive()
    assert errors == []
    assert [r["action"] for r in audit_repo.rows(store.db, limit=2)] == ["room.b", "room.a"]
    assert audit_repo.verify_chain(store.db).ok


def test_a_fresh_store_is_migrated_to_the_last_step_and_sound(store: Store) -> None:
    assert schema_version(store.db) == MIGRATIONS._migrations[-1].name
    assert integrity_check(store.db) == ["ok"]
    assert integrity_check(store.db, quick=True) == ["ok"]
