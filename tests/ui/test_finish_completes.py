"""Finish → Complete: one domain call; one archived file, one row, shown; back to the search."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import audit_repo, handouts_repo, visits_repo
from console.ui.shell.main_window import MainWindow
from console.ui.widgets.common import Confirm
from tests.completion_support import open_finish


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, staff: list[str]) -> Iterator[MainWindow]:
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.flow.set_practitioner(staff[0])
    yield w
    w.close()


def test_complete_archives_exactly_one_sheet_and_returns_to_an_empty_search(
    qtbot: QtBot,
    window: MainWindow,
    ctx: AppContext,
    patient: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    visit_id, finish = open_finish(window, ctx, patient)
    finish.notes.setPlainText("Tolerated well.")  # type: ignore[attr-defined]
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))
    # Count the whole-visit loads the click costs (the real function still runs).
    loads: list[str] = []
    real_load = visits_repo.load_record

    def counting_load(db, vid):  # type: ignore[no-untyped-def]
        loads.append(vid)
        return real_load(db, vid)

    monkeypatch.setattr(visits_repo, "load_record", counting_load)

    finish.complete.click()  # type: ignore[attr-defined]

    assert finish.error.text() == ""  # type: ignore[attr-defined]
    assert loads == [visit_id]  # loaded once, inside the use case
    files = sorted(ctx.handouts_dir.rglob("*.pdf"))
    assert len(files) == 1
    row = handouts_repo.latest_for_visit(ctx.db, visit_id)
    assert row is not None and handouts_repo.count_for_visit(ctx.db, visit_id) == 1
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == row["sha256"]
    creates = [
        r for r in audit_repo.rows(ctx.db, entity_id=visit_id) if r["action"] == "handout.create"
    ]
    assert len(creates) == 1
    preview = finish.preview  # type: ignore[attr-defined]
    assert preview is not None and preview.handout is not None
    assert preview.handout.path == files[0] and len(preview.pages.page_labels()) >= 1
    assert "No room printer is set" in finish.done.text()  # type: ignore[attr-defined]
    assert visits_repo.load_record(ctx.db, visit_id).notes == "Tolerated well."
    # The patient leaves with the visit: next is an empty search.
    assert window.flow.visit_id is None and window.flow.patient_id is None
    qtbot.waitUntil(lambda: finish.backup_thread is not None, timeout=5000)  # type: ignore[attr-defined]
    finish.backup_thread.join(timeout=30)  # type: ignore[attr-defined]
    finish.new_visit.click()  # type: ignore[attr-defined]
    assert window.current_key() == "patient"
    people = window.screen_for("patient")
    assert people.patient is None and people.search.text() == ""  # type: ignore[attr-defined]
    # Coming back to nothing made no second sheet.
    assert handouts_repo.count_for_visit(ctx.db, visit_id) == 1
    assert len(list(ctx.handouts_dir.rglob("*.pdf"))) == 1
