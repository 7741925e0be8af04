"""Each visit screen through its real widgets, on a real database file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.data import visits_repo
from console.ui.shell.main_window import MainWindow
from console.ui.widgets.common import Confirm
from console.visit.service import VisitService
from tests.conftest import cartridge_scan, ready_visit
from tests.ui.visit_helpers import press, type_text


def open_step(window: MainWindow, patient: str, visit_id: str, step: str) -> object:
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.go(step)
    return window.screen_for(step)


def test_screening_requires_every_answer_then_moves_to_consent(
    window: MainWindow, ctx: AppContext, patient: str
) -> None:
    visit_id = VisitService(ctx).start_visit(patient)
    screen = open_step(window, patient, visit_id, "screening")
    screen.check.click()
    assert "not answered" in screen.result.text()
    assert window.current_key() == "screening"
    for q in screen.questions:
        q.no.click()
    screen.check.click()
    assert window.current_key() == "consent"
    stored = visits_repo.load_record(ctx.db, visit_id).screening
    assert len(stored) == len(screen.questions) and {s.answer for s in stored} == {"no"}


def test_a_hard_stop_shows_its_reason_and_offers_to_stop(
    window: MainWindow, ctx: AppContext, patient: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))  # "Stop the visit"
    visit_id = VisitService(ctx).start_visit(patient)
    screen = open_step(window, patient, visit_id, "screening")
    for q in screen.questions:
        (q.yes if q.item.id == "isotretinoin_current" else q.no).click()
    screen.check.click()
    assert "Do not treat: currently taking isotretinoin" in screen.result.text()
    assert window.current_key() == "screening"
    assert screen.stop.isVisibleTo(window)  # in the action bar
    screen.stop.click()
    assert visits_repo.load_record(ctx.db, visit_id).status == "stopped"
    assert window.current_key() == "patient"


def test_clearance_item_needs_who_how_when_and_what_next_to_it(
    window: MainWindow, ctx: AppContext, patient: str
) -> None:
    visit_id = VisitService(ctx).start_visit(patient)
    screen = open_step(window, patient, visit_id, "screening")
    for q in screen.questions:
        (q.yes if q.item.id == "anticoagulants" else q.no).click()
    row = next(q for q in screen.questions if q.item.id == "anticoagulants")
    form = row.form
    assert form is not None and form.isVisibleTo(screen)
    # Nothing pre-filled: no name, role, method or date stands in for a clearance.
    assert (form.name.text(), form.role.currentText(), form.method.currentData()) == ("", "", None)
    assert form.on.text() == "Date?"
    screen.check.click()
    assert "Name the person who cleared it" in row.message.text()
    assert window.current_key() == "screening"
    # The old way through, any five characters, is not a clearance.
    type_text(form.name, "n/a..")
    type_text(form.note, "n/a..")
    screen.check.click()
    assert "Name the person" in row.message.text()
    form.name.setText("Dr Priya Patel")
    form.role.setCurrentText("General practitioner")
    form.method.setCurrentIndex(form.method.findData("phone"))
    screen.check.click()
    assert "date of the clearance" in row.message.text()
    form.on.setDate(QDate(2026, 11, 20))
    screen.check.click()
    assert "Write what was agreed" in row.message.text()
    form.note.setText("Aspirin paused for 7 days, fine to treat")
    screen.check.click()
    assert window.current_key() == "consent"
    (stored,) = ctx.db.execute(
        "SELECT cleared_by_name, cleared_by_role, clearance_method, cleared_on, note, blocks "
        "FROM screening_answers WHERE visit_id = ? AND item_id = 'anticoagulants'",
        [visit_id],
    ).fetchall()
    assert stored == (
        "Dr Priya Patel",
        "General practitioner",
        "phone",
        "2026-11-20",
        "Aspirin paused for 7 days, fine to treat",
        0,
    )


def test_a_reminder_records_its_answer(window: MainWindow, ctx: AppContext, patient: str) -> None:
    visit_id = VisitService(ctx).start_visit(patient)
    screen = open_step(window, patient, visit_id, "screening")
    for q in screen.questions:
        (q.yes if q.item.id == "cold_sores" else q.no).click()
    row = next(q for q in screen.questions if q.item.id == "cold_sores")
    assert row.prompt is not None and row.prompt.isVisibleTo(screen)
    assert row.prompt.currentData() is None  # no answer chosen for the practitioner
    screen.check.click()
    assert "Answer the reminder" in row.message.text()
    assert window.current_key() == "screening"
    row.prompt.setCurrentIndex(row.prompt.findData("not_needed"))
    screen.check.click()
    assert window.current_key() == "consent"
    stored = ctx.db.execute(
        "SELECT prompt_answer, prompt_answer_text FROM screening_answers "
        "WHERE visit_id = ? AND item_id = 'cold_sores'",
        [visit_id],
    ).fetchone()
    assert tuple(stored) == (
        "not_needed",
        "Antiviral cover not needed (prescriber's decision)",
    )


def test_prep_by_scanner_keeps_the_group_separator(
    window: MainWindow, ctx: AppContext, patient: str
) -> None:
    from tests.conftest import no_contraindications
    from tests.consent_support import consent_for

    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient)
    svc.answer_screening(visit_id, no_contraindications(ctx, visit_id))
    consent_for(ctx, visit_id)
    screen = open_step(window, patient, visit_id, "prep")
    screen.device.setCurrentIndex(screen.device.findData("skinpen-precision"))
    screen.device.activated.emit(screen.device.currentIndex())
    # Without the seal check the scan is refused, next to the cartridge fields.
    type_text(screen.scan, cartridge_scan("0777") + "\n")
    assert "seal" in screen.cartridge_error.text()
    screen.seal.setChecked(True)
    screen.scan.clear()
    type_text(screen.scan, cartridge_scan("0777") + "\n")  # GS arrives as a key event
    assert screen.cartridge_error.text() == ""
    (cartridge,) = visits_repo.load_record(ctx.db, visit_id).cartridges
    assert (cartridge.lot, cartridge.serial, cartridge.needle_count) == ("LOT42A", "0777", 14)
    # An expired box is refused with the date, and nothing is stored.
    screen.seal.setChecked(True)
    type_text(screen.scan, cartridge_scan("0778", expiry="250600") + "\n")
    assert "expired" in screen.cartridge_error.text()
    assert len(visits_repo.load_record(ctx.db, visit_id).cartridges) == 1
    screen.gel_product.setText("Skinfuse Lift HA")
    screen.gel_lot.setText("G1")
    screen.gel_save.click()
    screen.cleansed.click()
    assert screen.missing.text() == "Ready."


def test_numbing_countdown_comes_from_the_stored_time(
    window: MainWindow,
    ctx: AppContext,
    patient: str,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from console.ui.shell.resume_dialog import ResumeDialog

    monkeypatch.setattr(ResumeDialog, "ask", classmethod(lambda cls, *a: None))
    visit_id = ready_visit(ctx, patient)
    screen = open_step(window, patient, visit_id, "prep")
    screen.numb_product.setText("LMX4")
    screen.numb_lot.setText("N1")
    screen.numb_apply.click()
    assert screen.numb_error.text() == ""
    assert screen.countdown.text() == "30:00 left"
    clock.advance(12 * 60 + 5)
    fresh = MainWindow(ctx)  # a restart: the countdown is recomputed, not restarted
    fresh.flow.set_practitioner(ctx.practitioner_id)
    again = open_step(fresh, patient, visit_id, "prep")
    assert again.countdown.text() == "17:55 left"
    assert "Remove the numbing cream" in again.missing.text()
    again.numb_remove.click()
    assert again.countdown.text().startswith("Removed at")
    fresh.close()


def test_plan_depth_entry_is_never_prefilled_and_refuses_unsafe_values(
    window: MainWindow, ctx: AppContext, patient: str
) -> None:
    visit_id = ready_visit(ctx, patient)
    screen = open_step(window, patient, visit_id, "plan")
    screen.map.zone_clicked.emit("forehead")
    assert screen.zone_title.text() == "Forehead"
    assert screen.depth_input.text() == ""
    assert "0.25–0.5 mm" in screen.typical.text()
    screen.add.click()
    assert "depth" in screen.depth_error.text().lower()
    type_text(screen.depth_input, "2.75")
    screen.add.click()
    assert "maximum" in screen.depth_error.text()
    screen.depth_input.clear()
    type_text(screen.depth_input, "2,5")  # a tenfold slip of 0.25
    screen.add.click()
    assert "0.25" in screen.warning.text() and screen.confirm.isVisibleTo(screen)
    assert visits_repo.load_record(ctx.db, visit_id).areas == ()
    screen.depth_input.clear()
    type_text(screen.depth_input, "0,5")
    screen.add.click()
    (area,) = visits_repo.load_record(ctx.db, visit_id).areas
    assert (area.zone_id, str(area.depth_mm)) == ("forehead", "0.50")
    assert screen.table.item(0, 1).text() == "0.50 mm"


def test_treat_by_keyboard_alone(
    window: MainWindow, ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    svc.plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=2)
    svc.plan_area(visit_id, "neck", depth_text="0.5", target_passes=2)
    screen = open_step(window, patient, visit_id, "treat")
    assert screen.area_title.text().startswith("Cheeks")
    for seconds in (31, 29):
        press(screen, Qt.Key.Key_Space, " ")
        assert screen.state_label.text() == "PASS RUNNING"
        clock.advance(seconds)
        screen._refresh_clock()
        assert screen.timer_label.text() == f"0:{seconds}"
        press(screen, Qt.Key.Key_Space, " ")
    press(screen, Qt.Key.Key_2, "2")  # pinpoint bleeding
    press(screen, Qt.Key.Key_N, "n")
    assert screen.area_title.text().startswith("Neck")
    press(screen, Qt.Key.Key_Space, " ")
    clock.advance(20)
    press(screen, Qt.Key.Key_Space, " ")
    press(screen, Qt.Key.Key_1, "1")
    record = visits_repo.load_record(ctx.db, visit_id)
    cheeks, neck = record.areas
    assert [p.duration_s for p in cheeks.passes] == [31, 29]
    assert [p.direction for p in cheeks.passes] == ["vertical", "horizontal"]
    assert cheeks.endpoint == "pinpoint_bleeding" and neck.endpoint == "erythema"
    assert screen.chart.seconds == [60.0, 20.0] and screen.chart.passes == [2, 1]
    assert list(screen.chart.bars.opts["height"]) == [60.0, 20.0]
    press(screen, Qt.Key.Key_F, "f")
    assert window.current_key() == "finish"


def test_pedal_key_from_settings_drives_the_pass(
    window: MainWindow, ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    from console.data import settings_repo

    settings_repo.put(ctx.db, "keys.pass_toggle", "F13", now=ctx.now(), by=None)
    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    svc.plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=3)
    screen = open_step(window, patient, visit_id, "treat")
    press(screen, Qt.Key.Key_F13)
    clock.advance(12)
    press(screen, Qt.Key.Key_F13)
    press(screen, Qt.Key.Key_Space, " ")  # no longer the pass key
    assert screen.session.running_area_id is None
    (area,) = visits_repo.load_record(ctx.db, visit_id).areas
    assert [p.duration_s for p in area.passes] == [12]


def test_resume_after_a_restart_comes_back_to_the_same_area(
    qtbot: QtBot, ctx: AppContext, patient: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.ui.shell.resume_dialog import ResumeDialog

    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    svc.plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=2)
    neck = svc.plan_area(visit_id, "neck", depth_text="0.5", target_passes=2)
    svc.set_current_area(visit_id, neck)
    svc.start_pass(neck, "vertical")
    clock.advance(5)
    svc.stop_pass()
    svc.start_pass(neck, "horizontal")  # running when the PC dies

    offered: list[list[dict[str, object]]] = []
    monkeypatch.setattr(
        ResumeDialog,
        "ask",
        classmethod(lambda cls, visits, tz, parent: offered.append(visits) or visits[0]["id"]),
    )
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.flow.set_practitioner(ctx.practitioner_id)
    qtbot.waitUntil(lambda: w.current_key() == "treat")
    screen = w.screen_for("treat")
    assert offered and offered[0][0]["id"] == visit_id
    assert screen.area_title.text().startswith("Neck")
    assert "not counted" in screen.message.text()
    assert screen.count_label.text() == "Pass 1 of 2 done"


def test_a_label_without_serial_asks_for_a_new_sealed_cartridge_next_to_it(
    window: MainWindow, ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    from tests.conftest import no_contraindications

    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient)
    svc.answer_screening(visit_id, no_contraindications(ctx, visit_id))
    screen = open_step(window, patient, visit_id, "prep")
    screen.device.setCurrentIndex(screen.device.findData("skinpen-precision"))
    screen.device.activated.emit(screen.device.currentIndex())
    assert not screen.sealed_new.isVisibleTo(screen)
    screen.seal.setChecked(True)
    type_text(screen.scan, "]d2010950110102091717281231" + "10LOT9\n")  # no serial
    # Not recorded yet: the question and its answer button appear beside the cartridge.
    assert visits_repo.load_record(ctx.db, visit_id).cartridges == ()
    assert "no serial number" in screen.sealed_question.text()
    assert screen.sealed_new.isVisibleTo(screen) and screen.sealed_question.isVisibleTo(screen)
    screen.sealed_new.click()
    (cartridge,) = visits_repo.load_record(ctx.db, visit_id).cartridges
    assert (cartridge.lot, cartridge.serial, cartridge.sealed_new_confirmed) == ("LOT9", None, True)
    assert "new sealed cartridge confirmed" in screen.cartridges.item(0).text()
    assert not screen.sealed_new.isVisibleTo(screen)
    assert screen.scan.text() == "" and screen.cartridge_error.text() == ""
    confirmed = ctx.db.execute("SELECT sealed_new_confirmed FROM cartridges").fetchall()
    assert confirmed == [(1,)]
    # A second box of the same lot typed by hand: the question warns of the earlier one.
    clock.advance(5 * 60)
    screen.seal.setChecked(True)
    screen.lot.setText("lot9")
    screen.expiry.setText("2028-12")
    screen.manual.click()
    assert "already recorded today" in screen.sealed_question.text()
    assert "(at 14:00)" in screen.sealed_question.text()
    assert len(visits_repo.load_record(ctx.db, visit_id).cartridges) == 1
    # Scanning a cartridge with a serial instead withdraws the question.
    type_text(screen.scan, cartridge_scan("0901") + "\n")
    assert not screen.sealed_new.isVisibleTo(screen)
    assert len(visits_repo.load_record(ctx.db, visit_id).cartridges) == 2
