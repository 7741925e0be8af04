"""practitioners_repo: accounts as the sign-in list and the users view show them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.clock import FakeClock
from console.data import practitioners_repo
from console.data.store import Db
from tests.data.contract.conftest import Store


def _create(
    db: Db,
    clock: FakeClock,
    name: str,
    role: str = "practitioner",
    pin_hash: str | None = "hash",
) -> str:
    with db.atomic():
        return practitioners_repo.create(
            db, display_name=name, role=role, pin_hash=pin_hash, now=clock.now()
        )


def test_an_account_is_read_back_by_id_and_by_name(store: Store, clock: FakeClock) -> None:
    pid = _create(store.db, clock, "Dr Amélie Roux", "admin", "scrypt$abc")
    row = practitioners_repo.get(store.db, pid)
    assert row is not None
    assert (row["display_name"], row["role"], row["pin_hash"]) == (
        "Dr Amélie Roux",
        "admin",
        "scrypt$abc",
    )
    by_name = practitioners_repo.get_by_name(store.db, "dr amélie roux")  # as typed at sign-in
    assert by_name is not None and by_name["id"] == pid
    assert practitioners_repo.get(store.db, "nobody") is None
    assert practitioners_repo.get_by_name(store.db, "Nobody") is None


def test_display_names_are_unique_whatever_the_case(store: Store, clock: FakeClock) -> None:
    _create(store.db, clock, "Sam Patel")
    with pytest.raises(store.refused):
        _create(store.db, clock, "SAM PATEL")
    assert [r["display_name"] for r in practitioners_repo.list_all(store.db)] == ["Sam Patel"]


def test_lists_are_alphabetical_and_deactivated_accounts_leave_the_active_list(
    store: Store, clock: FakeClock
) -> None:
    ids = {n: _create(store.db, clock, n) for n in ("zoe Hart", "Ben Okafor", "amira Haddad")}
    with store.db.atomic():
        practitioners_repo.set_active(store.db, ids["Ben Okafor"], False)
    active = [r["display_name"] for r in practitioners_repo.list_active(store.db)]
    assert active == ["amira Haddad", "zoe Hart"]
    everyone = [r["display_name"] for r in practitioners_repo.list_all(store.db)]
    assert everyone == ["amira Haddad", "zoe Hart", "Ben Okafor"]  # deactivated last
    assert practitioners_repo.names(store.db)[ids["Ben Okafor"]] == "Ben Okafor"


def test_who_can_sign_in(store: Store, clock: FakeClock) -> None:
    admin = _create(store.db, clock, "Admin", "admin")
    _create(store.db, clock, "No Pin Yet", pin_hash=None)
    nurse = _create(store.db, clock, "Nurse")
    assert practitioners_repo.count_can_sign_in(store.db) == 2
    assert practitioners_repo.count_can_sign_in(store.db, role="admin") == 1
    with store.db.atomic():
        practitioners_repo.set_active(store.db, admin, False)
        practitioners_repo.set_pin_hash(store.db, nurse, "new-hash")
    assert practitioners_repo.count_can_sign_in(store.db, role="admin") == 0
    row = practitioners_repo.get(store.db, nurse)
    assert row is not None and row["pin_hash"] == "new-hash"


def test_failed_attempts_and_lockout_are_read_back(store: Store, clock: FakeClock) -> None:
    pid = _create(store.db, clock, "Nurse")
    until = clock.now() + timedelta(minutes=5)
    with store.db.atomic():
        practitioners_repo.set_failures(store.db, pid, failed_attempts=5, locked_until=until)
    row = practitioners_repo.get(store.db, pid)
    assert row is not None
    assert (row["failed_attempts"], row["locked_until"]) == (5, until.isoformat())
    with store.db.atomic():
        practitioners_repo.set_failures(store.db, pid, failed_attempts=0, locked_until=None)
    row = practitioners_repo.get(store.db, pid)
    assert row is not None and (row["failed_attempts"], row["locked_until"]) == (0, None)
