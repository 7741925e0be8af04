"""`export` and `recall` on a demo database, as a clinic would run them."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
import zipfile
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


def test_export_zip_and_recall_csv(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    assert _console("demo", "--db", str(db), "--patients", "60", "--seed", "2").returncode == 0
    con = sqlite3.connect(db)
    pid = con.execute("SELECT patient_id FROM visits LIMIT 1").fetchone()[0]
    n_visits = con.execute("SELECT COUNT(*) FROM visits WHERE patient_id = ?", [pid]).fetchone()[0]
    lot, n_lot = con.execute(
        "SELECT lot, COUNT(*) FROM cartridges GROUP BY lot ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    con.close()

    out = tmp_path / "patient.zip"
    run = _console("export", "--db", str(db), "--patient", pid, "--out", str(out))
    assert run.returncode == 0, run.stderr
    with zipfile.ZipFile(out) as z:
        doc = json.loads(z.read("record.json"))
    assert doc["patient_id"] == pid and len(doc["tables"]["visits"]) == n_visits

    bad = _console("export", "--db", str(db), "--patient", "nobody", "--out", str(out))
    assert bad.returncode != 0 and "No such patient" in bad.stderr

    report = tmp_path / "recall.csv"
    rec = _console("recall", "--db", str(db), "--lot", lot, "--csv", str(report))
    assert rec.returncode == 0, rec.stderr
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert len([r for r in rows if r["source"] == "cartridge"]) == n_lot
    assert all(r["lot"] == lot and r["phone"] for r in rows)
