"""A real print: the app's own print path, through Qt, to a private CUPS daemon's queue."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from console.aftercare import create_handout
from console.context import AppContext
from console.data import handouts_repo, settings_repo
from tests.aftercare_visit import insert_completed_visit
from tests.conftest import require_tool
from tests.cups import private_cups

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.cups


def test_room_printer_prints_the_sheet_through_cups(
    ctx: AppContext, staff: list[str], db_path: Path
) -> None:
    pdfinfo = require_tool("pdfinfo", "poppler-utils")
    long_name = "Nguyễn Thị Minh Khai-Александрова 王小明"
    visit_id = insert_completed_visit(ctx, patient_name=long_name)
    create_handout(ctx, visit_id)  # as completing the visit does; the preview only shows it
    with private_cups() as cups:
        settings_repo.put(ctx.db, "room.printer", cups.queue, now=ctx.now(), by=staff[0])
        ctx.db.conn.commit()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.e2e.print_visit",
                "--db",
                str(db_path),
                "--visit",
                visit_id,
            ],
            cwd=ROOT,
            env=cups.env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        outcome = json.loads(done.stdout.strip().splitlines()[-1])
        assert outcome["ok"], outcome
        assert outcome["printer"] == cups.queue

        info = handouts_repo.latest_for_visit(ctx.db, visit_id)
        assert info is not None
        # Qt names the CUPS job after the document; cups-pdf names the file after the job.
        printed = cups.wait_for_output(f"Aftercare {Path(info['path']).stem}".replace(" ", "_"))
        meta = subprocess.run(
            [pdfinfo, str(printed)], capture_output=True, text=True, check=True
        ).stdout
        assert f"Pages:           {info['pages']}" in meta, meta
    (row,) = handouts_repo.prints_for_handout(ctx.db, info["id"])
    assert (row["status"], row["printer"]) == ("printed", cups.queue)
