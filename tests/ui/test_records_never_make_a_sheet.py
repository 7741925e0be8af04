"""Records shows the sheet that was handed over; opening a visit never makes one.

A visit locked without an archived sheet stays without one until someone asks, explicitly,
for a sheet made from today's Settings (and the audit trail says it was made late).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import audit_repo, handouts_repo
from console.ui.records.record_view import PatientRecordView
from console.ui.steps.handout_preview import HandoutPreview


def sheet_files(ctx: AppContext) -> list[Path]:
    return sorted(ctx.handouts_dir.rglob("*.pdf")) if ctx.handouts_dir.exists() else []


def visit_actions(ctx: AppContext, visit_id: str) -> list[str]:
    return [r["action"] for r in audit_repo.rows(ctx.db, entity_id=visit_id)]


def test_opening_and_showing_a_visit_without_a_sheet_writes_nothing(
    qtbot: QtBot, ctx: AppContext, patient: str, completed_visit: str
) -> None:
    before = visit_actions(ctx, completed_visit)
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    view.visits.selectRow(0)
    assert "Cheeks" in view.detail.toPlainText()
    assert not view.sheet_button.isEnabled()
    assert not view.archive_button.isHidden()  # the explicit way, offered
    # Even the sheet window, opened directly, only shows a draft.
    dialog = PatientRecordView.show_sheet(view, ctx, completed_visit)
    preview = dialog.findChild(HandoutPreview)
    assert preview is not None and preview.handout is None
    assert "no sheet was archived" in preview.status.text()
    assert not preview.print_button.isEnabled()
    assert sheet_files(ctx) == []
    assert handouts_repo.count_for_visit(ctx.db, completed_visit) == 0
    assert visit_actions(ctx, completed_visit) == before


def test_archive_now_asks_then_makes_one_sheet_marked_late(
    qtbot: QtBot,
    ctx: AppContext,
    patient: str,
    completed_visit: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(
        PatientRecordView, "ask_archive_now", classmethod(lambda cls, p: asked.append(False))
    )
    opened: list[QDialog] = []
    real_show = PatientRecordView.show_sheet
    monkeypatch.setattr(
        PatientRecordView,
        "show_sheet",
        classmethod(lambda cls, p, c, v: opened.append(real_show(p, c, v))),
    )
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    view.archive_button.click()  # the practitioner says No
    assert asked == [False] and sheet_files(ctx) == []

    monkeypatch.setattr(PatientRecordView, "ask_archive_now", classmethod(lambda cls, p: True))
    view.archive_button.click()
    (pdf,) = sheet_files(ctx)
    assert handouts_repo.count_for_visit(ctx.db, completed_visit) == 1
    (create,) = [
        r
        for r in audit_repo.rows(ctx.db, entity_id=completed_visit)
        if r["action"] == "handout.create"
    ]
    assert "made_late_from_todays_settings" in str(create["detail"])
    assert view.visits.item(0, 7).text() == "yes" and view.sheet_button.isEnabled()
    assert view.archive_button.isHidden()
    (dialog,) = opened
    preview = dialog.findChild(HandoutPreview)
    assert preview is not None and preview.handout is not None and preview.handout.path == pdf
