"""Opening the clinic's server as a room: what a room's login may not do is said in one sentence."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from console.data.db_file import DatabaseRefused
from console.data.pg_open import open_server
from tests.pg_server import PgServer


def test_a_room_login_on_a_clinic_without_schema_is_told_to_start_as_the_owner(
    pg_server: PgServer,
) -> None:
    room, name = f"room_{uuid.uuid4().hex[:8]}", f"clinic_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server.conninfo(), autocommit=True) as admin:
        admin.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'console_room') "
            "THEN CREATE ROLE console_room NOLOGIN; END IF; END $$"
        )
        admin.execute(f"CREATE ROLE {room} LOGIN IN ROLE console_room")
        admin.execute(f'CREATE DATABASE "{name}"')
        admin.execute(f'REVOKE CREATE ON DATABASE "{name}" FROM PUBLIC')
    with psycopg.connect(pg_server.conninfo(name), autocommit=True) as admin:
        admin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    url = f"postgresql://{room}@/{name}?host={pg_server.socket_dir}"
    with pytest.raises(DatabaseRefused) as refused:
        open_server(url)
    assert "start the console once as the database's owner" in refused.value.message
    assert url not in refused.value.message  # the URL as it may be shown: no query, no password


def test_a_password_in_the_url_is_refused_before_connecting() -> None:
    with pytest.raises(DatabaseRefused) as refused:
        open_server("postgresql://room1:secret@clinic-server.invalid/clinic")
    assert "~/.pgpass" in refused.value.message
    assert "secret" not in refused.value.message
