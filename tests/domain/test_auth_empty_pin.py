"""Nothing typed is not a guess: an empty PIN never counts towards the lockout."""

from __future__ import annotations

import pytest

from console.access import auth
from console.context import AppContext
from console.data import audit_repo, practitioners_repo
from console.errors import DomainError
from tests.pins import staff_with_pins


def test_an_empty_pin_is_refused_without_counting(ctx: AppContext) -> None:
    team = staff_with_pins(ctx)
    for purpose in ("signin", "unlock", "signin", "unlock", "signin", "unlock"):
        with pytest.raises(DomainError, match="Type your PIN") as err:
            auth.sign_in(ctx, team[1], "", purpose=purpose)
        assert err.value.field == "pin"
    row = practitioners_repo.get(ctx.db, team[1])
    assert row is not None and row["failed_attempts"] == 0 and row["locked_until"] is None
    assert audit_repo.rows(ctx.db, filter=audit_repo.AuditFilter(action="auth.")) == []
    assert auth.sign_in(ctx, team[1], "1357") == team[1]
