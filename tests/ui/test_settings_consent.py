"""Settings › Consent: edit the wording, mark a material change, set the renewal rule."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.consent.service import ConsentService
from console.context import AppContext
from console.data import settings_repo
from console.ui.settings.consent_editor import ConsentEditor, text_to_sections
from console.ui.settings.screen import SettingsScreen
from console.ui.shell.flow import VisitFlow


def _editor(qtbot: QtBot, ctx: AppContext) -> ConsentEditor:
    screen = SettingsScreen(ctx, VisitFlow(ctx.signed_in))
    qtbot.addWidget(screen)
    editor = next(
        screen.tabs.widget(i)
        for i in range(screen.tabs.count())
        if screen.tabs.tabText(i) == "Consent"
    )
    screen.tabs.setCurrentWidget(editor)
    screen.show()
    assert isinstance(editor, ConsentEditor)
    return editor


def test_a_material_edit_is_saved_as_a_new_version_that_asks_again(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    editor = _editor(qtbot, ctx)
    assert "REVIEW" in editor.review.text()
    assert editor.title.text() == "Consent to microneedling treatment"
    editor.sections.setPlainText(
        editor.sections.toPlainText() + "\n\n## Eye area\nNeedling near the eyes may bruise."
    )
    editor.material.setChecked(True)
    editor.note.setText("Eye area risk added")
    editor.save.click()
    assert editor.error.text() == ""
    assert "version 2" in editor.status.text()
    t = ConsentService(ctx).templates()
    assert t.version == 2
    assert t.get("microneedling").material_version == 2
    assert t.get("photos").material_version == 1  # untouched templates keep theirs
    assert "Eye area" in t.get("microneedling").shown_text()
    assert not editor.material.isChecked()  # reloaded from the saved version


def test_an_emptied_section_is_refused_next_to_the_form(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    editor = _editor(qtbot, ctx)
    editor.sections.setPlainText("## Only a heading")
    editor.save.click()
    assert "empty" in editor.error.text()
    assert ConsentService(ctx).templates().version == 1


def test_the_renewal_rule_is_saved_and_checked(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    editor = _editor(qtbot, ctx)
    editor.valid_months.setValue(6)
    editor.renew.setCurrentIndex(editor.renew.findData("series"))
    editor.save_rule.click()
    assert editor.rule_error.text() == ""
    assert settings_repo.get(ctx.db, "consent.valid_months") == 6
    assert settings_repo.get(ctx.db, "consent.renew") == "series"


def test_a_practitioner_sees_the_texts_read_only(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    ctx.practitioner_id = staff[1]
    editor = _editor(qtbot, ctx)
    assert not editor.save.isEnabled() and not editor.sections.isEnabled()
    assert "Only an admin" in editor.status.text()


def test_section_text_round_trips() -> None:
    assert text_to_sections("## A\nline one\nline two\n\n## B\nthree") == [
        {"heading": "A", "body": "line one line two"},
        {"heading": "B", "body": "three"},
    ]
