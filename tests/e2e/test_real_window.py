"""The real app, in a real X server (Xvfb, xcb platform), as a practitioner would start it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import require_tool
from tests.e2e.xvfb import xvfb

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Treatment Room Console"


def _window_listed(display: str) -> bool:
    tree = subprocess.run(
        [require_tool("xwininfo", "x11-utils"), "-root", "-tree", "-display", display],
        capture_output=True,
        text=True,
        timeout=20,
    ).stdout
    return TITLE in tree


@pytest.mark.realdisplay
def test_app_opens_its_window_on_a_real_x_server(tmp_path: Path) -> None:
    with xvfb() as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path))
        app = subprocess.Popen(
            [sys.executable, "-m", "console", "--db", str(tmp_path / "c.sqlite3")],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 30
            while not _window_listed(display):
                assert app.poll() is None, f"app exited: {app.communicate()[1]}"
                assert time.monotonic() < deadline, "no window after 30 s"
                time.sleep(0.2)
            time.sleep(1.0)  # let it paint
            shot = tmp_path / "screen.png"
            grab = subprocess.run(
                [sys.executable, "-m", "console.ui.shell.screenshot", str(shot)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert grab.returncode == 0, grab.stderr
        finally:
            app.terminate()
            app.wait(timeout=20)
    image = Image.open(shot).convert("RGB")
    assert image.size == (1366, 850)
    # An empty Xvfb screen is one flat colour; a painted window has many.
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 20
