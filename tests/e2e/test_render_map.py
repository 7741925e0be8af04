"""The app's map self-check (``--render-map``), which the bundle test runs on the bundle: it
draws the Plan map to a PNG, and fails when QtSvg is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, out: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", code, "--render-map", str(out)],
        cwd=out.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


MAIN = "import sys; from console.__main__ import main; sys.exit(main(sys.argv[1:]))"


def test_the_map_is_drawn_with_its_zones(tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    run = _run(MAIN, out)
    assert run.returncode == 0, run.stderr
    assert "14 zones drawn" in run.stdout
    image = Image.open(out).convert("RGB")
    assert image.size == (640, 720)
    assert len(image.getcolors(maxcolors=1 << 20) or []) > 20  # art, not a blank page


def test_a_console_without_qtsvg_fails_the_check(tmp_path: Path) -> None:
    # As a bundle built without QtSvg: the module cannot be imported.
    run = _run("import sys; sys.modules['PySide6.QtSvg'] = None; " + MAIN, tmp_path / "map.png")
    assert run.returncode == 1
    assert "cannot draw the treatment map" in run.stderr
    assert not (tmp_path / "map.png").exists()
