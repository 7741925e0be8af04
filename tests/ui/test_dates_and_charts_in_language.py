"""Dates on screens in the UI's language (Babel, not strftime's English months), and the
records and treatment charts' words through Qt's translation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.texts import dates
from console.ui.records.record_view import PatientRecordView
from console.ui.shell import i18n
from console.ui.steps.treat_chart import TreatChart
from console.visit.lifecycle import VisitLifecycle
from tests.records_support import make_visit


@pytest.fixture
def german(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert app is not None
    assert i18n.install(app, "de")  # the shipped German, charts included
    try:
        yield
    finally:
        i18n.install(app, "en")


def test_the_helper_writes_months_and_weekdays_in_the_language() -> None:
    day = date(2026, 11, 25)
    at = datetime(2026, 11, 25, 15, 40, 12, tzinfo=ZoneInfo("Europe/Berlin"))
    assert dates.day(day, "en_GB") == "25 Nov 2026"
    assert dates.day(day, "de_DE") == "25. Nov. 2026"
    assert dates.weekday_day(day, "de_DE") == "Mi., 25. Nov. 2026"
    assert dates.day_time(at, "de_DE", seconds=True) == "25. Nov. 2026, 15:40:12"
    assert "نوفمبر" in dates.day(day, "ar_EG")  # November
    assert "الأربعاء" in dates.weekday_day(day, "ar_EG")  # Wednesday
    assert "Nov" not in dates.weekday_day_time(at, "ar_EG")


def test_a_german_ui_shows_german_months_in_the_record(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, patient: str, german: None
) -> None:
    make_visit(ctx, clock, patient, lot="L1", serial="1")
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    assert "14. März 1988" in view.details.text()  # born 14 Mar 1988
    started = view.history.visits[0].started_at.astimezone(ctx.timezone())  # type: ignore[union-attr]
    assert view.visits.item(0, 0).text() == dates.day_time(started, "de_DE")
    assert "Nov" in view.visits.item(0, 0).text() and "Nov." in view.visits.item(0, 0).text()


def test_a_clinic_whose_language_has_no_ui_translation_keeps_english_dates_with_english_words(
    qtbot: QtBot, ctx: AppContext, patient: str
) -> None:
    app = QApplication.instance()
    assert app is not None
    assert not i18n.install(app, "ar")  # no Arabic UI yet: English words, English months
    try:
        view = PatientRecordView(ctx)
        qtbot.addWidget(view)
        view.show_patient(patient)
        assert "14 Mar 1988" in view.details.text()
    finally:
        i18n.install(app, "en")


def test_the_history_charts_speak_german(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, patient: str, german: None
) -> None:
    make_visit(ctx, clock, patient, lot="L1", serial="1")
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    charts = view.charts
    titles = [charts.plots[k].titleLabel.text for k in ("depth", "minutes", "passes", "timeline")]
    assert titles == ["Tiefe je Zone (mm)", "Zeit je Zone (Min.)", "Durchgänge je Zone", "Serie"]
    assert charts.plots["minutes"].getAxis("left").labelText == "Min."
    assert charts.plots["passes"].getAxis("left").labelText == "Durchgänge"
    assert charts.today_line.label.textItem.toPlainText() == "heute"
    due = next(p for p in charts.timeline_points if p.kind == "next_due")
    assert charts.point_text(due) == f"Sitzung 2 fällig am {dates.day(due.day, 'de_DE')}"
    marks = {item.toPlainText() for item in charts._timeline_extra if hasattr(item, "toPlainText")}
    assert "Nr. 2 fällig" in marks
    x = charts.curves["minutes"]["cheeks"].getData()[0][0]
    y = charts.curves["minutes"]["cheeks"].getData()[1][0]
    charts.show_hover("minutes", charts.scene_pos_of("minutes", x, y))
    assert charts.hover_text.endswith(" Min.") and ". " in charts.hover_text  # "25. Nov. 2026"


def test_the_treatment_chart_speaks_german(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, patient: str, german: None
) -> None:
    vid = make_visit(ctx, clock, patient, lot="L1", serial="1")
    chart = TreatChart()
    qtbot.addWidget(chart)
    chart.show_record(VisitLifecycle(ctx).record(vid))
    assert chart.getPlotItem().getAxis("left").labelText == "Sekunden"
    assert [label.toPlainText() for label in chart._labels] == ["3 Durchgänge"]
