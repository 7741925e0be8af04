"""The private PostgreSQL server that clinic-mode tests run against starts, answers and is private.

In CI a missing server fails the run (`.ci/run` installs it); locally it skips, naming the package.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator

import pytest

from tests.conftest import IN_CI
from tests.pg_server import NoServer, PgServer, private_server

psycopg = pytest.importorskip("psycopg") if not IN_CI else __import__("psycopg")


@pytest.fixture(scope="module")
def server() -> Iterator[PgServer]:
    try:
        with private_server() as running:
            yield running
    except NoServer as exc:
        if IN_CI:
            pytest.fail(f"{exc}: CI must install it", pytrace=False)
        pytest.skip(str(exc))


def test_the_server_is_postgresql_15_or_later_and_keeps_what_is_written(server: PgServer) -> None:
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE clinic")
        number = conn.execute("SHOW server_version_num").fetchone()[0]
    assert int(number) >= 150000
    with psycopg.connect(server.url("clinic")) as conn:
        conn.execute("CREATE TABLE patients (id uuid PRIMARY KEY, full_name text NOT NULL)")
        conn.execute(
            "INSERT INTO patients VALUES (gen_random_uuid(), %s)", ["Łukasz Żuławski-Nguyễn"]
        )
    with psycopg.connect(server.url("clinic")) as conn:
        names = [r[0] for r in conn.execute("SELECT full_name FROM patients")]
    assert names == ["Łukasz Żuławski-Nguyễn"]  # UTF-8 end to end


def test_the_server_listens_on_a_private_socket_only(server: PgServer) -> None:
    assert stat.S_IMODE(server.socket_dir.stat().st_mode) == 0o700
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        addresses = conn.execute("SHOW listen_addresses").fetchone()[0]
    assert addresses == ""  # no TCP port: nothing else on the machine can reach it
