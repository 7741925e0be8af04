"""`photos` lists a patient's photos and `photos import` adds one, in a real subprocess."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from console.consent.service import ConsentService
from tests.conftest import one_area_visit
from tests.photos_support import SERIAL, camera_jpeg

ROOT = Path(__file__).resolve().parents[2]


def _console(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_import_then_list(ctx, patient, clock, db_path, tmp_path):
    one_area_visit(ctx, patient, clock, serial="P1")
    ctx.db.conn.commit()
    picture = tmp_path / "front.jpg"
    picture.write_bytes(camera_jpeg(orientation=8))
    out = _console(
        "photos",
        "import",
        "--db",
        str(db_path),
        "--patient",
        patient,
        "--view",
        "front",
        str(picture),
        "--json",
    )
    assert out.returncode == 0, out.stderr
    stored = json.loads(out.stdout)
    data = Path(stored["path"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == stored["sha256"]
    assert SERIAL.encode() not in data

    listed = _console("photos", "--db", str(db_path), "--patient", patient, "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert row["id"] == stored["id"] and row["sha256"] == stored["sha256"]
    assert (row["view"], row["stage"], row["visit"]) == ("front", "follow_up", None)
    text = _console("photos", "--db", str(db_path), "--patient", patient)
    assert text.stdout.strip().endswith("1 photos")


def test_errors_are_one_line_with_a_non_zero_exit(ctx, patient, clock, db_path, tmp_path):
    one_area_visit(ctx, patient, clock, serial="P2")
    ctx.db.conn.commit()
    not_a_photo = tmp_path / "scan.txt"
    not_a_photo.write_text("hello")
    cases = [
        (["photos", "--db", str(db_path)], "--patient"),
        (["photos", "--db", str(db_path), "--patient", "nobody"], "no patient"),
        (
            [
                "photos",
                "import",
                "--db",
                str(db_path),
                "--patient",
                patient,
                "--view",
                "front",
                str(tmp_path / "missing.jpg"),
            ],
            "cannot read",
        ),
        (
            [
                "photos",
                "import",
                "--db",
                str(db_path),
                "--patient",
                patient,
                "--view",
                "front",
                str(not_a_photo),
            ],
            "not a readable",
        ),
        (
            [
                "photos",
                "import",
                "--db",
                str(db_path),
                "--patient",
                patient,
                "--view",
                "selfie",
                str(not_a_photo),
            ],
            "no photo view",
        ),
    ]
    for args, words in cases:
        out = _console(*args)
        assert out.returncode != 0, args
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and words.lower() in lines[0].lower(), out.stderr


def test_import_refused_without_photo_consent(ctx, patient, clock, db_path, tmp_path):
    one_area_visit(ctx, patient, clock, serial="P3")
    consents = ConsentService(ctx)
    photo = next(c for c in consents.for_patient(patient) if c.consent.template_id == "photos")
    consents.withdraw(photo.consent.id, "No photos any more")
    ctx.db.conn.commit()
    picture = tmp_path / "front.jpg"
    picture.write_bytes(camera_jpeg())
    out = _console(
        "photos",
        "import",
        "--db",
        str(db_path),
        "--patient",
        patient,
        "--view",
        "front",
        str(picture),
    )
    assert out.returncode == 1
    assert "withdrawn" in out.stderr
    assert not (db_path.parent / "photos").exists() or not any(
        (db_path.parent / "photos").rglob("*.jpg")
    )
