"""The Records screen: find a patient, open the record (audited), charts and visit detail."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo
from console.ui.records.record_view import PatientRecordView
from console.ui.records.screen import RecordsScreen
from console.ui.shell.flow import VisitFlow
from tests.records_support import make_visit


def _screen(qtbot: QtBot, ctx: AppContext) -> RecordsScreen:
    screen = RecordsScreen(ctx, VisitFlow(ctx.signed_in))
    qtbot.addWidget(screen)
    screen.resize(1100, 760)
    screen.show()
    return screen


def test_search_then_open_shows_details_and_writes_one_audit_row(
    qtbot: QtBot, ctx: AppContext, patient: str, completed_visit: str
) -> None:
    screen = _screen(qtbot, ctx)
    qtbot.keyClicks(screen.search, "lukasz")
    assert screen.results.count() == 1
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    view = screen.record
    assert view.header.text() == "Zoë Łukasz-Nguyễn"
    assert "14 Mar 1988" in view.details.text() and "zoe@example.org" in view.details.text()
    assert "Session 1 of 3 done" in view.series.text()
    opened = [
        r for r in audit_repo.rows(ctx.db, entity_id=patient) if r["action"] == "patient.open"
    ]
    assert len(opened) == 1
    # The visit is listed, and its detail is read-only with the lots and every pass.
    assert view.visits.rowCount() == 1 and view.visits.item(0, 3).text() == "6"
    assert view.detail.isReadOnly()
    text = view.detail.toPlainText()
    assert "LOT42A" in text and "Cheeks" in text and "pinpoint bleeding" in text
    assert "No amendments" in text


def test_no_match_says_so(qtbot: QtBot, ctx: AppContext, patient: str) -> None:
    screen = _screen(qtbot, ctx)
    qtbot.keyClicks(screen.search, "qqqzzz")
    assert screen.results.isHidden() and screen.search_error.text() == "No patient matches."


def test_charts_carry_the_visits_data(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, patient: str
) -> None:
    make_visit(
        ctx,
        clock,
        patient,
        lot="L1",
        serial="1",
        areas=[("cheeks", "0.5", (30, 30)), ("forehead", "0.25", (20,))],
    )
    clock.advance(timedelta(weeks=7).total_seconds())
    make_visit(ctx, clock, patient, lot="L1", serial="2", areas=[("cheeks", "0.75", (40, 50, 60))])
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    h = view.history
    assert h is not None
    x1, x2 = (v.started_at.timestamp() for v in h.visits)
    charts = view.charts
    xs, ys = charts.curves["depth"]["cheeks"].getData()
    assert list(xs) == [x1, x2] and list(ys) == [0.5, 0.75]
    assert list(charts.curves["depth"]["forehead"].getData()[1]) == [0.25]
    assert list(charts.curves["minutes"]["cheeks"].getData()[1]) == [1.0, 2.5]
    assert list(charts.curves["passes"]["cheeks"].getData()[1]) == [2.0, 3.0]
    # Timeline: two sessions done, the third due one interval after the second.
    done_x, _ = charts.timeline_items["done"].getData()
    next_x, _ = charts.timeline_items["next_due"].getData()
    assert len(done_x) == 2 and next_x[0] - done_x[1] == timedelta(weeks=7).total_seconds()
    assert (
        "planned" not in charts.timeline_items
        or len(charts.timeline_items["planned"].getData()[0]) == 0
    )
    # The bottom axes are dates.
    assert type(charts.plots["depth"].getAxis("bottom")).__name__ == "DateAxisItem"
    # Hover: the point under the mouse is named with its value.
    pos = charts.scene_pos_of("depth", x2, 0.75)
    charts.show_hover("depth", pos)
    assert charts.hover_text.startswith("Cheeks") and "0.75 mm" in charts.hover_text


def test_reopening_another_patient_replaces_the_curves(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, patient: str, completed_visit: str
) -> None:
    from datetime import date

    from tests.records_support import add_patient

    other = add_patient(ctx, "Anna Kowalczyk", date(1980, 1, 2))
    make_visit(ctx, clock, other, lot="L2", serial="9", areas=[("neck", "0.75", (30,))])
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    assert set(view.charts.curves["depth"]) == {"cheeks", "forehead"}
    view.show_patient(other)
    assert set(view.charts.curves["depth"]) == {"neck"}
    visible = [c for c in view.charts.plots["depth"].listDataItems() if c.isVisible()]
    assert len(visible) == 1


def test_amendments_show_who_made_them(
    qtbot: QtBot, ctx: AppContext, patient: str, completed_visit: str, staff: list[str]
) -> None:
    from console.visit.service import VisitService

    ctx.practitioner_id = staff[1]
    VisitService(ctx).amend(completed_visit, "notes", "Mild redness next day.", "Phoned in")
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    text = view.detail.toPlainText()
    assert "Nurse Chloé Martin" in text and "Mild redness next day." in text
    assert "Tolerated well." in text  # the original is kept
    assert view.visits.item(0, 6).text() == "1"


def test_screening_tab_lists_the_answers(
    qtbot: QtBot, ctx: AppContext, patient: str, completed_visit: str
) -> None:
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    view.tabs.setCurrentWidget(view.screening)
    assert view.screening.rowCount() == 21
    assert {view.screening.item(r, 2).text() for r in range(21)} == {"no"}


def test_export_and_erasure_buttons(
    qtbot: QtBot,
    ctx: AppContext,
    patient: str,
    completed_visit: str,
    tmp_path: Path,
    monkeypatch: object,
) -> None:
    import pytest

    mp: pytest.MonkeyPatch = monkeypatch  # type: ignore[assignment]
    out = tmp_path / "zoe.zip"
    mp.setattr(PatientRecordView, "ask_export_path", classmethod(lambda cls, p, s: str(out)))
    mp.setattr(PatientRecordView, "ask_erasure_reason", classmethod(lambda cls, p: "Request"))
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    view.export_button.click()
    assert out.exists() and "Exported 1 visits" in view.series.text()
    view.erase_button.click()
    assert view.header.text().startswith("ANON-")
    assert "Kept, because medical records must be retained" in view.series.text()
    assert not view.erase_button.isEnabled()
    assert "Born —" in view.details.text()


def test_archived_sheet_opens_for_reprint(
    qtbot: QtBot, ctx: AppContext, patient: str, completed_visit: str, monkeypatch: object
) -> None:
    import pytest

    mp: pytest.MonkeyPatch = monkeypatch  # type: ignore[assignment]
    opened: list[str] = []
    mp.setattr(
        PatientRecordView, "show_sheet", classmethod(lambda cls, parent, c, vid: opened.append(vid))
    )
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    assert not view.sheet_button.isEnabled()  # nothing archived yet
    ctx.db.execute(
        "INSERT INTO handouts (id, visit_id, created_at, path, sha256, pages, paper) "
        "VALUES ('h1', ?, '2026-11-24T14:05:00+00:00', 'handouts/2026/x.pdf', 'x', 2, 'A4')",
        [completed_visit],
    )
    ctx.db.conn.commit()
    view.show_patient(patient)
    assert view.sheet_button.isEnabled() and view.visits.item(0, 7).text() == "yes"
    view.sheet_button.click()
    assert opened == [completed_visit]


def test_reprint_opens_the_archived_sheet_with_print_buttons(
    qtbot: QtBot, ctx: AppContext, patient: str, completed_visit: str
) -> None:
    from console.aftercare import create_handout
    from console.ui.steps.handout_preview import HandoutPreview

    archived = create_handout(ctx, completed_visit)
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    dialog = PatientRecordView.show_sheet(view, ctx, completed_visit)
    qtbot.addWidget(dialog)
    preview = dialog.findChild(HandoutPreview)
    assert preview.handout is not None and preview.handout.path == archived.path
    assert len(preview.pages.page_labels()) == archived.pages
    assert preview.print_button.isEnabled() and preview.room_button.isEnabled()
