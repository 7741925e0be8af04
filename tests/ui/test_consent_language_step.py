"""The Consent step in the patient's language, switched by the practitioner, fallback shown."""

from __future__ import annotations

import copy
import hashlib
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.consent.service import ConsentService
from console.context import AppContext
from console.data import consents_repo, patients_repo
from console.ui.shell.main_window import MainWindow
from console.visit.service import VisitService
from tests.conftest import no_contraindications
from tests.consent_support import signed_in_pin
from tests.ui.consent_helpers import ZIGZAG, read_to_end, sign_with_mouse
from tests.ui.visit_helpers import press, type_text


def _at_consent(window: MainWindow, ctx: AppContext, staff: list[str], language: str) -> tuple:  # type: ignore[type-arg]
    pid = patients_repo.insert(
        ctx.db,
        full_name="Ana García",
        date_of_birth=date(1990, 5, 1),
        preferred_language=language,
        now=ctx.now(),
        by=staff[0],
    )
    svc = VisitService(ctx)
    vid = svc.start_visit(pid)
    svc.answer_screening(vid, no_contraindications(ctx, vid))
    window.flow.set_patient(pid)
    window.flow.set_visit(vid)
    window.flow.go("consent")
    return vid, window.screen_for("consent")


def test_the_step_shows_the_patients_language_and_signs_what_the_practitioner_switched_to(
    window: MainWindow, ctx: AppContext, staff: list[str], qtbot: QtBot
) -> None:
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    vid, screen = _at_consent(window, ctx, staff, "es")
    bar = screen.language_bar
    assert "Consentimiento para el tratamiento de microneedling" in screen.text.toPlainText()
    assert bar.combo.currentData() == "es" and not bar.note.isVisible()
    assert screen.photo_checks["marketing"].text() == "Publicidad"
    read_to_end(screen)
    sign_with_mouse(screen.pad, ZIGZAG)
    # The practitioner switches to French with the keyboard: the patient reads and signs anew.
    while bar.combo.currentData() != "fr":
        press(
            bar.combo,
            Qt.Key.Key_Down
            if bar.combo.currentIndex() < bar.combo.findData("fr")
            else Qt.Key.Key_Up,
        )
    assert "Consentement au traitement par microneedling" in screen.text.toPlainText()
    assert "practitioner's choice" in bar.note.text() and bar.note.isVisible()
    assert screen.pad.is_empty() and not screen.pad.isEnabled()
    read_to_end(screen)
    sign_with_mouse(screen.pad, ZIGZAG)
    type_text(screen.signer_name, "Ana Garcia")
    type_text(screen.pin, signed_in_pin(ctx))
    screen.sign.click()
    assert window.current_key() == "prep"
    consent = consents_repo.get(ctx.db, consents_repo.linked_consent_id(ctx.db, vid) or "")
    assert consent.language == "fr"
    shown = ConsentService(ctx).templates().get("microneedling").shown_text("fr")
    assert shown.startswith("Consentement au traitement par microneedling")
    assert consent.text_sha256 == hashlib.sha256(shown.encode("utf-8")).hexdigest()


def test_a_language_without_text_is_shown_in_english_with_the_reason(
    window: MainWindow, ctx: AppContext, staff: list[str]
) -> None:
    svc = ConsentService(ctx)
    body = copy.deepcopy(svc.template_body())
    for raw in body["templates"]:
        del raw["texts"]["vi"]
    svc.save_templates(body, "Vietnamese withdrawn for review")
    _, screen = _at_consent(window, ctx, staff, "vi")
    window.show()
    bar = screen.language_bar
    assert bar.combo.currentData() == "en"
    assert bar.combo.findData("vi") == -1
    assert "No consent text in Vietnamese" in bar.note.text() and bar.note.isVisible()
    assert "Consent to microneedling treatment" in screen.text.toPlainText()


def test_settings_consent_shows_each_languages_state_and_a_material_edit_retires_translations(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    from tests.ui.test_settings_consent import _editor

    editor = _editor(qtbot, ctx)
    assert "Español (Spanish): as shipped, needs clinic review" in editor.languages.text()
    assert "English (English): as shipped" in editor.languages.text()
    editor.sections.setPlainText(
        editor.sections.toPlainText() + "\n\n## Eye area\nNeedling near the eyes may bruise."
    )
    editor.material.setChecked(True)
    editor.save.click()
    assert "version 2" in editor.status.text()
    assert "English (English): edited by the clinic" in editor.languages.text()
    assert "Español (Spanish): missing: English shown" in editor.languages.text()
