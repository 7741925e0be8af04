from __future__ import annotations

import io
import json
from pathlib import Path

import pdfplumber
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import audit_repo, protocol_repo, settings_repo
from console.ui.settings.protocol_editor import ProtocolEditor
from console.ui.settings.screen import SettingsScreen
from console.ui.shell.flow import VisitFlow


def _screen(qtbot: QtBot, ctx: AppContext) -> SettingsScreen:
    screen = SettingsScreen(ctx, VisitFlow(ctx.signed_in))
    qtbot.addWidget(screen)
    return screen


def _pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)


def test_preview_shows_an_edited_rule_and_clinic_name_before_saving(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = _screen(qtbot, ctx)
    rules = screen.protocol.rules
    rules.set_cell(0, "text", "Keine Schminke auf der behandelten Haut, bitte.")
    screen.clinic.name.setText("Clinique Zoë Łódź")
    screen.clinic.name.textEdited.emit("Clinique Zoë Łódź")
    screen.tabs.setCurrentWidget(screen.preview)
    screen.show()
    qtbot.waitUntil(lambda: b"%PDF" in screen.preview.pdf[:8], timeout=5000)
    text = _pdf_text(screen.preview.pdf)
    assert "Keine Schminke auf der behandelten Haut, bitte." in text
    assert "No makeup on the treated skin." not in text
    assert "Clinique Zoë Łódź" in text
    # Nothing was saved by previewing.
    assert protocol_repo.current(ctx.db).version == 1
    assert settings_repo.get(ctx.db, "clinic.name") == "Your clinic"


def test_invalid_edit_is_marked_next_to_the_cell_and_not_saved(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = _screen(qtbot, ctx)
    editor = screen.protocol
    editor.rules.set_cell(0, "until_h", "0")
    message = editor.rules.message.text()
    assert message == (
        "Aftercare rules › No makeup on the treated skin. › until (h): "
        "The end must come after the start."
    )
    cell = editor.rules.table.item(0, 4)
    assert cell.toolTip() == "The end must come after the start."
    assert "1 problem(s) to fix before saving" in editor.summary.text()
    editor.save_button.click()
    assert protocol_repo.current(ctx.db).version == 1
    # The preview does not show a library with problems; it says why.
    screen.preview.refresh_now()
    assert "has problems" in screen.preview.problem.text()


def test_save_creates_a_version_with_its_audit_row(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = _screen(qtbot, ctx)
    editor = screen.protocol
    editor.nav.setCurrentRow(4)
    editor.spins[("series", "interval_weeks")].setValue(6)
    editor.note.setText("six weeks suit our patients")
    editor.save_button.click()
    current = protocol_repo.current(ctx.db)
    assert (current.version, current.series.interval_weeks) == (2, 6)
    row = audit_repo.rows(ctx.db, limit=1)[0]
    assert row["action"] == "protocol.version"
    assert json.loads(row["detail"])["version"] == 2
    assert "version 2" in editor.version.text()


def test_new_zone_row_gets_an_id_and_a_range_column_per_concern(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = _screen(qtbot, ctx)
    zones = screen.protocol.zones
    zones.add.click()
    row = zones.table.rowCount() - 1
    zones.set_cell(row, "name", "Scalp (hair line)")
    zones.set_cell(row, "typical", "0.5–1.0", sub="general")
    assert screen.protocol.problems() == []
    screen.protocol.save_button.click()
    zone = protocol_repo.current(ctx.db).zone("scalp_hair_line")
    assert str(zone.typical_range("general")[1]) == "1.0"


def test_clinic_fields_show_their_messages_and_save_only_when_all_are_right(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = _screen(qtbot, ctx)
    screen.clinic.name.setText("")
    screen.clinic.timezone.setCurrentText("Europe/Nowhere")
    screen.clinic.website.setText("www.clinic.co.uk")
    assert not screen.save_settings()
    assert screen.clinic.errors["clinic.name"].text() == (
        "The clinic needs a name: it heads every sheet."
    )
    assert "time zone" in screen.clinic.errors["clinic.timezone"].text()
    assert settings_repo.get(ctx.db, "clinic.website") == ""
    screen.clinic.name.setText("Skin Studio")
    screen.clinic.timezone.setCurrentText("Europe/Dublin")
    assert screen.save_settings()
    assert settings_repo.get(ctx.db, "clinic.website") == "https://www.clinic.co.uk"
    assert screen.clinic.website.text() == "https://www.clinic.co.uk"
    actions = {r["entity_id"] for r in audit_repo.rows(ctx.db) if r["action"] == "settings.change"}
    assert actions == {"clinic.name", "clinic.timezone", "clinic.website"}


def test_logo_picker_checks_and_previews(
    qtbot: QtBot, ctx: AppContext, staff: list[str], tmp_path: Path, monkeypatch
) -> None:
    from console.ui.settings.forms import LogoPicker
    from tests import images

    logo = images.solid(tmp_path / "logo.png", (120, 40))
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"GIF89a")
    screen = _screen(qtbot, ctx)
    monkeypatch.setattr(LogoPicker, "ask", classmethod(lambda cls, parent: str(bad)))
    screen.clinic.logo.choose.click()
    assert (
        screen.clinic.errors["clinic.logo_path"].text() == "The logo must be a PNG or JPEG image."
    )
    monkeypatch.setattr(LogoPicker, "ask", classmethod(lambda cls, parent: str(logo)))
    screen.clinic.logo.choose.click()
    assert screen.clinic.errors["clinic.logo_path"].text() == ""
    assert not screen.clinic.logo.preview.pixmap().isNull()
    assert screen.save_settings()
    assert settings_repo.get(ctx.db, "clinic.logo_path") == str(
        ctx.data_dir / "branding" / "logo.png"
    )


def test_practitioners_see_settings_read_only(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    ctx.practitioner_id = staff[1]
    screen = _screen(qtbot, ctx)
    assert screen.read_only
    assert "Only an admin" in screen.banner.text()
    assert not screen.clinic.name.isEnabled()
    assert not screen.protocol.save_button.isEnabled()
    assert all(not b.isEnabled() for b in screen._save_buttons)
    assert (
        screen.protocol.rules.table.editTriggers()
        == screen.protocol.rules.table.EditTrigger.NoEditTriggers
    )
    assert screen.audit is None and screen.accounts is None
    tabs = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    assert "Accounts" not in tabs and "Audit" not in tabs
    ctx.practitioner_id = staff[0]
    screen.enter()
    assert not screen.read_only and screen.clinic.name.isEnabled()
    tabs = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    assert tabs[-2:] == ["Accounts", "Audit"]
    ctx.practitioner_id = staff[1]
    screen.enter()
    assert screen.accounts is None
    assert "Accounts" not in [screen.tabs.tabText(i) for i in range(screen.tabs.count())]


def test_export_and_import_buttons(
    qtbot: QtBot, ctx: AppContext, staff: list[str], tmp_path: Path, monkeypatch
) -> None:
    screen = _screen(qtbot, ctx)
    reports: list[list[str]] = []
    out = tmp_path / "library.json"
    monkeypatch.setattr(ProtocolEditor, "ask_export_path", classmethod(lambda c, p: out))
    monkeypatch.setattr(ProtocolEditor, "ask_import_path", classmethod(lambda c, p: out))
    monkeypatch.setattr(
        ProtocolEditor, "show_report", classmethod(lambda c, p, t, lines: reports.append(lines))
    )
    screen.protocol.export_button.click()
    assert out.exists() and "Version 1 written" in reports[-1][0]
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["library"]["series"]["sessions"] = 4
    out.write_text(json.dumps(doc), encoding="utf-8")
    screen.protocol.import_button.click()
    assert reports[-1][0] == "Imported library.json as protocol version 2."
    assert screen.protocol.spins[("series", "sessions")].value() == 4
    doc["library"]["zones"] = []
    out.write_text(json.dumps(doc), encoding="utf-8")
    screen.protocol.import_button.click()
    assert reports[-1][0].startswith("Not imported: 1 problem(s)")
    assert protocol_repo.current(ctx.db).version == 2


def test_admins_get_the_audit_tab_with_settings_changes(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = _screen(qtbot, ctx)
    screen.clinic.phone.setText("+44 20 7946 0958")
    assert screen.save_settings()
    assert screen.audit is not None
    assert screen.tabs.tabText(screen.tabs.count() - 1) == "Audit"
    assert screen.tabs.tabText(screen.tabs.count() - 2) == "Accounts"
    screen.tabs.setCurrentIndex(screen.tabs.count() - 1)
    screen.show()
    table = screen.audit.table
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    change = next(r for r in rows if r[2] == "settings.change")
    assert "clinic.phone" in change[4] and "+44 20 7946 0958" in change[4]


def test_saved_idle_minutes_and_lock_key_reach_the_running_idle_lock(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    from console.ui.shell.lock import IdleLock
    from console.ui.shell.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.idle_lock = IdleLock(window, ctx, window.flow)
    try:
        window.flow.set_practitioner(staff[0])
        window.show_screen("settings")
        screen = window.screen_for("settings")
        screen.room.idle.setValue(2)
        screen.room.keys["keys.lock"].set_key_name("F19")
        assert screen.save_settings()
        assert window.idle_lock.timer.interval() == 2 * 60_000
        assert window.idle_lock.shortcut.key().toString() == "F19"
    finally:
        window.idle_lock.uninstall()


def test_unsaved_edits_survive_leaving_and_coming_back(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = _screen(qtbot, ctx)
    screen.protocol.rules.set_cell(0, "text", "Wording in progress")
    screen.clinic.name.setText("Half-typed clinic")
    screen.clinic.name.textEdited.emit("Half-typed clinic")
    screen.enter()  # the main window calls this each time Settings is shown again
    assert screen.protocol.rules.items()[0]["text"] == "Wording in progress"
    assert screen.clinic.name.text() == "Half-typed clinic"
    assert screen.room.idle.value() == 5  # untouched forms are simply reloaded


def test_about_tab_shows_the_version_schema_and_where_the_data_lives(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    import console
    from console.data.migrations import MIGRATIONS
    from console.files import backup

    backup.backup_now(ctx, "morning")
    screen = _screen(qtbot, ctx)
    titles = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    screen.tabs.setCurrentIndex(titles.index("About"))
    screen.show()
    tab = screen.tabs.currentWidget()
    shown = {key: label.text() for key, label in tab.values.items()}
    assert shown["version"] == console.__version__ == "0.1.0"
    assert shown["schema"] == MIGRATIONS.applied(ctx.db)[-1].name
    assert ctx.db_path is not None
    assert shown["db_path"] == str(ctx.db_path.resolve())
    assert shown["data_dir"] == str(ctx.db_path.resolve().parent)
    assert shown["backups"].startswith(str(ctx.db_path.resolve().parent / "backups"))
    assert "1 kept, newest console-20261124-140000.sqlite3" in shown["backups"]
    assert shown["logs_dir"].endswith("/logs")


def test_texts_per_language_are_edited_with_their_state_and_previewed(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    from console.texts import languages as language_texts
    from console.ui.settings.texts_editor import LanguageTextsTab

    screen = _screen(qtbot, ctx)
    tab = next(
        screen.tabs.widget(i)
        for i in range(screen.tabs.count())
        if screen.tabs.tabText(i) == "Texts per language"
    )
    assert isinstance(tab, LanguageTextsTab)
    tab.language.setCurrentIndex(tab.language.findData("es"))
    assert tab.review.text().startswith("Needs review: Machine-quality translation")
    row = tab._keys.index("sheet.title")
    assert tab.table.item(row, 2).text() == language_texts.SHIPPED
    # A lost placeholder is refused next to its row; nothing is saved.
    page = tab._keys.index("sheet.page")
    tab.table.item(page, 1).setText("Página {number}")
    tab.save_button.click()
    assert tab.error.text() == f"Row {page + 1}: Keep {{total}}: the sheet fills it in."
    assert tab.table.currentRow() == page
    tab.table.item(page, 1).setText("Página {number} de {total}")
    tab.table.item(row, 1).setText("Su piel tras la sesión")
    tab.save_button.click()
    assert tab.status.text() == "Saved 1 change(s)."
    assert tab.table.item(row, 2).text() == language_texts.EDITED
    # The live preview can show any language, with the clinic's saved wording.
    screen.preview.language.setCurrentIndex(screen.preview.language.findData("es"))
    screen.tabs.setCurrentWidget(screen.preview)
    screen.show()
    qtbot.waitUntil(lambda: b"%PDF" in screen.preview.pdf[:8], timeout=5000)
    assert "Su piel tras la sesión" in _pdf_text(screen.preview.pdf)
