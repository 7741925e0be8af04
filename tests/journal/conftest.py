"""The journal's tests stop and start a server: their own, never the session's shared one."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.journal.outage_support import room  # noqa: F401  (a fixture)
from tests.pg_server import NoServer, PgServer, private_server


@pytest.fixture(scope="session")
def outage_server() -> Iterator[PgServer]:
    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    try:
        with private_server() as running:
            yield running
    except NoServer as exc:
        if in_ci:
            pytest.fail(f"{exc}: CI must install it", pytrace=False)
        pytest.skip(str(exc))
