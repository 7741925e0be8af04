"""Recall view: a scan (ending with Enter) lists the visits; CSV and PDF exports; due list."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.ui.records.lists_view import DayLogView, DueListView
from console.ui.records.recall_view import RecallView
from console.ui.records.screen import RecordsScreen
from console.ui.shell.flow import VisitFlow
from tests.records_support import GTIN_B, add_patient, make_visit, scan


@pytest.fixture
def two_patients(ctx: AppContext, staff: list[str], clock: FakeClock) -> dict[str, str]:
    a = add_patient(ctx, "Anna Kowalczyk", date(1980, 1, 2), "+44 7700 900001", "anna@example.org")
    b = add_patient(ctx, "王小明", date(1975, 5, 6), "+44 7700 900002", "wang@example.org")
    return {
        "a": a,
        "b": b,
        "va": make_visit(ctx, clock, a, lot="LOT7", serial="1"),
        "vb": make_visit(ctx, clock, b, lot="LOT7", serial="2", gtin=GTIN_B),
        "vb2": make_visit(ctx, clock, b, lot="LOT8", serial="3"),
    }


def test_scan_lists_the_visits_and_exports(
    qtbot: QtBot,
    ctx: AppContext,
    two_patients: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = RecallView(ctx)
    qtbot.addWidget(view)
    # A keyboard-wedge scanner: the label's text then Enter (group separator as setText).
    view.lot.setText(scan(GTIN_B, "LOT7", "555"))
    qtbot.keyClick(view.lot, Qt.Key.Key_Return)
    assert view.table.rowCount() == 1
    assert view.table.item(0, 1).text() == "王小明"
    assert view.table.item(0, 4).text() == "wang@example.org"
    assert "1 visits, 1 patients" in view.summary.text()
    # Typed lot without GTIN: both patients.
    view.lot.setText("LOT7")
    view.gtin.clear()
    view.search_button.click()
    assert {view.table.item(r, 1).text() for r in range(view.table.rowCount())} == {
        "Anna Kowalczyk",
        "王小明",
    }
    paths = iter([str(tmp_path / "r.csv"), str(tmp_path / "r.pdf")])
    monkeypatch.setattr(RecallView, "ask_save_path", classmethod(lambda c, p, s, k: next(paths)))
    view.csv_button.click()
    view.pdf_button.click()
    rows = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert {r["visit_id"] for r in rows} == {two_patients["va"], two_patients["vb"]}
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_errors_show_next_to_the_field(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> None:
    view = RecallView(ctx)
    qtbot.addWidget(view)
    view.search_button.click()
    assert "type the lot" in view.lot_error.text()
    view.lot.setText("LOT7")
    view.gtin.setText("12ab")
    view.search_button.click()
    assert "GTIN" in view.gtin_error.text() and view.lot_error.text() == ""


def test_double_click_opens_the_patient_record(
    qtbot: QtBot, ctx: AppContext, two_patients: dict[str, str]
) -> None:
    screen = RecordsScreen(ctx, VisitFlow(ctx.signed_in))
    qtbot.addWidget(screen)
    screen.tabs.setCurrentWidget(screen.recall)
    screen.recall.lot.setText("LOT8")
    screen.recall.run_search()
    screen.recall.table.cellDoubleClicked.emit(0, 1)
    assert screen.tabs.currentIndex() == 0
    assert screen.record.header.text() == "王小明"


def test_due_list_and_day_log(
    qtbot: QtBot, ctx: AppContext, two_patients: dict[str, str], clock: FakeClock
) -> None:
    clock.advance(timedelta(weeks=7).total_seconds())
    due = DueListView(ctx)
    qtbot.addWidget(due)
    due.refresh()
    m = due.model
    names = {m.text(r, 2) for r in range(m.rowCount())}
    assert names == {"Anna Kowalczyk", "王小明"}
    assert {m.text(r, 3) for r in range(m.rowCount())} == {
        "+44 7700 900001",
        "+44 7700 900002",
    }
    with qtbot.waitSignal(due.patient_requested) as sig:
        due.table.doubleClicked.emit(m.index(0, 0))
    assert sig.args[0] in (two_patients["a"], two_patients["b"])

    clock.advance(-timedelta(weeks=7).total_seconds())
    log = DayLogView(ctx)
    qtbot.addWidget(log)
    log.show_today()
    assert log.tree.topLevelItemCount() == 1
    top = log.tree.topLevelItem(0)
    assert top.text(0) == "Dr Amara Okafor" and top.childCount() == 3
    assert log.summary.text() == "3 visits by 1 practitioners"
