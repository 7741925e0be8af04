"""The room-monitor fit checks once more on a real X server (xcb), 1366×768 like the room's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.xvfb import xvfb

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.realdisplay
def test_every_step_fits_on_a_real_x_server() -> None:
    with xvfb(1366, 768) as display:
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "tests/ui/test_room_monitor_fit.py",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "skipped" not in run.stdout
