"""One console per database: a second start brings the first forward and quits; a crash's
leftover lock does not keep the console from starting again."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import require_tool
from tests.e2e.xvfb import xvfb

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Treatment Room Console"


def _windows(display: str) -> str:
    return subprocess.run(
        [require_tool("xwininfo", "x11-utils"), "-root", "-tree", "-display", display],
        capture_output=True,
        text=True,
        timeout=20,
    ).stdout


def _start(db: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "console", "--db", str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(
    condition: object, app: subprocess.Popen[str], what: str, seconds: float = 30
) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert app.poll() is None, f"app exited: {app.communicate()[1]}"
        assert time.monotonic() < deadline, f"no {what} after {seconds} s"
        time.sleep(0.2)


@pytest.mark.realdisplay
def test_second_start_brings_the_first_forward_and_a_stale_lock_is_ignored(tmp_path: Path) -> None:
    db = tmp_path / "clinic" / "console.sqlite3"
    log = db.parent / "logs" / "console.log"
    with xvfb() as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path))
        first = _start(db, env)
        try:
            _wait_for(lambda: TITLE in _windows(display), first, "window")
            assert (db.parent / "console.sqlite3.lock").exists()
            second = subprocess.run(
                [sys.executable, "-m", "console", "--db", str(db)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert second.returncode == 0, second.stderr
            assert "already open" in second.stderr and "brought forward" in second.stderr
            _wait_for(lambda: "come forward" in log.read_text(), first, "log line", 10)
            assert first.poll() is None
        finally:
            first.kill()  # like a crash: no clean-up, the lock file stays behind
            first.wait(timeout=20)
        assert (db.parent / "console.sqlite3.lock").exists()
        again = _start(db, env)
        try:
            _wait_for(lambda: log.read_text().count("starting on") == 2, again, "second start")
            assert again.poll() is None
        finally:
            again.terminate()
            again.wait(timeout=20)
