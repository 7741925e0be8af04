"""The UI's words go through Qt's translation (``self.tr``), and German is a full second UI.

No module of console/ui/ may hold a bare user-visible string (the not-yet-translated list
that let the first modules go first is empty and gone).
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.ui.shell import i18n

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "console" / "ui"

# Calls whose text arguments a user reads.
_TEXT_CALLS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "title",
    "hint",
    "primary",
    "setText",
    "setPlaceholderText",
    "setToolTip",
    "setWindowTitle",
    "setAccessibleName",
    "addItem",
    "addItems",
    "setHorizontalHeaderLabels",
    "setHeaderLabels",
    "addTab",
    "setTabText",
    "setTitle",
    "showMessage",
    "setStatusTip",
    "setInformativeText",
    "information",
    "warning",
    "critical",
    "question",
}
_WRAPPERS = {"tr", "translate", "_tr"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _wrapped(node: ast.expr) -> bool:
    if not isinstance(node, ast.Call):
        return False
    name = _name(node.func)
    if name in _WRAPPERS:
        return True
    # self.tr("{n} found").format(n=…)
    return name == "format" and isinstance(node.func, ast.Attribute) and _wrapped(node.func.value)


def _bare(node: ast.expr) -> bool:
    """Text with letters that reaches the user without passing through a translation."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[A-Za-z]{2}", node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_bare(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _bare(node.left) or _bare(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_bare(e) for e in node.elts)
    if isinstance(node, ast.IfExp):
        return _bare(node.body) or _bare(node.orelse)
    return False


def _logged(call: ast.Call) -> bool:
    """``log.warning(…)``: written to the log file for whoever reads it, not shown on screen."""
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id in {"log", "logger", "logging"}
    )


def bare_strings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call) and _name(node.func) in _TEXT_CALLS and not _logged(node):
            for arg in node.args:
                if not _wrapped(arg) and _bare(arg):
                    found.append(f"{path.relative_to(UI)}:{node.lineno}: {ast.unparse(arg)[:60]}")
    return found


def test_no_user_visible_string_escapes_translation() -> None:
    escaped = []
    for path in sorted(UI.rglob("*.py")):
        escaped += bare_strings(path)
    assert escaped == []


def test_the_checker_sees_bare_and_wrapped_strings(tmp_path: Path) -> None:
    sample = UI / "_sample_for_checker.py"
    sample.write_text(
        'QLabel("Hello")\nQLabel(self.tr("Hello"))\nb.setText(f"{n} found")\n'
        'b.setText(self.tr("{n} found").format(n=n))\nb.setStyleSheet("color: red")\n'
    )
    try:
        assert [s.split(": ", 1)[1] for s in bare_strings(sample)] == ["'Hello'", "f'{n} found'"]
    finally:
        sample.unlink()


def test_german_has_every_string_translated() -> None:
    tree = ET.parse(ROOT / "resources" / "translations" / "console_de.ts")
    messages = tree.getroot().iter("message")
    untranslated = [
        m.findtext("source")
        for m in messages
        if (m.find("translation") is None)
        or m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
        or not (m.findtext("translation") or "").strip()
    ]
    assert untranslated == []
    assert (ROOT / "resources" / "translations" / "console_de.qm").stat().st_size > 0


def test_the_clinics_language_turns_the_patient_screen_german(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    from console.ui.shell.flow import VisitFlow
    from console.ui.steps.patient import PatientScreen

    app = QApplication.instance()
    assert app is not None
    assert "de" in i18n.ui_languages()
    assert i18n.install(app, "de")
    try:
        screen = PatientScreen(ctx, VisitFlow(ctx.signed_in))
        qtbot.addWidget(screen)
        assert screen.register_button.text() == "Neue Person aufnehmen…"
        assert screen.start_button.text() == "Behandlung beginnen"
        assert screen.form.save_button.text() == "Aufnehmen"
        assert screen.search.placeholderText() == "Name, Geburtsdatum, Tel., E-Mail"
        from console.ui.steps.signin import SignInScreen

        signin = SignInScreen(ctx, VisitFlow(ctx.signed_in))
        qtbot.addWidget(signin)
        assert signin.pad.keys["OK"].text() == "Anmelden"
    finally:
        i18n.install(app, "en")
    english = PatientScreen(ctx, VisitFlow(ctx.signed_in))
    qtbot.addWidget(english)
    assert english.start_button.text() == "Start visit"


def test_records_and_settings_speak_german(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> None:
    """What a German-speaking clinic sees on Records and in Settings, label by label."""
    from console.ui.records.screen import RecordsScreen
    from console.ui.settings.screen import SettingsScreen
    from console.ui.shell.flow import VisitFlow

    app = QApplication.instance()
    assert app is not None
    assert i18n.install(app, "de")
    try:
        records = RecordsScreen(ctx, VisitFlow(ctx.signed_in))
        qtbot.addWidget(records)
        tabs = [records.tabs.tabText(i) for i in range(records.tabs.count())]
        assert tabs == ["Patientenakte", "Chargenrückruf", "Fälligkeitsliste", "Tagesprotokoll"]
        assert records.search.placeholderText().startswith("Patientin / Patienten suchen")
        assert records.recall.search_button.text() == "Suchen"
        assert records.record.export_button.text() == "Akte exportieren…"
        record_tabs = [records.record.tabs.tabText(i) for i in range(records.record.tabs.count())]
        assert record_tabs[:2] == ["Diagramme", "Behandlungen"]
        header = records.record.visits.horizontalHeaderItem(0)
        assert header is not None and header.text() == "Datum"
        assert records.record.detail.accessibleName() == "Behandlungsdetails (nur lesen)"

        records.search.setText("zzzz-nobody")
        assert records.search_error.text() == "Keine passende Akte gefunden."

        settings = SettingsScreen(ctx, VisitFlow(ctx.signed_in))
        qtbot.addWidget(settings)
        labels = {label.text() for label in settings.clinic.findChildren(QLabel)}
        assert {"Name der Praxis", "Zeitzone"} <= labels
        room_labels = {label.text() for label in settings.room.findChildren(QLabel)}
        assert {"Raum", "Drucker im Raum"} <= room_labels

        assert settings.clinic.fields["clinic.name"].accessibleName() == "Name der Praxis"
        assert settings.clinic.logo.choose.text() == "Auswählen…"
        assert settings.room.idle.suffix() == " Min."
        assert settings.protocol.save_button.text() == "Neue Version speichern"
        nav = [settings.protocol.nav.item(i).text() for i in range(settings.protocol.nav.count())]
        assert nav[:3] == ["Geräte", "Zonen", "Ausschlusskriterien"]
        assert settings.protocol.devices.add.text() == "Hinzufügen"
        # German words are longer: Settings still fits the clinic's 1366-pixel screen.
        assert settings.minimumSizeHint().width() <= 1366

    finally:
        i18n.install(app, "en")
    english = RecordsScreen(ctx, VisitFlow(ctx.signed_in))
    qtbot.addWidget(english)
    assert english.tabs.tabText(0) == "Patient record"


def test_the_visit_steps_speak_german(
    qtbot: QtBot,
    ctx: AppContext,
    staff: list[str],
    patient: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A German clinic's practitioner treats and completes a visit reading German throughout,
    on the 1366-pixel room monitor; the keys in brackets stay the keys the console listens to."""
    from PySide6.QtCore import Qt

    from console.ui.shell.main_window import MainWindow
    from console.ui.widgets import theme
    from console.ui.widgets.common import Confirm
    from console.visit.service import VisitService
    from tests.conftest import ready_visit

    visit_id = ready_visit(ctx, patient)
    VisitService(ctx).plan_area(visit_id, "cheeks", depth_text="0.75", target_passes=2)
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet = app.font(), app.styleSheet()
    theme.apply(app)  # the room's type, as the console starts
    assert i18n.install(app, "de")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.flow.set_patient(patient)
        window.flow.set_visit(visit_id)
        window.flow.set_practitioner(staff[0])
        window.show()
        window.resize(1366, 700)
        sidebar = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
        assert sidebar[2:8] == ["3  Ausschlüsse", "4  Einwilligung", "5  Vorbereitung",
                                "6  Planung", "7  Behandlung", "8  Abschluss"]  # fmt: skip

        window.flow.go("treat")
        treat = window.screen_for("treat")
        assert treat.toggle.text() == "Starten  [Space]"  # type: ignore[attr-defined]
        assert treat.finish_btn.text() == "Abschluss  [F]"  # type: ignore[attr-defined]
        assert treat.state_label.text() == "Bereit"  # type: ignore[attr-defined]
        assert treat.count_label.text() == "0 von 2 erledigt"  # type: ignore[attr-defined]
        endpoints = [b.text() for b in treat.endpoints.buttons()]  # type: ignore[attr-defined]
        assert endpoints == ["1  Erythem", "2  Gleichmäßige punktförmige Blutung",
                             "3  Kein Endpunkt erreicht"]  # fmt: skip
        assert "Patient/in:" in window.status.text()
        treat.toggle_pass()  # type: ignore[attr-defined]
        assert treat.state_label.text() == "DURCHGANG LÄUFT"  # type: ignore[attr-defined]
        assert treat.toggle.text() == "Stoppen  [Space]"  # type: ignore[attr-defined]
        assert treat.count_label.text() == "1 von 2 läuft"  # type: ignore[attr-defined]
        treat.toggle_pass()  # type: ignore[attr-defined]
        treat.set_endpoint_by_index(1)  # type: ignore[attr-defined]

        window.flow.go("finish")
        finish = window.screen_for("finish")
        complete = finish.complete  # type: ignore[attr-defined]
        assert complete.text() == "Behandlung abschließen  [Strg+Enter]"
        assert finish.new_visit.text() == "Nächste Person"  # type: ignore[attr-defined]
        header = finish.table.horizontalHeaderItem(0)  # type: ignore[attr-defined]
        assert header is not None and header.text() == "Bereich"
        endpoint = finish.table.item(0, 4)  # type: ignore[attr-defined]
        assert endpoint is not None and endpoint.text() == "Punktförmige Blutung"
        assert "1 Durchgänge" in finish.facts.text()  # type: ignore[attr-defined]

        complete.click()
        done = finish.done.text()  # type: ignore[attr-defined]
        assert done.startswith("Abgeschlossen und gesperrt.")
        assert "Kein Drucker im Raum eingestellt" in done
        # The sheet beside the summary with its German buttons: nothing scrolls sideways.
        qtbot.wait(1)
        assert window._holders["finish"].horizontalScrollBar().maximum() == 0
        qtbot.waitUntil(lambda: finish.backup_thread is not None, timeout=5000)  # type: ignore[attr-defined]
        finish.backup_thread.join(timeout=30)  # type: ignore[attr-defined]
        window.close()
    finally:
        i18n.install(app, "en")
        app.setStyleSheet(sheet)
        app.setFont(font)
    english = MainWindow(ctx)
    qtbot.addWidget(english)
    assert english.sidebar.item(6).text() == "7  Treat"
