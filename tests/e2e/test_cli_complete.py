"""`python -m console complete`: the Finish screen's use case from a shell, on a real file."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo, handouts_repo, settings_repo, visits_repo
from console.visit.service import VisitService
from tests.completion_support import treated_visit
from tests.conftest import ready_visit, require_tool
from tests.cups import private_cups

ROOT = Path(__file__).resolve().parents[2]


def complete(db: Path, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "console", "complete", "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_completes_archives_one_sheet_and_backs_up(
    ctx: AppContext, patient: str, clock: FakeClock, db_path: Path
) -> None:
    visit_id = treated_visit(ctx, patient, clock)
    done = complete(
        db_path, visit_id, "--notes", "Tolerated well, ça va.", "--adverse-events", "", "--no-print"
    )
    assert done.returncode == 0, done.stderr
    record = visits_repo.load_record(ctx.db, visit_id)
    assert record.status == "completed" and record.notes == "Tolerated well, ça va."
    row = handouts_repo.latest_for_visit(ctx.db, visit_id)
    assert row is not None and handouts_repo.count_for_visit(ctx.db, visit_id) == 1
    archived = ctx.data_dir / row["path"]
    assert hashlib.sha256(archived.read_bytes()).hexdigest() == row["sha256"]
    assert f"sha256:    {row['sha256']}" in done.stdout
    assert "printed:   no (--no-print)" in done.stdout
    assert len(list(ctx.handouts_dir.rglob("*.pdf"))) == 1
    backups = list(ctx.backups_dir.iterdir())
    assert backups and f"backup:    {backups[0]}" in done.stdout
    acts = [r["action"] for r in audit_repo.rows(ctx.db, entity_id=visit_id)]
    assert acts.count("visit.complete") == 1 and acts.count("handout.create") == 1


def test_refusals_are_one_line_and_change_nothing(
    ctx: AppContext, patient: str, clock: FakeClock, db_path: Path
) -> None:
    unknown = complete(db_path, "no-such-visit", "--no-print")
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("error: ") and unknown.stderr.count("\n") == 1
    assert "Traceback" not in unknown.stderr

    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient, serial="0501")
    area = svc.plan_area(visit_id, "forehead", depth_text="0.5", target_passes=1)
    svc.start_pass(area, "vertical")
    clock.advance(30)
    svc.stop_pass()
    missing = complete(db_path, visit_id, "--notes", "x", "--no-print")
    assert missing.returncode == 1
    assert missing.stderr == "error: Record the endpoint for: Forehead.\n"
    assert visits_repo.load_record(ctx.db, visit_id).status == "open"
    assert handouts_repo.count_for_visit(ctx.db, visit_id) == 0
    assert not ctx.handouts_dir.exists() or not list(ctx.handouts_dir.rglob("*.pdf"))

    svc.set_endpoint(area, "erythema")
    assert complete(db_path, visit_id, "--no-print").returncode == 0
    again = complete(db_path, visit_id, "--no-print")
    assert again.returncode == 1 and again.stderr.count("\n") == 1
    assert handouts_repo.count_for_visit(ctx.db, visit_id) == 1  # locked once, one sheet

    nowhere = complete(ctx.data_dir / "nope.sqlite3", visit_id)
    assert nowhere.returncode == 3 and "no database at" in nowhere.stderr.lower()


@pytest.mark.cups
def test_the_room_printer_gets_the_archived_sheet(
    ctx: AppContext, patient: str, staff: list[str], clock: FakeClock, db_path: Path
) -> None:
    pdfinfo = require_tool("pdfinfo", "poppler-utils")
    visit_id = treated_visit(ctx, patient, clock)
    with private_cups() as cups:
        settings_repo.put(ctx.db, "room.printer", cups.queue, now=ctx.now(), by=staff[0])
        ctx.db.conn.commit()
        done = complete(db_path, visit_id, env=cups.env())
        assert done.returncode == 0, done.stderr
        row = handouts_repo.latest_for_visit(ctx.db, visit_id)
        assert row is not None
        assert f"printed:   {cups.queue}" in done.stdout
        printed = cups.wait_for_output(f"Aftercare_{Path(row['path']).stem}")
        meta = subprocess.run(
            [pdfinfo, str(printed)], capture_output=True, text=True, check=True
        ).stdout
        assert f"Pages:           {row['pages']}" in meta
    (print_row,) = handouts_repo.prints_for_handout(ctx.db, row["id"])
    assert print_row["status"] == "printed" and print_row["printer"] == cups.queue
