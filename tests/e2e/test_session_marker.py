"""A console that was killed leaves its session marker, and the next start checks the whole
file before using it; a console that ends cleanly leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "bench" / "startup_child.py"  # the app, quitting cleanly after its first paint


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))


def _clean_start(db: Path, env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, str(CHILD), "app", str(db)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "PAINTED" in done.stdout, done.stderr


def test_a_killed_session_leaves_its_marker_and_the_next_start_checks_first(
    tmp_path: Path,
) -> None:
    db = tmp_path / "clinic" / "console.sqlite3"
    marker = db.with_name("console.sqlite3.running")
    log = db.parent / "logs" / "console.log"
    env = _env(tmp_path)
    _clean_start(db, env)
    assert db.exists() and not marker.exists()

    app = subprocess.Popen(
        [sys.executable, "-m", "console", "--db", str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert app.poll() is None, app.communicate()[1]
            assert time.monotonic() < deadline, "no session marker after 60 s"
            time.sleep(0.1)
    finally:
        app.send_signal(signal.SIGKILL)
        app.communicate(timeout=30)
    assert marker.exists()  # as after a power cut
    assert "did not end cleanly" not in log.read_text()

    _clean_start(db, env)
    assert "the last session did not end cleanly: full check before use" in log.read_text()
    assert not marker.exists()
