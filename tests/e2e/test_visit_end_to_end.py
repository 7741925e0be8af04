"""A whole visit through the real widgets, offscreen: sign-in with a PIN, find the patient,
screen, prep with a scanner, plan, treat by keyboard alone, finish; then the database.

It runs on both engines: a room's file, and the clinic's PostgreSQL server (a fresh database on
the test server, sheets in this test's data folder), as the app opens each."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.access.auth import hash_pin
from console.clock import FakeClock
from console.context import AppContext, open_context
from console.data import patients_repo, visits_repo
from console.demo import clinic as demo
from console.ui.shell.main_window import MainWindow
from console.ui.widgets.common import Confirm
from tests.conftest import cartridge_scan
from tests.ui.consent_helpers import ZIGZAG, read_to_end, sign_with_mouse
from tests.ui.visit_helpers import press, type_text


@pytest.fixture(params=["sqlite", "postgresql"])
def ctx(
    request: pytest.FixtureRequest, db_path: Path, tmp_path: Path, clock: FakeClock
) -> Iterator[AppContext]:
    """The room's file, or the clinic's server (overrides conftest's file-only ``ctx``)."""
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        context = open_context(url, clock=clock, data_dir=tmp_path / "room-data")
    else:
        context = open_context(db_path, clock=clock)
    yield context
    context.db.close()


@pytest.fixture
def clinic(ctx: AppContext) -> tuple[list[str], str]:
    from datetime import date

    staff = demo.create_practitioners(ctx.db, ctx.now(), hash_pin)
    patient = patients_repo.insert(
        ctx.db,
        full_name="Łukasz Żuławski-Nguyễn",
        date_of_birth=date(1979, 5, 2),
        phone="+48 600 100 200",
        now=ctx.now(),
        by=staff[0],
    )
    return staff, patient


def test_a_whole_visit_by_keyboard_and_widgets(
    qtbot: QtBot,
    ctx: AppContext,
    clinic: tuple[list[str], str],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    staff, _patient_id = clinic
    asked: list[str] = []
    monkeypatch.setattr(
        Confirm, "ask", classmethod(lambda cls, p, title, *a: not asked.append(title))
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()

    # Sign-in: Nurse Chloé Martin, PIN 1357, typed and Enter.
    signin = window.screen_for("signin")
    signin.names.select(staff[1])
    type_text(signin.pad.field, "1357\n")
    assert window.current_key() == "patient", signin.error.text()
    assert ctx.practitioner_id == staff[1]

    # Patient: type without accents, Enter picks the first hit, Start visit.
    patient = window.screen_for("patient")
    type_text(patient.search, "lukasz zul")
    assert patient.result_names() == ["Łukasz Żuławski-Nguyễn"]
    press(patient.search, Qt.Key.Key_Return)
    patient.start_button.click()
    assert window.current_key() == "screening"
    visit_id = window.flow.visit_id
    assert visit_id is not None

    # Screening: every question answered, one prompt answered (cover confirmed).
    screening = window.screen_for("screening")
    for q in screening.questions:
        (q.yes if q.item.id == "cold_sores" else q.no).click()
    screening.check.click()
    assert window.current_key() == "screening"  # the reminder needs its answer
    cold = next(q for q in screening.questions if q.item.id == "cold_sores")
    assert cold.prompt is not None
    cold.prompt.setCurrentIndex(cold.prompt.findData("cover_confirmed"))
    screening.check.click()
    assert window.current_key() == "consent"

    # Consent: read to the end with Page Down, sign with the mouse, name, PIN and Enter.
    consent = window.screen_for("consent")
    read_to_end(consent)
    sign_with_mouse(consent.pad, ZIGZAG)
    type_text(consent.signer_name, "Lukasz Zulawski-Nguyen")
    type_text(consent.pin, "1357\n")
    assert window.current_key() == "prep", consent.pin_error.text() + consent.error.text()

    # Prep: device, sealed cartridge scanned (with its GS), gel, cleansing.
    prep = window.screen_for("prep")
    prep.device.setCurrentIndex(prep.device.findData("skinpen-precision"))
    prep.device.activated.emit(prep.device.currentIndex())
    prep.seal.setChecked(True)
    type_text(prep.scan, cartridge_scan("9001", lot="E2E7") + "\n")
    assert prep.cartridge_error.text() == ""
    prep.gel_product.setText("Skinfuse Lift HA")
    prep.gel_lot.setText("HA-2611")
    prep.gel_save.click()
    prep.cleansed.click()
    assert prep.missing.text() == "Ready."
    prep.next.click()

    # Plan: cheeks at "0,75" (decimal comma) and neck at 0.5, typed then Enter.
    plan = window.screen_for("plan")
    for zone, depth in (("cheeks", "0,75\n"), ("neck", "0.5\n")):
        plan.map.zone_clicked.emit(zone)
        type_text(plan.depth_input, depth)
        assert plan.depth_error.text() == "" and plan.warning.text() == ""
    assert plan.table.rowCount() == 2
    plan.next.click()
    assert window.current_key() == "treat"

    # Treat: keyboard alone.
    treat = window.screen_for("treat")
    for seconds in (35, 33, 31):
        press(treat, Qt.Key.Key_Space, " ")
        clock.advance(seconds)
        press(treat, Qt.Key.Key_Space, " ")
        clock.advance(4)
    press(treat, Qt.Key.Key_2, "2")
    press(treat, Qt.Key.Key_N, "n")
    for seconds in (22, 21):
        press(treat, Qt.Key.Key_Space, " ")
        clock.advance(seconds)
        press(treat, Qt.Key.Key_Space, " ")
    press(treat, Qt.Key.Key_1, "1")
    press(treat, Qt.Key.Key_F, "f")
    assert window.current_key() == "finish"

    # Finish: notes, complete; the sheet is archived and shown.
    finish = window.screen_for("finish")
    finish.notes.setPlainText("Mild erythema, tolerated well.")
    finish.complete.click()
    assert asked == ["Complete visit"]  # answered Yes
    assert finish.error.text() == ""

    record = visits_repo.load_record(ctx.db, visit_id)
    assert record.status == "completed"
    assert record.practitioner_name == "Nurse Chloé Martin"
    assert record.notes == "Mild erythema, tolerated well."
    cheeks, neck = record.areas
    assert [p.duration_s for p in cheeks.passes] == [35, 33, 31]
    assert [p.direction for p in cheeks.passes] == ["vertical", "horizontal", "diagonal"]
    assert [p.duration_s for p in neck.passes] == [22, 21]
    assert (str(cheeks.depth_mm), str(neck.depth_mm)) == ("0.75", "0.50")
    assert (cheeks.endpoint, neck.endpoint) == ("pinpoint_bleeding", "erythema")
    assert record.cartridges[0].lot == "E2E7" and record.cartridges[0].serial == "9001"
    assert {s.item_id for s in record.screening if s.answer != "no"} == {"cold_sores"}

    row = ctx.db.execute("SELECT path, sha256 FROM handouts WHERE visit_id = ?", [visit_id])
    path, sha = row.fetchone()
    archived = (ctx.data_dir / path).read_bytes()
    assert hashlib.sha256(archived).hexdigest() == sha
    assert finish.preview is not None and len(finish.preview.pages.page_labels()) >= 1
    expected = ["visit.start", "visit.screening", "visit.cartridge", "visit.complete"]
    if ctx.server is None:
        # The backup after the visit runs on a worker thread and lands in backups/.
        qtbot.waitUntil(lambda: finish.backup_thread is not None, timeout=5000)
        finish.backup_thread.join(timeout=30)
        assert list(ctx.backups_dir.glob("console-*.sqlite3"))
        expected.append("backup.create")
    else:
        # The server is backed up by the clinic's IT (pg_dump), never by a room's copy.
        qtbot.wait(50)
        assert finish.backup_thread is None and finish.error.text() == ""
    actions = [r[0] for r in ctx.db.execute("SELECT action FROM audit_log ORDER BY seq")]
    for action in expected:
        assert action in actions
