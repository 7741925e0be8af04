"""Shared fixtures. Qt runs offscreen unless a test starts its own X server."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

# Before any Qt import: without a display and without this, Qt aborts the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the real user's room file (their printer, their keys): even a session-wide fixture or
# a subprocess gets one of this run's own; each test then gets its own (room_file below).
os.environ["TREATMENT_CONSOLE_ROOM_FILE"] = os.path.join(
    tempfile.mkdtemp(prefix="console-tests-room-"), "room.json"
)

import pytest

from console.clock import FakeClock
from console.context import AppContext, open_context
from tests.pg_fixtures import pg_server, pg_url  # noqa: F401  (clinic mode: a private server)
from tests.qt_leaks import no_qt_leaks  # noqa: F401  (autouse: a test may not leave Qt running)

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


@pytest.fixture(autouse=True)
def room_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's room file (printer, keys, room name): never the user's, never shared."""
    path = tmp_path / "room" / "room.json"
    monkeypatch.setenv("TREATMENT_CONSOLE_ROOM_FILE", str(path))
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
    from console.demo import clinic as demo

    ids = demo.create_practitioners(ctx.db, ctx.now())
    ctx.practitioner_id = ids[0]
    return ids


# A GS1 DataMatrix scan as a keyboard-wedge scanner types it: GTIN, expiry, lot, serial.
def cartridge_scan(serial: str = "0001", expiry: str = "281231", lot: str = "LOT42A") -> str:
    return f"]d2010950110102091717{expiry}10{lot}\x1d21{serial}"


def no_contraindications(ctx: AppContext, visit_id: str) -> list:
    """Screening answers saying 'no' to every item of the visit's protocol."""
    from console.model.screening import Answer
    from console.visit.service import VisitService

    protocol = VisitService(ctx).protocol_for(visit_id)
    return [Answer(c.id, False) for c in protocol.contraindications]


def ready_visit(ctx: AppContext, patient_id: str, serial: str = "0001") -> str:
    """An open visit through screening, consent and prep, ready for its plan."""
    from console.visit.service import VisitService
    from tests.consent_support import consent_for

    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient_id)
    svc.answer_screening(visit_id, no_contraindications(ctx, visit_id))
    consent_for(ctx, visit_id)
    svc.set_device(visit_id, "skinpen-precision")
    svc.record_cartridge_label(
        visit_id, cartridge_scan(serial), cartridge_type_id="skinpen-14", seal_intact=True
    )
    svc.record_gel(visit_id, product="SkinPen Skinfuse Lift HA", lot="G2611")
    svc.mark_skin_cleansed(visit_id)
    return visit_id


def one_area_visit(
    ctx: AppContext,
    patient_id: str,
    clock: FakeClock,
    *,
    serial: str,
    zone: str = "forehead",
    depth: str = "0.5",
    notes: str = "",
) -> str:
    """A completed visit of one pass on one area (30 s, erythema): for sheet and log tests."""
    from console.visit.service import VisitService

    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient_id, serial=serial)
    area = svc.plan_area(visit_id, zone, depth_text=depth, target_passes=1)
    svc.start_pass(area, "vertical")
    clock.advance(30)
    svc.stop_pass()
    svc.set_endpoint(area, "erythema")
    svc.complete(visit_id, notes=notes, adverse_events="")
    return visit_id


@pytest.fixture
def patient(ctx: AppContext, staff: list[str]) -> str:
    from datetime import date

    from console.data import patients_repo

    return patients_repo.insert(
        ctx.db,
        full_name="Zoë Łukasz-Nguyễn",
        date_of_birth=date(1988, 3, 14),
        phone="+44 7700 900123",
        email="zoe@example.org",
        fitzpatrick=3,
        now=ctx.now(),
        by=staff[0],
    )


@pytest.fixture
def completed_visit(ctx: AppContext, patient: str, clock: FakeClock) -> str:
    """A completed visit: cheeks (3 passes, then a depth change) and forehead (2 passes)."""
    from console.visit.service import VisitService

    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    cheeks = svc.plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=3)
    forehead = svc.plan_area(visit_id, "forehead", depth_text="0,5", target_passes=2)
    for i, direction in enumerate(("vertical", "horizontal", "diagonal")):
        svc.start_pass(cheeks, direction)
        clock.advance(40 + i)
        svc.stop_pass()
        clock.advance(5)
    svc.change_depth(cheeks, "1.0")
    svc.start_pass(cheeks, "vertical")
    clock.advance(30)
    svc.stop_pass()
    svc.set_endpoint(cheeks, "pinpoint_bleeding")
    for direction in ("vertical", "horizontal"):
        svc.start_pass(forehead, direction)
        clock.advance(25)
        svc.stop_pass()
    svc.set_endpoint(forehead, "erythema")
    clock.advance(120)
    svc.complete(visit_id, notes="Tolerated well.", adverse_events="")
    return visit_id
