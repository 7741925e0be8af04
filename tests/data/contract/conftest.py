"""The store every contract test runs against, once per engine.

``engine`` is a fixture parameter: today only "sqlite" (a real file in ``tmp_path``, opened,
migrated and seeded by ``open_context`` as the app opens it). PostgreSQL (issue 13) joins by
adding "postgresql" to ``ENGINES`` and a branch in ``_open`` that opens a fresh database on the
test server through the console's own opener and returns it with the driver's refusal errors;
every test in this folder then runs on both (see README.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from console import store_errors
from console.clock import FakeClock
from console.context import AppContext, open_context
from console.data import patients_repo
from console.data.db import open_database, open_store
from console.data.store import Db
from console.demo import clinic as demo
from tests.conftest import one_area_visit
from tests.pg_fixtures import create_database

ENGINES = ["sqlite", "postgresql"]


@dataclass
class Store:
    """An opened store: the context the services take, and what the engine's refusals raise."""

    engine: str
    ctx: AppContext
    # What a write the schema forbids raises (a trigger, a constraint): the driver's errors.
    refused: tuple[type[BaseException], ...]
    # Another connection to the same store, as a second process (or room) would open it.
    open_another: Callable[[], Db]

    @property
    def db(self) -> Db:
        return self.ctx.db


def _open(engine: str, request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock) -> Store:
    if engine == "postgresql":
        url = create_database(request.getfixturevalue("pg_server"))
        ctx = open_context(url, clock=clock, data_dir=tmp_path / "data")
        return Store(
            engine,
            ctx,
            refused=(store_errors.ServerRefused,),
            open_another=lambda: open_store(url),
        )
    if engine == "sqlite":
        path = tmp_path / "data" / "contract.sqlite3"
        ctx = open_context(path, clock=clock)
        return Store(
            engine,
            ctx,
            refused=(sqlite3.IntegrityError, sqlite3.DatabaseError),
            open_another=lambda: open_database(path),
        )
    raise AssertionError(f"no store for engine {engine!r}")


@pytest.fixture(params=ENGINES)
def store(request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = _open(str(request.param), request, tmp_path, clock)
    yield opened
    opened.db.close()


@pytest.fixture
def db(store: Store) -> Db:
    return store.db


@pytest.fixture
def practitioner(store: Store) -> str:
    """The demo admin, signed in (the demo staff's PINs let tests take a consent)."""
    pid = demo.create_practitioners(store.db, store.ctx.now())[0]
    store.ctx.practitioner_id = pid
    return pid


@pytest.fixture
def completed_visit(store: Store, patient_id: str, clock: FakeClock) -> str:
    """A visit of one 30 s pass on the forehead, completed through the visit service."""
    return one_area_visit(store.ctx, patient_id, clock, serial="0001")


@pytest.fixture
def patient_id(store: Store, practitioner: str) -> str:
    with store.db.atomic():
        return patients_repo.insert(
            store.db,
            full_name="Zoë Łukasz-Nguyễn",
            date_of_birth=date(1988, 3, 14),
            phone="+44 7700 900123",
            email="zoe@example.org",
            now=store.ctx.now(),
            by=practitioner,
        )
