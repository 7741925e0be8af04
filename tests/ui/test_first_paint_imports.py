"""Only what the sign-in screen needs is imported before the window's first paint (issue 18).

The real app is started in a fresh process with the benchmark's first-paint spy, which lists
the modules loaded at that moment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from console.context import AppContext

ROOT = Path(__file__).resolve().parents[2]
SPY = """
import json, sys
sys.path.insert(0, "bench")
import startup_child
def mark(self):
    print("MODULES " + json.dumps(sorted(sys.modules)), flush=True)
    self.app.exit(0)
startup_child.FirstPaint.mark = mark
sys.exit(startup_child.main(["app", sys.argv[1]]))
"""
# Each of these is only needed after sign-in (or never at start) and costs start-up time.
NOT_BEFORE_FIRST_PAINT = (
    "numpy",  # charts (sqlite-utils would import it; see console/ui/shell/app.py)
    "dateutil.parser._parser",  # sqlite-utils' date recipes, never used by the console
    "PySide6.QtNetwork",  # the single-instance server listens after the first paint
    "pyqtgraph",
    "reportlab",
    "pypdfium2",
    "console.ui.steps.patient",
    "console.ui.steps.treat",
    "console.ui.settings.screen",
    "console.data.patients_repo",
)


def test_the_first_paint_comes_before_charts_pdf_network_and_other_screens(
    ctx: AppContext, staff: list[str], db_path: Path
) -> None:
    ctx.db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", SPY, str(db_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [x for x in done.stdout.splitlines() if x.startswith("MODULES ")]
    assert done.returncode == 0 and lines, done.stderr
    loaded = set(json.loads(lines[0].removeprefix("MODULES ")))
    assert "console.ui.steps.signin" in loaded  # the spy did see the sign-in screen painted
    assert sorted(loaded.intersection(NOT_BEFORE_FIRST_PAINT)) == []


def test_sqlite_utils_date_recipes_still_work_when_called() -> None:
    code = (
        "import sys, console.ui.shell.app\n"
        "assert 'dateutil.parser._parser' not in sys.modules\n"
        "from sqlite_utils import recipes\n"
        "print(recipes.parsedatetime('1 Dec 2026 10:00'))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2026-12-01T10:00:00"
