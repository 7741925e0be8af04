"""``--room-file``: two rooms on one machine, each command and window with its own room file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from console import app
from console.clock import FakeClock
from console.context import AppContext
from console.data import handouts_repo
from console.files import paths, room_file
from console.settings import service as settings_service
from tests.completion_support import treated_visit

ROOT = Path(__file__).resolve().parents[2]


def test_the_cli_prints_to_the_printer_of_the_room_file_it_is_given(
    ctx: AppContext, staff: list[str], patient: str, clock: FakeClock, tmp_path: Path
) -> None:
    settings_service.save(ctx, {"room.printer": "Env_Room_Printer"})  # this test's env room
    room_a = tmp_path / "room-a.json"
    # No room name in it: the room is this PC's host name, as the env room's, so the visit this
    # test started here is that room's to complete (a room of another name may not: the hold).
    room_file.write(room_a, {"room.printer": "Room_A_Printer"})
    visit_id = treated_visit(ctx, patient, clock)
    # No print server: lp fails at once, and the print is recorded as failed, printer named.
    env = {**os.environ, "CUPS_SERVER": str(tmp_path / "no-cups.sock")}
    done = subprocess.run(
        [sys.executable, "-m", "console", "complete", "--db", str(ctx.db_path), visit_id,
         "--room-file", str(room_a)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert "Traceback" not in done.stderr
    row = handouts_repo.latest_for_visit(ctx.db, visit_id)
    assert row is not None
    (printed,) = handouts_repo.prints_for_handout(ctx.db, row["id"])
    assert printed["printer"] == "Room_A_Printer"
    assert paths.room_file_path() != room_a  # the option held for that command only


def test_the_app_option_chooses_the_room_file_for_the_window(tmp_path: Path) -> None:
    chosen = tmp_path / "room-2.json"
    parsed = app.parse_args(["--db", str(tmp_path / "c.sqlite3"), "--room-file", str(chosen)])
    assert parsed.room_file == chosen
    previous = paths.choose_room_file(None)
    umask = os.umask(0o022)  # run_app sets the process's umask: give it back afterwards
    try:
        # --render-map returns before any window: what is left is the choice it made.
        assert (
            app.run_app(["--room-file", str(chosen), "--render-map", str(tmp_path / "m.png")]) == 0
        )
        assert paths.room_file_path() == chosen
        assert AppContext(db=None, db_path=None).room_file == chosen  # type: ignore[arg-type]
    finally:
        paths.choose_room_file(previous)
        os.umask(umask)
