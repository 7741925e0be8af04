from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_console(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_demo_then_check(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    demo = run_console("demo", "--db", str(db), "--patients", "50", "--seed", "7")
    assert demo.returncode == 0, demo.stderr
    assert "50 patients" in demo.stdout
    check = run_console("check", "--db", str(db), "--json")
    assert check.returncode == 0, check.stderr
    report = json.loads(check.stdout)
    assert report["ok"] is True and report["integrity"] == ["ok"]
    assert report["schema"].startswith("00")


def test_check_reports_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    result = run_console("check", "--db", str(bad))
    assert result.returncode != 0
    assert "not a readable console database" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_is_deterministic_and_multilingual(tmp_path: Path) -> None:
    names = []
    for run in ("a", "b"):
        db = tmp_path / f"{run}.sqlite3"
        made = run_console("demo", "--db", str(db), "--patients", "300", "--seed", "3")
        assert made.returncode == 0

        con = sqlite3.connect(db)
        names.append([r[0] for r in con.execute("SELECT full_name FROM patients ORDER BY id")])
        con.close()
    assert names[0] == names[1]
    joined = "".join(names[0])
    assert any(ord(c) > 0x4E00 for c in joined)  # Chinese
    assert any(c in joined for c in "ễạặđĐ")  # Vietnamese
    assert "Ł" in joined or "ł" in joined


def test_without_a_display_the_app_says_so_and_exits_2(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = run_console("--db", str(tmp_path / "x.sqlite3"), env=env)
    assert result.returncode == 2
    assert "No display found" in result.stderr
    assert "Aborted" not in result.stderr
