"""The Plan map by keys in a real window on a real X server (Xvfb, xcb), issue 14."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.e2e.xvfb import xvfb

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.realdisplay
def test_plan_by_keys_on_the_map_in_a_real_window(tmp_path: Path) -> None:
    shot = tmp_path / "plan.png"
    with xvfb(1366, 768) as display:
        env = dict(
            os.environ,
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            HOME=str(tmp_path),
            PYTHONPATH=str(ROOT),
        )
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.e2e.plan_map_script",
                str(tmp_path / "p.sqlite3"),
                str(shot),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb"
    assert result["areas"] == [["forehead", "0.50"], ["periorbital", "0.25"]]
    assert result["chosen"] == {"forehead": "0.5 mm", "periorbital": "0.25 mm"}
    assert "above the limit of 0.5 mm" in result["refused"]
    assert result["fits"] == {"next": True, "map": True, "zones": True}
    assert result["focus_on_map"]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1366, 700)
    assert len(image.getcolors(maxcolors=1 << 20) or []) > 20  # painted, not one flat colour
