"""pytest fixtures for clinic mode: one private PostgreSQL server per test run, a fresh database
per test.

The server (``tests/pg_server.py``) starts once for the session, only when a test asks for it.
In CI a missing server fails the test instead of skipping (``.ci/run`` installs it); on a
developer's machine without ``postgresql`` it skips, naming the package.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest

from tests.pg_server import NoServer, PgServer, private_server

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")  # as tests/conftest.py
    try:
        with private_server() as running:
            yield running
    except NoServer as exc:
        if in_ci:
            pytest.fail(f"{exc}: CI must install it", pytrace=False)
        pytest.skip(str(exc))


def create_database(server: PgServer) -> str:
    """An empty database on the test server; its libpq URL, as a clinic passes it to --db."""
    import psycopg  # test extra; imported here so SQLite-only runs never need it

    name = f"clinic_{os.getpid()}_{next(_names)}"
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.url(name)


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh, empty clinic database for this test (nothing created in it yet)."""
    return create_database(pg_server)
