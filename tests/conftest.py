"""Shared fixtures. Qt runs offscreen unless a test starts its own X server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

# Before any Qt import: without a display and without this, Qt aborts the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from console.clock import FakeClock
from console.context import AppContext, open_context

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_tool(name: str, package: str) -> str:
    """Path of a command-line tool; a missing one skips locally but fails in CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} not found (Debian package {package})"
        if IN_CI:
            pytest.fail(message + ": CI must install it", pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture
def clock() -> FakeClock:
    # A Tuesday afternoon in November, the clinic's default timezone is Europe/London.
    return FakeClock(datetime(2026, 11, 24, 14, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "console.sqlite3"


@pytest.fixture
def ctx(db_path: Path, clock: FakeClock) -> Iterator[AppContext]:
    """A real database file in a temporary folder, seeded with the shipped protocol."""
    context = open_context(db_path, clock=clock)
    yield context
    context.db.close()


@pytest.fixture
def staff(ctx: AppContext) -> list[str]:
    """The demo practitioners (admin first); the first one is signed in."""
    from console import demo

    ids = demo.create_practitioners(ctx.db, ctx.now())
    ctx.practitioner_id = ids[0]
    return ids
