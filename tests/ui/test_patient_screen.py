"""The patient screen through its real widgets: type, see results, register, start a visit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import audit_repo, visits_repo
from console.patients.service import PatientForm, PatientService
from console.ui.shell.flow import VisitFlow
from console.ui.steps.patient import PatientScreen


def type_text(widget: QWidget, text: str) -> None:
    """Key events that carry their text, as a keyboard (or a Chinese IME commit) sends them."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def press(widget: QWidget, key: Qt.Key) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


@pytest.fixture
def flow(ctx: AppContext, staff: list[str]) -> VisitFlow:
    f = VisitFlow(ctx.signed_in)
    f.set_practitioner(staff[0])
    return f


@pytest.fixture
def screen(qtbot: QtBot, ctx: AppContext, flow: VisitFlow) -> PatientScreen:
    svc = PatientService(ctx)
    for name, dob, phone in [
        ("Zoë Brontë", "24.11.1990", "+44 7700 900123"),
        ("Zoe Adams", "02.03.1985", "0612 345 678"),
        ("Łukasz Żuławski", "11.12.1979", ""),
        ("王小明", "01.06.1992", "+86 139 1234 5678"),
        ("Nguyễn Thu Trang", "15.08.1995", ""),
    ]:
        svc.register(PatientForm(full_name=name, date_of_birth=dob, phone=phone))
    s = PatientScreen(ctx, flow)
    qtbot.addWidget(s)
    s.resize(1140, 780)
    s.show()
    s.enter()
    return s


def test_typing_with_accents_and_cjk_shows_results_at_once(screen: PatientScreen) -> None:
    assert screen.search.hasFocus() or screen.focusWidget() is screen.search
    type_text(screen.search, "zoë")
    assert screen.result_names() == ["Zoe Adams", "Zoë Brontë"]
    screen.search.clear()
    type_text(screen.search, "ŁUK")
    assert screen.result_names() == ["Łukasz Żuławski"]
    screen.search.clear()
    type_text(screen.search, "王")
    assert screen.result_names() == ["王小明"]
    screen.search.clear()
    type_text(screen.search, "24/11/1990")
    assert screen.result_names() == ["Zoë Brontë"]
    screen.search.clear()
    type_text(screen.search, "xyzzy")
    assert screen.result_names() == []
    assert "No patient found" in screen.count_label.text()


def test_a_keystroke_refills_fifty_rows_without_refitting_the_columns(
    ctx: AppContext, screen: PatientScreen
) -> None:
    """What kept typing fast is structural: the columns' widths are never recomputed per
    keystroke (fitting them to their contents once cost ~80 ms a key). The time per key is a
    benchmark's business (bench/bench_search.py), not a test's on a shared machine."""
    from console.demo import clinic as demo

    demo.create_patients(ctx.db, 300, seed=5, now=ctx.now(), by=ctx.practitioner_id)
    type_text(screen.search, "e")  # the first results size the table once
    QApplication.processEvents()
    screen.search.clear()
    resized: list[int] = []
    screen.results.horizontalHeader().sectionResized.connect(lambda i, *_: resized.append(i))
    type_text(screen.search, "exampl")  # every demo email: 50 rows each time
    QApplication.processEvents()
    assert screen.results.rowCount() == 50
    assert "first 50" in screen.count_label.text()
    assert resized == []


def test_each_result_shows_birth_date_phone_and_last_visit(
    qtbot: QtBot, ctx: AppContext, flow: VisitFlow, completed_visit: str
) -> None:
    s = PatientScreen(ctx, flow)
    qtbot.addWidget(s)
    s.enter()
    type_text(s.search, "nguyen")
    assert s.result_names() == ["Zoë Łukasz-Nguyễn"]
    row = [s.results.item(0, c).text() for c in range(4)]
    started = visits_repo.load_record(ctx.db, completed_visit).started_at
    assert row[1] == "14 Mar 1988"
    assert row[2] == "+44 7700 900123"
    assert row[3] == f"{started:%d %b %Y}"


def test_enter_opens_the_patient_with_history_and_audits_it(
    qtbot: QtBot, ctx: AppContext, flow: VisitFlow, patient: str, completed_visit: str
) -> None:
    s = PatientScreen(ctx, flow)
    qtbot.addWidget(s)
    s.enter()
    type_text(s.search, "zoe lu")
    press(s.search, Qt.Key.Key_Return)
    assert s.right.currentWidget() is s.details
    assert s.name_label.text() == "Zoë Łukasz-Nguyễn"
    lines = [s.history.item(i).text() for i in range(s.history.count())]
    assert len(lines) == 1
    assert "Cheeks 0.75 mm ×4" in lines[0] and "Forehead 0.5 mm ×2" in lines[0]
    assert "Dr Amara Okafor" in lines[0]
    assert audit_repo.rows(ctx.db, entity_id=patient)[0]["action"] == "patient.open"


def test_start_visit_opens_a_visit_and_moves_the_flow(
    qtbot: QtBot, ctx: AppContext, screen: PatientScreen, flow: VisitFlow
) -> None:
    type_text(screen.search, "bronte")
    press(screen.search, Qt.Key.Key_Return)
    pid = screen.patient.id if screen.patient else ""
    assert screen.start_button.text() == "Start visit"
    with qtbot.waitSignal(flow.step_requested) as step:
        press(screen.start_button, Qt.Key.Key_Return)  # Enter on the focused big button
    assert step.args == ["screening"]
    assert flow.patient_id == pid and flow.visit_id
    record = visits_repo.load_record(ctx.db, flow.visit_id)
    assert (record.patient_id, record.status) == (pid, "open")


def test_an_open_visit_is_resumed_at_its_step_not_duplicated(
    qtbot: QtBot, ctx: AppContext, screen: PatientScreen, flow: VisitFlow
) -> None:
    from console.visit.service import VisitService

    pid = PatientService(ctx).search("bronte")[0].id
    visit_id = VisitService(ctx).start_visit(pid)
    VisitService(ctx).set_step(visit_id, "prep")
    screen.open_patient(pid)
    assert screen.start_button.text() == "Resume visit (at Prep)"
    with qtbot.waitSignal(flow.step_requested) as step:
        screen.start_button.click()
    assert step.args == ["prep"] and flow.visit_id == visit_id
    assert ctx.db.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == 1


def test_register_with_bad_input_shows_each_message_and_saves_nothing(
    ctx: AppContext, screen: PatientScreen
) -> None:
    before = ctx.db.execute("SELECT COUNT(*) FROM patients").fetchone()[0]
    type_text(screen.search, "Siobhán Ó Briain")
    press(screen.search, Qt.Key.Key_Return)  # no match: Enter goes to the form, name carried
    form = screen.form
    assert screen.right.currentWidget() is form
    assert form.inputs["full_name"].text() == "Siobhán Ó Briain"
    type_text(form.inputs["date_of_birth"], "31.02.1990")
    type_text(form.inputs["phone"], "12-34")
    type_text(form.inputs["email"], "siobhan@")
    form.save_button.click()
    assert form.errors["date_of_birth"].text() == "Month 2 of 1990 has no day 31."
    assert "6 digits" in form.errors["phone"].text()
    assert "email" in form.errors["email"].text()
    assert form.errors["full_name"].isHidden() and not form.errors["full_name"].text()
    assert not form.errors["phone"].isHidden()
    assert ctx.db.execute("SELECT COUNT(*) FROM patients").fetchone()[0] == before
    # Fixing the fields saves and opens the new patient.
    form.inputs["date_of_birth"].setText("28.02.1990")
    form.inputs["phone"].setText("+353 87 123 4567")
    form.inputs["email"].setText("")
    form.fitz_buttons[1].click()
    form.save_button.click()
    assert screen.right.currentWidget() is screen.details
    assert screen.patient is not None and screen.patient.fitzpatrick == 2
    assert screen.name_label.text() == "Siobhán Ó Briain"


def test_a_possible_twin_shows_the_match_and_can_be_opened(
    ctx: AppContext, screen: PatientScreen
) -> None:
    screen.register_button.click()
    form = screen.form
    form.inputs["full_name"].setText("ZOE BRONTE")
    form.inputs["date_of_birth"].setText("1990-11-24")
    form.save_button.click()
    assert form.duplicate_box.isVisible()
    assert "already exists" in form.duplicate_message.text()
    assert form.duplicate_list.item(0).text().startswith("Zoë Brontë · born 24 Nov 1990")
    assert ctx.db.execute("SELECT COUNT(*) FROM patients").fetchone()[0] == 5
    form.open_match_button.click()
    assert screen.right.currentWidget() is screen.details
    assert screen.name_label.text() == "Zoë Brontë"


def test_a_twin_confirmed_as_a_different_person_is_registered(
    ctx: AppContext, screen: PatientScreen
) -> None:
    screen.register_button.click()
    form = screen.form
    form.inputs["full_name"].setText("Zoe Bronte")
    form.inputs["date_of_birth"].setText("24111990")
    form.save_button.click()
    assert form.duplicate_box.isVisible()
    form.register_anyway_button.click()
    assert ctx.db.execute("SELECT COUNT(*) FROM patients").fetchone()[0] == 6
    assert screen.name_label.text() == "Zoe Bronte"
    created = next(r for r in audit_repo.rows(ctx.db) if r["action"] == "patient.create")
    assert "confirmed_different_from" in created["detail"]


def test_edit_details_saves_and_audits_the_change(ctx: AppContext, screen: PatientScreen) -> None:
    type_text(screen.search, "王")
    press(screen.search, Qt.Key.Key_Return)
    screen.edit_button.click()
    screen.form.inputs["allergies"].setText("Lidocaine")
    screen.form.save_button.click()
    assert screen.allergy_label.text() == "Allergies: Lidocaine"
    assert screen.patient is not None
    assert (
        audit_repo.rows(ctx.db, entity_id=screen.patient.id, limit=5)[1]["action"]
        == "patient.change"
    )


def test_in_the_window_typing_goes_to_search_and_start_visit_opens_screening(
    qtbot: QtBot, ctx: AppContext, staff: list[str], patient: str
) -> None:
    from console.ui.shell.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.flow.set_practitioner(staff[0])
    window.flow.go("patient")
    screen = window.screen_for("patient")
    assert isinstance(screen, PatientScreen)
    assert window.focusWidget() is screen.search
    type_text(screen.search, "łukasz-ngu")
    assert screen.result_names() == ["Zoë Łukasz-Nguyễn"]
    press(screen.search, Qt.Key.Key_Return)
    press(screen.start_button, Qt.Key.Key_Return)
    assert window.current_key() == "screening"
    assert window.flow.patient_id == patient
    assert "Zoë Łukasz-Nguyễn" in window.status.text()


def test_the_patients_language_is_chosen_in_the_form_and_kept(
    ctx: AppContext, screen: PatientScreen
) -> None:
    screen.register_button.click()
    form = screen.form
    assert form.language.currentData() == ""  # default: the clinic's language
    form.inputs["full_name"].setText("فاطمة الزهراء")
    form.inputs["date_of_birth"].setText("01.02.1990")
    form.language.setCurrentIndex(form.language.findData("ar"))
    assert form.language.currentText() == "العربية (Arabic)"
    form.save_button.click()
    assert screen.patient is not None
    assert PatientService(ctx).get(screen.patient.id).preferred_language == "ar"
    screen.edit_button.click()
    assert screen.form.language.currentData() == "ar"  # the edit form shows the choice
