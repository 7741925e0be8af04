"""A room on its own private server that the test can stop and start (tests/pg_outage.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext, open_context
from console.visit import journal as room_journal
from console.visit.session import VisitSession
from console.visit.treatment import TreatmentService
from tests.conftest import ready_visit
from tests.pg_fixtures import create_database
from tests.pg_server import NoServer, PgServer, private_server


@dataclass
class Room:
    ctx: AppContext
    url: str
    server: PgServer
    staff: list[str]
    visit_id: str
    areas: list[str]  # forehead, cheeks: planned, 6 passes each

    def session(self) -> VisitSession:
        return VisitSession(self.ctx, self.visit_id)


def open_room(server: PgServer, tmp_path: Path, clock: FakeClock) -> Iterator[Room]:
    from datetime import date

    from console.data import patients_repo
    from console.demo import clinic as demo

    url = create_database(server)
    ctx = open_context(url, clock=clock, data_dir=tmp_path / "room")
    staff = demo.create_practitioners(ctx.db, ctx.now())
    ctx.practitioner_id = staff[0]
    patient = patients_repo.insert(
        ctx.db,
        full_name="Zoë Outage",
        date_of_birth=date(1988, 3, 14),
        phone="",
        email="",
        fitzpatrick=3,
        now=ctx.now(),
        by=staff[0],
    )
    visit_id = ready_visit(ctx, patient)
    treatment = TreatmentService(ctx)
    areas = [
        treatment.plan_area(visit_id, zone, depth_text="0.5", target_passes=6).value
        for zone in ("forehead", "cheeks")
    ]
    try:
        yield Room(ctx, url, server, staff, visit_id, areas)
    finally:
        room_journal.forget(ctx)
        ctx.close()


@pytest.fixture
def room(outage_server: PgServer, tmp_path: Path, clock: FakeClock) -> Iterator[Room]:
    yield from open_room(outage_server, tmp_path, clock)


@pytest.fixture(scope="session")
def outage_server() -> Iterator[PgServer]:
    """A server of its own: the journal's tests stop and start it."""
    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")  # as tests/pg_fixtures.py
    try:
        with private_server() as running:
            yield running
    except NoServer as exc:
        if in_ci:
            pytest.fail(f"{exc}: CI must install it", pytrace=False)
        pytest.skip(str(exc))
