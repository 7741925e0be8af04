"""Nothing typed for one patient shows up, or is saved, on the next patient's visit.

Each visit screen starts empty for a new visit and shows only what the visit it is given
recorded when that visit is opened again (a resume). Driven with keys and clicks on a real
window over a real database file.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from console.clock import FakeClock
from console.context import AppContext
from console.data import patients_repo, visits_repo
from console.ui.shell.main_window import MainWindow
from console.visit.service import VisitService
from tests.conftest import no_contraindications, ready_visit
from tests.ui.visit_helpers import press, type_text


@pytest.fixture
def next_patient(ctx: AppContext, staff: list[str]) -> str:
    return patients_repo.insert(
        ctx.db,
        full_name="Amir Haddad",
        date_of_birth=date(1979, 6, 2),
        now=ctx.now(),
        by=staff[0],
    )


def open_step(window: MainWindow, patient: str, visit_id: str, step: str) -> object:
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.go(step)
    return window.screen_for(step)


def screened_visit(ctx: AppContext, patient: str) -> str:
    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient)
    svc.answer_screening(visit_id, no_contraindications(ctx, visit_id))
    return visit_id


def test_prep_starts_empty_for_the_next_patient_and_resumes_from_its_own_record(
    window: MainWindow, ctx: AppContext, patient: str, next_patient: str, clock: FakeClock
) -> None:
    first = screened_visit(ctx, patient)
    prep = open_step(window, patient, first, "prep")
    type_text(prep.gel_product, "Skinfuse Lift HA")
    type_text(prep.gel_lot, "G-FIRST")
    prep.gel_save.click()
    type_text(prep.numb_product, "LMX4")
    type_text(prep.numb_lot, "N-FIRST")
    prep.numb_wait.setValue(45)
    prep.numb_occluded.setChecked(True)
    prep.numb_apply.click()  # applied at 14:00 (the clock's local time in London)
    assert prep.numb_error.text() == ""
    type_text(prep.lot, "TYPED-NOT-RECORDED")
    prep.seal.setChecked(True)

    clock.advance(8 * 60)  # the next patient, eight minutes later
    second = screened_visit(ctx, next_patient)
    prep = open_step(window, next_patient, second, "prep")
    for field in (
        prep.gel_product,
        prep.gel_lot,
        prep.numb_product,
        prep.numb_lot,
        prep.lot,
        prep.gtin,
        prep.expiry,
        prep.serial,
        prep.scan,
    ):
        assert field.text() == "", field
    assert prep.gel_status.text() == "" and prep.countdown.text() == ""
    assert not prep.numb_occluded.isChecked() and not prep.seal.isChecked()
    assert prep.numb_wait.value() == 30  # the protocol's default, not the last patient's 45
    assert prep.numb_applied.time() == QTime(14, 8)
    assert prep.device.currentData() is None
    type_text(prep.numb_product, "LMX4")
    prep.numb_apply.click()
    (cream,) = [
        c for c in visits_repo.load_record(ctx.db, second).consumables if c.kind == "numbing"
    ]
    assert (cream.applied_at.hour, cream.applied_at.minute) == (14, 8)
    assert cream.wait_minutes == 30 and not cream.occluded
    assert prep.countdown.text() == "30:00 left"

    # The first visit, opened again: its own gel and cream come back, nothing of the second.
    prep = open_step(window, patient, first, "prep")
    assert (prep.gel_product.text(), prep.gel_lot.text()) == ("Skinfuse Lift HA", "G-FIRST")
    assert (prep.numb_product.text(), prep.numb_lot.text()) == ("LMX4", "N-FIRST")
    assert prep.numb_applied.time() == QTime(14, 0) and prep.numb_wait.value() == 45
    assert prep.numb_occluded.isChecked()
    assert prep.lot.text() == "" and not prep.seal.isChecked()
    assert prep.countdown.text() == "37:00 left"


def test_plan_forgets_the_last_patients_zone_depth_and_reason(
    window: MainWindow, ctx: AppContext, patient: str, next_patient: str
) -> None:
    first = ready_visit(ctx, patient)
    plan = open_step(window, patient, first, "plan")
    plan.map.zone_clicked.emit("forehead")
    type_text(plan.depth_input, "2,5")
    plan.add.click()  # outside the typical range: asks for a confirmation and a reason
    assert plan.confirm.isVisibleTo(plan)
    type_text(plan.reason, "scar tissue")
    second = ready_visit(ctx, next_patient, serial="0002")
    plan = open_step(window, next_patient, second, "plan")
    assert plan.depth_input.text() == "" and plan.reason.text() == ""
    assert plan.warning.text() == "" and not plan.confirm.isVisibleTo(plan)
    assert plan.zone_title.text() == "Choose an area" and plan.typical.text() == ""
    plan.add.click()  # nothing chosen for this patient: nothing may be added
    assert "Choose an area" in plan.error.text()
    assert visits_repo.load_record(ctx.db, second).areas == ()


def test_treat_shows_no_endpoint_on_an_area_that_has_none(
    window: MainWindow, ctx: AppContext, patient: str, next_patient: str, clock: FakeClock
) -> None:
    svc = VisitService(ctx)
    first = ready_visit(ctx, patient)
    svc.plan_area(first, "cheeks", depth_text="0.75", target_passes=1)
    svc.plan_area(first, "neck", depth_text="0.5", target_passes=1)
    treat = open_step(window, patient, first, "treat")
    press(treat, Qt.Key.Key_2, "2")  # pinpoint bleeding on the cheeks
    assert [b.isChecked() for b in treat.endpoints.buttons()] == [False, True, False]
    press(treat, Qt.Key.Key_N, "n")
    assert treat.area_title.text().startswith("Neck")
    assert [b.isChecked() for b in treat.endpoints.buttons()] == [False, False, False]
    press(treat, Qt.Key.Key_P, "p")
    assert [b.isChecked() for b in treat.endpoints.buttons()] == [False, True, False]
    type_text(treat.new_depth, "2.5")
    treat.change_depth.click()  # unusual: shows confirm and reason for this area
    assert treat.depth_reason.isVisibleTo(treat)

    second = ready_visit(ctx, next_patient, serial="0002")
    svc.plan_area(second, "forehead", depth_text="0.5", target_passes=1)
    treat = open_step(window, next_patient, second, "treat")
    assert treat.area_title.text().startswith("Forehead")
    assert [b.isChecked() for b in treat.endpoints.buttons()] == [False, False, False]
    assert treat.new_depth.text() == "" and treat.message.text() == ""
    assert not treat.depth_reason.isVisibleTo(treat) and not treat.depth_confirm.isChecked()
    (forehead,) = visits_repo.load_record(ctx.db, second).areas
    assert forehead.endpoint is None


def test_finish_notes_belong_to_their_own_visit(
    window: MainWindow, ctx: AppContext, patient: str, next_patient: str, clock: FakeClock
) -> None:
    svc = VisitService(ctx)
    first = ready_visit(ctx, patient)
    area = svc.plan_area(first, "forehead", depth_text="0.5", target_passes=1)
    svc.start_pass(area, "vertical")
    clock.advance(30)
    svc.stop_pass()
    finish = open_step(window, patient, first, "finish")
    type_text(finish.notes, "Mild stinging on the left cheek.")
    type_text(finish.adverse, "Small bruise.")

    second = ready_visit(ctx, next_patient, serial="0002")
    area = svc.plan_area(second, "forehead", depth_text="0.5", target_passes=1)
    svc.start_pass(area, "vertical")
    clock.advance(30)
    svc.stop_pass()
    finish = open_step(window, next_patient, second, "finish")
    assert finish.notes.toPlainText() == "" and finish.adverse.toPlainText() == ""
    assert finish.done.text() == "" and finish.error.text() == ""


def test_screening_answers_come_back_only_for_their_own_visit(
    window: MainWindow, ctx: AppContext, patient: str, next_patient: str
) -> None:
    first = VisitService(ctx).start_visit(patient)
    screening = open_step(window, patient, first, "screening")
    for q in screening.questions:
        (q.yes if q.item.id == "anticoagulants" else q.no).click()
    row = next(q for q in screening.questions if q.item.id == "anticoagulants")
    assert row.form is not None
    type_text(row.form.name, "Dr Priya Patel")
    row.form.role.setCurrentText("General practitioner")
    row.form.method.setCurrentIndex(row.form.method.findData("phone"))
    row.form.on.setDate(QDate(2026, 11, 20))
    type_text(row.form.note, "Aspirin paused for 7 days")
    screening.check.click()
    assert window.current_key() == "consent"

    second = VisitService(ctx).start_visit(next_patient)
    screening = open_step(window, next_patient, second, "screening")
    assert all(not (q.yes.isChecked() or q.no.isChecked()) for q in screening.questions)
    assert screening.ok.text() == "" and screening.result.text() == ""

    screening = open_step(window, patient, first, "screening")
    answers = {q.item.id: q.yes.isChecked() for q in screening.questions}
    assert answers["anticoagulants"] and not any(
        v for k, v in answers.items() if k != "anticoagulants"
    )
    assert all(q.yes.isChecked() or q.no.isChecked() for q in screening.questions)
    row = next(q for q in screening.questions if q.item.id == "anticoagulants")
    assert row.form is not None
    form = row.form
    assert (form.name.text(), form.role.currentText(), form.method.currentData()) == (
        "Dr Priya Patel",
        "General practitioner",
        "phone",
    )
    assert (form.on.date(), form.note.text()) == (QDate(2026, 11, 20), "Aspirin paused for 7 days")


def test_next_patient_opens_an_empty_patient_screen(
    window: MainWindow, ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    from tests.conftest import one_area_visit

    people = window.screen_for("patient")
    window.flow.go("patient")
    type_text(people.search, "zoe")
    press(people.search, Qt.Key.Key_Return)
    assert people.patient is not None and people.patient.id == patient
    visit_id = one_area_visit(ctx, patient, clock, serial="0009")
    finish = open_step(window, patient, visit_id, "finish")
    finish.new_visit.click()
    assert window.current_key() == "patient"
    assert people.search.text() == "" and people.patient is None
    assert people.right.currentWidget() is people.empty
    assert people.name_label.text() == "" or not people.name_label.isVisibleTo(people)


def test_a_running_pass_keeps_treat_on_screen(
    window: MainWindow, ctx: AppContext, patient: str, clock: FakeClock
) -> None:
    visit_id = ready_visit(ctx, patient)
    VisitService(ctx).plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=2)
    treat = open_step(window, patient, visit_id, "treat")
    press(treat, Qt.Key.Key_Space, " ")
    clock.advance(20)
    window.sidebar.setCurrentRow(1)  # "2  Patient", as a click on the sidebar does
    assert window.current_key() == "treat"
    assert window.stack.currentWidget().widget() is treat
    assert treat.message.text() == "Stop the running pass first."
    press(treat, Qt.Key.Key_Space, " ")
    window.sidebar.setCurrentRow(1)
    assert window.current_key() == "patient"
    (area,) = visits_repo.load_record(ctx.db, visit_id).areas
    assert [p.duration_s for p in area.passes] == [20]
