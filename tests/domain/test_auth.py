"""PIN rules, Argon2id hashes, sign-in with lockout and its growing delay, roles."""

from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher

from console.access import auth
from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo, practitioners_repo
from console.errors import DomainError
from tests.pins import staff_with_pins


@pytest.fixture
def team(ctx: AppContext) -> list[str]:
    return staff_with_pins(ctx)


def _actions(ctx: AppContext) -> list[str]:
    return [r["action"] for r in reversed(audit_repo.rows(ctx.db))]


@pytest.mark.parametrize("pin", ["2468", "135792468024", "correct horse", "Ünïcode-pässword"])
def test_acceptable_pins(pin: str) -> None:
    auth.check_pin_rules(pin)


@pytest.mark.parametrize(
    "pin, words",
    [
        ("123", "4 to 12 digits"),
        ("1234567890123", "4 to 12 digits"),
        ("0000", "repeated"),
        ("abc12", "at least 8"),
        ("", "at least 8"),
        (" spaced pass ", "space"),
    ],
)
def test_refused_pins_say_why(pin: str, words: str) -> None:
    with pytest.raises(DomainError) as err:
        auth.check_pin_rules(pin)
    assert words in err.value.message
    assert err.value.field == "pin"


def test_the_pin_is_stored_as_an_argon2id_hash_never_in_clear(
    ctx: AppContext, team: list[str]
) -> None:
    row = practitioners_repo.get(ctx.db, team[0])
    assert row is not None
    assert row["pin_hash"].startswith("$argon2id$")
    assert "2468" not in row["pin_hash"]
    dump = "\n".join(ctx.db.conn.iterdump())
    assert "2468" not in dump.replace(row["pin_hash"], "")


def test_right_pin_signs_in_and_is_audited(ctx: AppContext, team: list[str]) -> None:
    assert auth.sign_in(ctx, team[1], "1357") == team[1]
    last = audit_repo.rows(ctx.db, limit=1)[0]
    assert (last["action"], last["practitioner_id"], last["entity_id"]) == (
        "auth.signin",
        team[1],
        team[1],
    )


def test_wrong_pin_counts_down_then_locks_with_a_growing_delay(
    ctx: AppContext, team: list[str], clock: FakeClock
) -> None:
    nurse = team[1]
    for left in (4, 3, 2, 1):
        with pytest.raises(DomainError) as err:
            auth.sign_in(ctx, nurse, "9999")
        assert f"{left} tr" in err.value.message
    with pytest.raises(auth.AccountLocked) as locked:
        auth.sign_in(ctx, nurse, "9999")
    assert (locked.value.until - clock.now()).total_seconds() == 60
    assert "locked until 14:01" in locked.value.message  # Europe/London = UTC in November
    # While locked even the right PIN is refused, without being checked.
    with pytest.raises(auth.AccountLocked):
        auth.sign_in(ctx, nurse, "1357")
    clock.advance(61)
    # The next wrong PIN locks again at once, for twice as long.
    with pytest.raises(auth.AccountLocked) as again:
        auth.sign_in(ctx, nurse, "0101")
    assert (again.value.until - clock.now()).total_seconds() == 120
    clock.advance(121)
    assert auth.sign_in(ctx, nurse, "1357") == nurse
    row = practitioners_repo.get(ctx.db, nurse)
    assert row is not None and row["failed_attempts"] == 0 and row["locked_until"] is None
    actions = _actions(ctx)
    assert actions.count("auth.signin_failed") == 6
    assert actions.count("auth.lockout") == 2
    assert actions.count("auth.refused_locked") == 1
    assert actions[-1] == "auth.signin"


def test_lock_delay_grows_and_is_capped() -> None:
    delays = [auth.lock_delay(n) for n in range(1, 40)]
    assert delays[:4] == [None] * 4
    minutes = [d.total_seconds() / 60 for d in delays[4:] if d is not None]
    assert minutes[:4] == [1, 2, 4, 8]
    assert max(minutes) == 60 and minutes == sorted(minutes)


def test_a_lockout_is_per_account(ctx: AppContext, team: list[str]) -> None:
    for _ in range(5):
        with pytest.raises(DomainError):
            auth.sign_in(ctx, team[1], "0000")
    assert auth.sign_in(ctx, team[2], "8642") == team[2]


def test_a_hash_with_old_parameters_is_replaced_at_sign_in(
    ctx: AppContext, team: list[str]
) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("1357")
    practitioners_repo.set_pin_hash(ctx.db, team[1], weak)
    assert auth.sign_in(ctx, team[1], "1357") == team[1]
    row = practitioners_repo.get(ctx.db, team[1])
    assert row is not None and row["pin_hash"] != weak
    assert "m=65536,t=3,p=4" in row["pin_hash"]
    assert auth.sign_in(ctx, team[1], "1357") == team[1]


def test_account_without_pin_cannot_sign_in(ctx: AppContext, staff: list[str]) -> None:
    with pytest.raises(DomainError, match="No PIN"):
        auth.sign_in(ctx, staff[1], "1357")


def test_first_admin_only_when_nobody_can_sign_in(ctx: AppContext) -> None:
    assert auth.needs_first_admin(ctx.db)
    with pytest.raises(DomainError) as err:
        auth.create_first_admin(ctx, "Dr Ada", "12")
    assert err.value.field == "pin"
    admin = auth.create_first_admin(ctx, "  Dr   Ada  ", "482916")
    row = practitioners_repo.get(ctx.db, admin)
    assert row is not None and (row["display_name"], row["role"]) == ("Dr Ada", "admin")
    assert not auth.needs_first_admin(ctx.db)
    with pytest.raises(DomainError, match="already exists"):
        auth.create_first_admin(ctx, "Mallory", "111222")
    created = audit_repo.rows(ctx.db, filter=audit_repo.AuditFilter(action="practitioner.create"))
    assert len(created) == 1 and json.loads(created[0]["detail"])["first_admin"] is True


def test_only_admins_manage_accounts(ctx: AppContext, team: list[str]) -> None:
    ctx.practitioner_id = team[1]  # a practitioner
    with pytest.raises(DomainError, match="Only an admin"):
        auth.create_practitioner(ctx, "New Nurse", "practitioner", "5555")
    with pytest.raises(DomainError, match="Only an admin"):
        auth.deactivate(ctx, team[2])
    ctx.practitioner_id = team[0]
    new = auth.create_practitioner(ctx, "New Nurse", "practitioner", "5151")
    with pytest.raises(DomainError, match="already an account"):
        auth.create_practitioner(ctx, "new nurse", "practitioner", "5151")
    auth.deactivate(ctx, new)
    with pytest.raises(DomainError, match="deactivated"):
        auth.sign_in(ctx, new, "5151")
    with pytest.raises(DomainError, match="last admin"):
        auth.deactivate(ctx, team[0])


def test_change_own_pin_and_admin_reset_clears_a_lockout(ctx: AppContext, team: list[str]) -> None:
    ctx.practitioner_id = team[1]
    with pytest.raises(DomainError, match="Wrong PIN"):
        auth.change_pin(ctx, "0000", "97531")
    auth.change_pin(ctx, "1357", "97531")
    assert auth.sign_in(ctx, team[1], "97531") == team[1]
    for _ in range(5):
        with pytest.raises(DomainError):
            auth.sign_in(ctx, team[2], "1111")
    ctx.practitioner_id = team[0]
    auth.reset_pin(ctx, team[2], "24680")
    assert auth.sign_in(ctx, team[2], "24680") == team[2]
    assert {"practitioner.pin_change", "practitioner.pin_reset"} <= set(_actions(ctx))
