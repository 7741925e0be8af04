"""The Finish screen's sheet panel refuses a name it cannot print, naming the character."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.patients.service import PatientForm, PatientService


def test_a_name_the_sheet_cannot_print_is_named_on_the_finish_screen(
    qtbot: QtBot, ctx: AppContext, staff: list[str], clock: FakeClock
) -> None:
    from console.ui.steps.handout_preview import HandoutPreview
    from tests.conftest import one_area_visit

    # The signed consent refuses the name first: it is corrected to Ethiopic after the visit,
    # so the sheet panel is what meets it here.
    service = PatientService(ctx)
    pid = service.register(PatientForm(full_name="Abebe Bikila", date_of_birth="01.02.1990"))
    visit_id = one_area_visit(ctx, pid, clock, serial="0301")
    service.update(pid, PatientForm(full_name="አበበ ቢቂላ", date_of_birth="01.02.1990"))
    preview = HandoutPreview(ctx)
    qtbot.addWidget(preview)
    assert preview.load_visit(visit_id) is None
    assert "“አ” (U+12A0 ETHIOPIC SYLLABLE GLOTTAL A)" in preview.error.text()
    assert not preview.print_button.isEnabled()  # nothing to print: no sheet with boxes
