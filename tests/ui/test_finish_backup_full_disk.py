"""The backup after a visit, on a full disk: the finish screen says so (issue 11)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import open_context
from console.demo import clinic as demo
from console.ui.shell.flow import VisitFlow
from console.ui.steps.finish import FinishScreen
from console.visit.completion import backup_due
from tests.full_disk import tiny_disk


def test_the_finish_screen_learns_that_the_backup_failed(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        ctx = open_context(disk.path / "console.sqlite3", clock=clock)
        try:
            ctx.practitioner_id = demo.create_practitioners(ctx.db, ctx.now())[0]
            ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            disk.fill()
            flow = VisitFlow(ctx.signed_in)
            screen = FinishScreen(ctx, flow)
            qtbot.addWidget(screen)
            due = backup_due(ctx)
            assert due is not None
            screen._backup_after_visit(due)
            assert screen.backup_thread is not None
            screen.backup_thread.join(timeout=60)
            qtbot.waitUntil(lambda: screen.error.text() != "", timeout=5000)
            assert screen.error.text() == (
                "The visit is saved, but the backup failed: "
                "The backup could not be written: the disk is full."
            )
        finally:
            ctx.db.close()
