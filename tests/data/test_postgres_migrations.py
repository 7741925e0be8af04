"""The PostgreSQL migration runner: steps in name order, each once, each in its own transaction,
and two rooms starting at the same moment migrate the database once between them."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from console.data.migrations import MIGRATIONS
from console.data.migrations import postgres as runner
from console.data.migrations.postgres import Step, applied_postgres, apply_postgres_migrations
from tests.data.postgres_store import raises_pg

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def pg(pg_url: str) -> Iterator[Any]:
    from tests.data.postgres_store import connect

    store = connect(pg_url)
    yield store
    store.close()


def test_every_step_is_applied_once_in_name_order_and_recorded(pg: Any) -> None:
    names = [m.name for m in MIGRATIONS._migrations]  # the SQLite steps, the same list
    assert applied_postgres(pg) == []  # an empty database: nothing, and no error
    assert apply_postgres_migrations(pg) == names
    assert applied_postgres(pg) == names
    assert apply_postgres_migrations(pg) == []  # the next start: nothing to do
    rows = pg.execute("SELECT migration_set, name, applied_at FROM _postgres_migrations").fetchall()
    assert len(rows) == len(names) and {r[0] for r in rows} == {"console"}


def test_stop_before_leaves_the_rest_for_later(pg: Any) -> None:
    assert apply_postgres_migrations(pg, stop_before="0007_visit_lock") == [
        "0001_initial",
        "0003_records_indexes",
        "0006_patient_search",
    ]
    assert apply_postgres_migrations(pg)[0] == "0007_visit_lock"
    with pytest.raises(ValueError, match="no migration step named"):
        apply_postgres_migrations(pg, stop_before="0099_nothing")


def test_a_failing_step_leaves_the_steps_before_it_and_nothing_of_itself(
    pg: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = runner.steps()
    broken = Step(
        name="0002_broken",
        module=SimpleNamespace(POSTGRES=["CREATE TABLE half_made (a TEXT)", "SELECT 1 / 0"]),
    )
    monkeypatch.setattr(runner, "steps", lambda: [real[0], broken, *real[1:]])
    with raises_pg(psycopg.errors.DivisionByZero):
        apply_postgres_migrations(pg)
    assert applied_postgres(pg) == ["0001_initial"]
    assert pg.execute("SELECT to_regclass('half_made')").fetchone() == (None,)


def test_two_rooms_starting_at_once_migrate_the_database_once(pg_url: str) -> None:
    from tests.data.postgres_store import connect

    rooms = [connect(pg_url) for _ in range(3)]
    applied: list[list[str]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(rooms))

    def room(store: Any) -> None:
        try:
            start.wait()
            applied.append(apply_postgres_migrations(store))
        except BaseException as exc:  # reported below, with the others' results
            errors.append(exc)

    threads = [threading.Thread(target=room, args=(store,)) for store in rooms]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    try:
        assert errors == []
        names = [m.name for m in MIGRATIONS._migrations]
        every = [name for done in applied for name in done]
        assert sorted(every) == sorted(names)  # each step by exactly one room
        assert applied_postgres(rooms[0]) == names
    finally:
        for store in rooms:
            store.close()


def test_a_steps_statements_reach_the_server_as_written(pg: Any) -> None:
    # The steps run without parameters, so the adapter rewrites nothing: the search index's
    # punctuation list (with its % and ?) is stored exactly as the search query spells it.
    apply_postgres_migrations(pg)
    (definition,) = pg.execute(
        "SELECT generation_expression FROM information_schema.columns "
        "WHERE table_name = 'patients' AND column_name = 'search_words'"
    ).fetchone()
    assert "'!\"#$%&''()*+,-./:;<=>?@[\\]^`{|}~'" in definition


def _owned_database(pg_server: Any) -> Any:
    """A fresh database owned by a login that is neither superuser nor allowed to make roles,
    with the rooms' role made once by the administrator; a store connected as that owner."""
    from tests.data.postgres_store import connect

    owner, name = f"clinic_owner_{uuid.uuid4().hex[:8]}", f"clinic_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server.conninfo(), autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {owner} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB")
        admin.execute(f'CREATE DATABASE "{name}" OWNER {owner}')
        admin.execute(  # the one thing an administrator does once per server
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            f"'{runner.ROOM_ROLE}') THEN CREATE ROLE {runner.ROOM_ROLE} NOLOGIN; END IF; END $$"
        )
    params = psycopg.conninfo.conninfo_to_dict(pg_server.conninfo(name))
    return connect(psycopg.conninfo.make_conninfo(**{**params, "user": owner}))


def test_a_database_owner_who_is_not_a_superuser_can_create_the_whole_schema(
    pg_server: Any,
) -> None:
    """pg_trgm is a trusted extension and the collation, tables and grants are the owner's:
    a clinic's IT need not hand the console a superuser (only the rooms' role, made once)."""
    store = _owned_database(pg_server)
    owner = store.execute("SELECT current_user").fetchone()[0]
    try:
        assert applied_postgres(store) == []
        assert apply_postgres_migrations(store) == [m.name for m in MIGRATIONS._migrations]
        assert store.execute(
            "SELECT rolsuper FROM pg_roles WHERE rolname = ?", [owner]
        ).fetchone() == (False,)
        granted = store.execute(
            "SELECT has_table_privilege(?, 'audit_log', 'INSERT'),"
            " has_table_privilege(?, 'audit_log', 'UPDATE'),"
            " has_table_privilege(?, 'patients', 'UPDATE')",
            [runner.ROOM_ROLE] * 3,
        ).fetchone()
        assert granted == (True, False, True)
    finally:
        store.close()


def test_an_owner_who_may_not_make_the_rooms_role_is_told_what_to_ask_for(
    pg_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _owned_database(pg_server)
    monkeypatch.setattr(runner, "ROOM_ROLE", f"console_room_{uuid.uuid4().hex[:8]}")
    try:
        with raises_pg(psycopg.errors.InsufficientPrivilege) as caught:
            apply_postgres_migrations(store)
        assert "is missing and this login may not create it" in str(caught.value)
        assert (
            caught.value.diag.message_hint
            == f"as a superuser: CREATE ROLE {runner.ROOM_ROLE} NOLOGIN"
        )
        assert applied_postgres(store) == [m.name for m in MIGRATIONS._migrations]
    finally:
        store.close()
