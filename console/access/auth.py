"""Practitioner accounts: PIN rules, Argon2id hashes, sign-in with lockout, roles.

Every sign-in attempt, lockout and account change leaves an audit row in the same
transaction as the change it describes.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from console.clock import parse_iso
from console.context import AppContext
from console.data import practitioners_repo
from console.data.store import Db
from console.errors import DomainError
from console.settings.clinic_time import clinic_zone

ROLES = ("admin", "practitioner")
MAX_ATTEMPTS = 5
# The lock doubles with every further wrong PIN: 1, 2, 4 … minutes, never more than an hour,
# so a guesser gets a handful of tries per hour while a practitioner who slipped waits a minute.
FIRST_LOCK = timedelta(minutes=1)
MAX_LOCK = timedelta(hours=1)

# argon2-cffi's defaults are Argon2id with RFC 9106's low-memory profile (t=3, 64 MiB, p=4).
# A hash made with other parameters verifies and is replaced at the next sign-in.
_hasher = PasswordHasher()

_DIGITS = re.compile(r"\d{4,12}")


class AccountLocked(DomainError):
    """Too many wrong PINs: no PIN is checked before ``until`` (UTC)."""

    def __init__(self, message: str, until: datetime) -> None:
        super().__init__(message, field="pin")
        self.until = until


def check_pin_rules(pin: str) -> None:
    """A PIN is 4–12 digits; anything else must be a password of at least 8 characters."""
    if pin.isdigit() and pin.isascii():
        if not _DIGITS.fullmatch(pin):
            raise DomainError("A PIN has 4 to 12 digits.", field="pin")
        if len(set(pin)) == 1:
            raise DomainError("A PIN of one repeated digit is too easy to guess.", field="pin")
        return
    if len(pin) < 8:
        raise DomainError(
            "Use 4 to 12 digits, or a password of at least 8 characters.", field="pin"
        )
    if pin != pin.strip():
        raise DomainError("A password cannot start or end with a space.", field="pin")


def hash_pin(pin: str) -> str:
    """The Argon2id hash stored for ``pin`` (which must follow the PIN rules)."""
    check_pin_rules(pin)
    return _hasher.hash(pin)


def _verify(pin_hash: str, pin: str) -> bool:
    try:
        return bool(_hasher.verify(pin_hash, pin))
    except (VerificationError, InvalidHashError):
        return False


def lock_delay(failed_attempts: int) -> timedelta | None:
    """How long the account locks after this many consecutive wrong PINs (None: not locked)."""
    if failed_attempts < MAX_ATTEMPTS:
        return None
    doublings = min(failed_attempts - MAX_ATTEMPTS, 16)  # bounded: no huge numbers
    return min(FIRST_LOCK * (1 << doublings), MAX_LOCK)


def locked_until(row: dict[str, Any], now: datetime) -> datetime | None:
    """When a locked account opens again, or None when it is not locked at ``now``."""
    if not row.get("locked_until"):
        return None
    until = parse_iso(str(row["locked_until"]))
    return until if until > now else None


def _local_time(db: Db, at: datetime) -> str:
    return at.astimezone(clinic_zone(db)).strftime("%H:%M")


def _locked_message(db: Db, until: datetime, now: datetime) -> str:
    minutes = max(1, round((until - now).total_seconds() / 60))
    unit = "minute" if minutes == 1 else "minutes"
    return (
        f"Too many wrong PINs: this account is locked until {_local_time(db, until)} "
        f"(about {minutes} {unit}). Another practitioner can sign in meanwhile."
    )


def _account(db: Db, practitioner_id: str) -> dict[str, Any]:
    row = practitioners_repo.get(db, practitioner_id)
    if row is None or not row["active"]:
        raise DomainError("This account does not exist or has been deactivated.")
    return row


def sign_in(ctx: AppContext, practitioner_id: str, pin: str, *, purpose: str = "signin") -> str:
    """Check ``pin`` for the account; returns its id or raises with a message for the screen.

    ``purpose`` is ``"signin"`` or ``"unlock"`` (the idle lock); it only names the audit rows.
    The caller sets ``ctx.practitioner_id``: this function decides, it does not sign anyone in.
    """
    db, now = ctx.db, ctx.now()
    row = _account(db, practitioner_id)
    if not pin:
        # Nothing typed (a pedal sending Enter, OK pressed too soon) is not a guess: it never
        # counts towards the lockout, whichever screen or command sent it.
        raise DomainError("Type your PIN, then press Enter.", field="pin")
    if not row["pin_hash"]:
        raise DomainError("No PIN is set for this account: ask an admin to set one.", field="pin")
    until = locked_until(row, now)
    if until is not None:
        with db.atomic():
            ctx.audit(
                "auth.refused_locked",
                entity="practitioner",
                entity_id=practitioner_id,
                detail={"purpose": purpose},
                by=practitioner_id,
            )
        raise AccountLocked(_locked_message(db, until, now), until)
    ok = _verify(row["pin_hash"], pin)
    with db.atomic():
        if ok:
            practitioners_repo.set_failures(
                db, practitioner_id, failed_attempts=0, locked_until=None
            )
            if _hasher.check_needs_rehash(row["pin_hash"]):
                practitioners_repo.set_pin_hash(db, practitioner_id, _hasher.hash(pin))
            ctx.audit(
                f"auth.{purpose}",
                entity="practitioner",
                entity_id=practitioner_id,
                by=practitioner_id,
            )
            return practitioner_id
        attempts = int(row["failed_attempts"]) + 1
        delay = lock_delay(attempts)
        until = now + delay if delay else None
        practitioners_repo.set_failures(
            db, practitioner_id, failed_attempts=attempts, locked_until=until
        )
        ctx.audit(
            f"auth.{purpose}_failed",
            entity="practitioner",
            entity_id=practitioner_id,
            detail={"attempts": attempts},
            by=practitioner_id,
        )
        if until is not None:
            ctx.audit(
                "auth.lockout",
                entity="practitioner",
                entity_id=practitioner_id,
                detail={"attempts": attempts, "until": until.isoformat()},
                by=practitioner_id,
            )
    if until is not None:
        raise AccountLocked(_locked_message(db, until, now), until)
    left = MAX_ATTEMPTS - attempts
    tries = "try" if left == 1 else "tries"
    raise DomainError(f"Wrong PIN. {left} {tries} left before the account locks.", field="pin")


# -- who is who (what the sign-in, lock and accounts screens list) ----------------------------
def account(ctx: AppContext, practitioner_id: str) -> dict[str, Any] | None:
    """The account's row (deactivated ones too), or None when there is no such account."""
    return practitioners_repo.get(ctx.db, practitioner_id)


def display_name(ctx: AppContext, practitioner_id: str | None) -> str | None:
    row = account(ctx, practitioner_id) if practitioner_id else None
    return str(row["display_name"]) if row else None


def accounts(ctx: AppContext) -> list[dict[str, Any]]:
    """Every account, deactivated ones included (Settings → Accounts)."""
    return practitioners_repo.list_all(ctx.db)


def active_accounts(ctx: AppContext) -> list[dict[str, Any]]:
    return practitioners_repo.list_active(ctx.db)


def who_can_sign_in(ctx: AppContext) -> list[dict[str, Any]]:
    """Active accounts with a PIN: the names the sign-in and lock screens offer."""
    return [p for p in active_accounts(ctx) if p["pin_hash"]]


def names(ctx: AppContext) -> dict[str, str]:
    """Every account's display name by id, for lists that show who did something."""
    return practitioners_repo.names(ctx.db)


def signed_in_is_admin(ctx: AppContext) -> bool:
    return is_admin(ctx.db, ctx.practitioner_id)


def nobody_can_sign_in(ctx: AppContext) -> bool:
    """A new install: the sign-in screen asks for the first admin instead."""
    return needs_first_admin(ctx.db)


# -- accounts -------------------------------------------------------------------------------
def is_admin(db: Db, practitioner_id: str | None) -> bool:
    if practitioner_id is None:
        return False
    row = practitioners_repo.get(db, practitioner_id)
    return bool(row and row["active"] and row["role"] == "admin")


def require_admin(ctx: AppContext) -> str:
    who = ctx.require_practitioner()
    if not is_admin(ctx.db, who):
        raise DomainError("Only an admin can do this.")
    return who


def needs_first_admin(db: Db) -> bool:
    """True when nobody can sign in: a new install asks for an admin instead of a default."""
    return practitioners_repo.count_can_sign_in(db) == 0


def _check_name(db: Db, display_name: str) -> str:
    name = " ".join(display_name.split())
    if len(name) < 2:
        raise DomainError("Enter the name shown on the sign-in screen.", field="name")
    if len(name) > 60:
        raise DomainError("Keep the name under 60 characters.", field="name")
    if practitioners_repo.get_by_name(db, name) is not None:
        raise DomainError("There is already an account with this name.", field="name")
    return name


def _create(ctx: AppContext, display_name: str, role: str, pin: str, by: str | None) -> str:
    if role not in ROLES:
        raise DomainError("The role is admin or practitioner.", field="role")
    name = _check_name(ctx.db, display_name)
    pin_hash = hash_pin(pin)
    now = ctx.now()
    with ctx.db.atomic():
        pid = practitioners_repo.create(
            ctx.db, display_name=name, role=role, pin_hash=pin_hash, now=now
        )
        ctx.audit(
            "practitioner.create",
            entity="practitioner",
            entity_id=pid,
            detail={"role": role, "first_admin": by is None},
            by=by or pid,
        )
    return pid


def create_first_admin(ctx: AppContext, display_name: str, pin: str) -> str:
    if not needs_first_admin(ctx.db):
        raise DomainError("An account that can sign in already exists: ask an admin.")
    return _create(ctx, display_name, "admin", pin, None)


def create_practitioner(ctx: AppContext, display_name: str, role: str, pin: str) -> str:
    return _create(ctx, display_name, role, pin, require_admin(ctx))


def change_pin(ctx: AppContext, old_pin: str, new_pin: str) -> None:
    """The signed-in practitioner changes their own PIN (a wrong old PIN counts as a failure)."""
    who = ctx.require_practitioner()
    check_pin_rules(new_pin)
    sign_in(ctx, who, old_pin, purpose="pin_check")
    with ctx.db.atomic():
        practitioners_repo.set_pin_hash(ctx.db, who, _hasher.hash(new_pin))
        ctx.audit("practitioner.pin_change", entity="practitioner", entity_id=who)


def reset_pin(ctx: AppContext, practitioner_id: str, new_pin: str) -> None:
    """An admin sets someone's PIN (forgotten PIN, or a locked account); clears the lockout."""
    require_admin(ctx)
    _account(ctx.db, practitioner_id)
    pin_hash = hash_pin(new_pin)
    with ctx.db.atomic():
        practitioners_repo.set_pin_hash(ctx.db, practitioner_id, pin_hash)
        practitioners_repo.set_failures(
            ctx.db, practitioner_id, failed_attempts=0, locked_until=None
        )
        ctx.audit("practitioner.pin_reset", entity="practitioner", entity_id=practitioner_id)


def deactivate(ctx: AppContext, practitioner_id: str) -> None:
    """Accounts are never deleted (records point at them); a deactivated one cannot sign in."""
    require_admin(ctx)
    row = _account(ctx.db, practitioner_id)
    if (
        row["role"] == "admin"
        and row["pin_hash"]
        and practitioners_repo.count_can_sign_in(ctx.db, role="admin") <= 1
    ):
        raise DomainError("This is the last admin who can sign in: make another admin first.")
    with ctx.db.atomic():
        practitioners_repo.set_active(ctx.db, practitioner_id, False)
        ctx.audit("practitioner.deactivate", entity="practitioner", entity_id=practitioner_id)


def record_lock(ctx: AppContext, reason: str) -> None:
    """The screen was locked (``reason``: "idle" or "key"); unlocking is audited by sign_in."""
    ctx.audit(
        "auth.lock",
        entity="practitioner",
        entity_id=ctx.practitioner_id or "",
        detail={"reason": reason},
    )


def record_switch(ctx: AppContext, previous: str | None) -> None:
    """Another practitioner unlocked the screen and carries on: from now on records are theirs."""
    ctx.audit(
        "auth.switch",
        entity="practitioner",
        entity_id=ctx.practitioner_id or "",
        detail={"previous": previous or ""},
    )
