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
