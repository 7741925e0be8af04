"""The one-folder bundle (``bash tools/bundle.sh``) run on its own: no .venv, no Python on PATH.

Runs when TREATMENT_CONSOLE_BUNDLE names the bundle folder (CI sets it after building the
bundle, see .ci/run); skipped otherwise, as building takes minutes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import require_tool
from tests.e2e.xvfb import xvfb

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = os.environ.get("TREATMENT_CONSOLE_BUNDLE")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="no bundle built (TREATMENT_CONSOLE_BUNDLE)")


@pytest.fixture
def bundle() -> Path:
    folder = Path(BUNDLE or "").resolve()
    assert (folder / "treatment-console").is_file(), f"no bundle at {folder}"
    return folder


@pytest.fixture
def bare_env(tmp_path: Path) -> dict[str, str]:
    """Nothing of the development environment: an empty PATH folder, a fresh HOME."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    env = {"PATH": str(empty), "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8"}
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_bundle_runs_its_commands_without_python(
    bundle: Path, bare_env: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "clinic" / "console.sqlite3"
    demo = _run(
        [str(bundle / "treatment-console-cli"), "demo", "--db", str(db), "--patients", "20"],
        bare_env,
        tmp_path,
    )
    assert demo.returncode == 0, demo.stderr
    check = _run(
        [str(bundle / "treatment-console-cli"), "check", "--db", str(db)], bare_env, tmp_path
    )
    assert check.returncode == 0, check.stderr
    assert "integrity: ok" in check.stdout
    # The app's own executable runs a headless command when one is named.
    same = _run(
        [str(bundle / "treatment-console"), "check", "--db", str(db), "--json"], bare_env, tmp_path
    )
    assert same.returncode == 0 and '"ok": true' in same.stdout, same.stderr
    # The demo's visits came from the bundled protocol defaults (resources/ inside the bundle).
    visits = _run(
        [
            str(bundle / "treatment-console-cli"),
            "visits",
            "--db",
            str(db),
            "--limit",
            "1",
            "--json",
        ],
        bare_env,
        tmp_path,
    )
    assert visits.returncode == 0 and '"zone_name"' in visits.stdout, visits.stderr
    # The Plan map drawn by the bundle's own Qt (QtSvg and the art): the sign-in screen
    # painted below would look the same in a bundle without them.
    drawn = tmp_path / "map.png"
    render = _run(
        [str(bundle / "treatment-console"), "--render-map", str(drawn)],
        dict(bare_env, QT_QPA_PLATFORM="offscreen"),
        tmp_path,
    )
    assert render.returncode == 0 and "zones drawn" in render.stdout, render.stderr
    assert len(Image.open(drawn).convert("RGB").getcolors(maxcolors=1 << 20) or []) > 20


@pytest.mark.realdisplay
def test_the_bundled_app_paints_its_window_on_a_real_x_server(
    bundle: Path, bare_env: dict[str, str], tmp_path: Path
) -> None:
    xwininfo = require_tool("xwininfo", "x11-utils")
    with xvfb() as display:
        env = dict(bare_env, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        started = time.monotonic()
        app = subprocess.Popen(
            [str(bundle / "treatment-console"), "--db", str(tmp_path / "c" / "console.sqlite3")],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            while (
                "Treatment Room Console"
                not in subprocess.run(
                    [xwininfo, "-root", "-tree", "-display", display],
                    capture_output=True,
                    text=True,
                    timeout=20,
                ).stdout
            ):
                assert app.poll() is None, f"the bundle exited: {app.communicate()[1]}"
                assert time.monotonic() - started < 60, "no window after 60 s"
                time.sleep(0.2)
            time.sleep(1.5)  # let it paint
            shot = tmp_path / "screen.png"
            # The screenshot is taken by the development Python: only the app is under test.
            grab = subprocess.run(
                [sys.executable, "-m", "console.ui.shell.screenshot", str(shot)],
                cwd=ROOT,
                env=dict(os.environ, DISPLAY=display),
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert grab.returncode == 0, grab.stderr
            assert app.poll() is None, app.communicate()[1]
        finally:
            app.terminate()
            app.wait(timeout=20)
    colours = Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 20  # an empty Xvfb screen is one flat colour
