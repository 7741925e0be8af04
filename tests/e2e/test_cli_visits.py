"""`visits` lists visits with areas and passes; `demo` creates realistic completed series."""

from __future__ import annotations

import itertools
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _console(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_demo_visits_are_realistic_series_and_listed_as_json(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    made = _console("demo", "--db", str(db), "--patients", "120", "--seed", "5")
    assert made.returncode == 0, made.stderr
    assert "visits" in made.stdout and "passes" in made.stdout
    con = sqlite3.connect(db)
    pid, name, n = con.execute(
        "SELECT v.patient_id, p.full_name, COUNT(*) FROM visits v JOIN patients p "
        "ON p.id = v.patient_id GROUP BY v.patient_id ORDER BY 3 DESC, 1 LIMIT 1"
    ).fetchone()
    serials = con.execute("SELECT COUNT(serial), COUNT(DISTINCT serial) FROM cartridges").fetchone()
    shared = con.execute(
        "SELECT MAX(c) FROM (SELECT COUNT(*) c FROM cartridges GROUP BY lot)"
    ).fetchone()[0]
    gel = con.execute("SELECT COUNT(DISTINCT lot) FROM consumables WHERE kind = 'gel'").fetchone()
    con.close()
    assert serials[0] == serials[1] > 0  # single use: every serial once
    assert shared >= 3  # lots are shared by many visits, so a recall has hits
    assert gel[0] >= 2

    out = _console("visits", "--db", str(db), "--patient", pid, "--json")
    assert out.returncode == 0, out.stderr
    visits = json.loads(out.stdout)
    assert len(visits) == n and 1 <= n <= 3
    assert {v["patient_name"] for v in visits} == {name}
    starts = [v["started_at"] for v in visits]
    assert starts == sorted(starts)
    for v in visits:
        assert set(v) >= {
            "id",
            "patient_id",
            "patient_name",
            "started_at",
            "ended_at",
            "status",
            "areas",
        }
        assert v["status"] == "completed" and v["ended_at"] > v["started_at"]
        assert 1 <= len(v["areas"]) <= 5
        for a in v["areas"]:
            assert 2 <= len(a["passes"]) <= 4 and 0 < a["depth_mm"] <= 2.5
            for p in a["passes"]:
                assert 20 <= p["duration_s"] <= 120
                assert set(p) == {
                    "number",
                    "started_at",
                    "ended_at",
                    "duration_s",
                    "depth_mm",
                    "direction",
                }
    from datetime import datetime

    days = [datetime.fromisoformat(s).date() for s in starts]
    assert all(35 <= (b - a).days <= 63 for a, b in itertools.pairwise(days))


def test_visits_text_and_unknown_patient(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    assert _console("demo", "--db", str(db), "--patients", "10").returncode == 0
    listed = _console("visits", "--db", str(db))
    assert listed.returncode == 0 and listed.stdout.strip().endswith("visits")
    missing = _console("visits", "--db", str(db), "--patient", "nobody")
    assert missing.returncode != 0 and "no patient" in missing.stderr
    assert "Traceback" not in missing.stderr
