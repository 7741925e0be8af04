"""No patient name, email or phone reaches the log file or the console's output.

Runs the demo command, a backup and a restore as a technician would, then a scripted visit
with its aftercare sheet for a demo patient, with every logger at DEBUG.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.access import auth
from console.aftercare.archive import create_handout
from console.clock import FakeClock
from console.context import open_context
from console.files import logs
from console.files.backup import backup_now
from tests.conftest import one_area_visit
from tests.e2e.test_cli_basics import run_console


def _patient_data(db: Path) -> list[str]:
    conn = sqlite3.connect(str(db))
    try:
        rows = conn.execute("SELECT full_name, email, phone FROM patients").fetchall()
    finally:
        conn.close()
    return sorted({value for row in rows for value in row if value})


def test_logs_and_output_hold_ids_never_patient_data(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "clinic" / "console.sqlite3"
    outputs = []
    for args in (("demo", "--db", str(db), "--patients", "40"), ("backup", "--db", str(db))):
        result = run_console(*args)
        assert result.returncode == 0, result.stderr
        outputs += [result.stdout, result.stderr]

    caplog.set_level(logging.DEBUG)
    log_file = logs.configure(db.parent, level=logging.DEBUG)
    clock = FakeClock(datetime.now(UTC))
    ctx = open_context(db, clock=clock)
    try:
        admin = ctx.db.execute(
            "SELECT id FROM practitioners WHERE display_name = 'Dr Amara Okafor'"
        ).fetchone()[0]
        ctx.practitioner_id = auth.sign_in(ctx, admin, "2468")
        patient_id = ctx.db.execute(
            "SELECT id FROM patients ORDER BY full_name LIMIT 1"
        ).fetchone()[0]
        visit_id = one_area_visit(
            ctx,
            patient_id,
            clock,
            serial="LOG-SCAN-1",
            zone="cheeks",
            depth="0.75",
            notes="Tolerated well.",
        )
        create_handout(ctx, visit_id)
        backup_now(ctx, "after visit")
    finally:
        ctx.db.close()
        logs.close(db.parent)
    restored = run_console("restore", "newest", "--db", str(db), "--yes")
    assert restored.returncode == 0, restored.stderr
    outputs += [restored.stdout, restored.stderr]

    written = log_file.read_text(encoding="utf-8")
    assert "backup console-" in written and "restored console-" in written  # the log is used
    scanned = "\n".join([written, caplog.text, *outputs])
    leaks = [value for value in _patient_data(db) if value in scanned]
    assert leaks == []
