"""`consents` lists a patient's consents; `visits --json` names the consent that covered a visit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from console.consent.service import ConsentService
from tests.conftest import one_area_visit

ROOT = Path(__file__).resolve().parents[2]


def _console(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_consents_and_visits_json_show_the_signed_consent(ctx, patient, clock, db_path):
    visit_id = one_area_visit(ctx, patient, clock, serial="C1")
    treatment = next(
        c.consent
        for c in ConsentService(ctx).for_patient(patient)
        if c.consent.template_id == "microneedling"
    )
    ctx.db.conn.commit()
    out = _console("consents", "--db", str(db_path), "--patient", patient, "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert {r["template"] for r in rows} == {"microneedling", "photos"}
    mine = next(r for r in rows if r["template"] == "microneedling")
    assert mine["text_sha256"] == treatment.text_sha256
    assert mine["state"].startswith("valid until")
    assert Path(mine["pdf"]).is_file()
    text = _console("consents", "--db", str(db_path), "--patient", patient)
    assert text.stdout.strip().endswith("2 consents")

    visits = json.loads(_console("visits", "--db", str(db_path), "--json").stdout)
    (v,) = [v for v in visits if v["id"] == visit_id]
    assert v["consent"]["template"] == "microneedling"
    assert v["consent"]["sha256"] == treatment.text_sha256
    assert v["consent"]["how"] == "signed"


def test_consents_for_an_unknown_patient_is_one_line_on_stderr(ctx, db_path):
    ctx.db.conn.commit()
    out = _console("consents", "--db", str(db_path), "--patient", "nobody")
    assert out.returncode != 0
    assert out.stderr.strip() == "error: no patient with id nobody"


def test_every_demo_visit_is_covered_by_a_signed_consent(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    made = _console("demo", "--db", str(db), "--patients", "6", "--seed", "3")
    assert made.returncode == 0, made.stderr
    assert "signed consents" in made.stdout
    visits = json.loads(_console("visits", "--db", str(db), "--json").stdout)
    assert visits and all(v["consent"] is not None for v in visits)
    for v in visits:
        assert v["consent"]["template"] == "microneedling"
        assert v["consent"]["signed_at"] <= v["started_at"] or v["consent"]["how"] == "signed"
    listed = json.loads(
        _console("consents", "--db", str(db), "--patient", visits[0]["patient_id"], "--json").stdout
    )
    assert all(Path(r["pdf"]).is_file() for r in listed)
