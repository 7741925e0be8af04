"""Every command that takes --db, run once against the clinic's server: real `python -m console`
subprocesses on a fresh database of the test PostgreSQL server (its socket in the URL's host=).

The room's data folder (sheets, consents, photos) is this test's folder, as a room PC's own:
the commands find it through XDG_DATA_HOME, the services in this process through ``data_dir``.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from console.clock import FakeClock
from console.context import open_context
from console.data import handouts_repo, patients_repo, visits_repo
from console.files.paths import APP_NAME
from tests.completion_support import treated_visit
from tests.photos_support import camera_jpeg

ROOT = Path(__file__).resolve().parents[2]


def test_every_db_command_works_on_the_server(
    pg_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "xdg"))
    data_dir = tmp_path / "xdg" / APP_NAME

    def console(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "console", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )

    def ok(*args: str) -> str:
        done = console(*args)
        assert done.returncode == 0, f"{args[0]}: {done.stderr}"
        assert "Traceback" not in done.stderr
        return done.stdout

    assert "20 patients" in ok("demo", "--db", pg_url, "--patients", "20", "--seed", "7")
    report = json.loads(ok("check", "--db", pg_url, "--json"))
    assert report["ok"] is True and report["schema"].startswith("00")
    assert "password" not in json.dumps(report)
    listed = json.loads(ok("visits", "--db", pg_url, "--json"))
    assert listed and {v["status"] for v in listed} == {"completed"}

    # An open, treated visit for a new patient, through the services on the same server.
    ctx = open_context(pg_url, clock=clock, data_dir=data_dir)
    try:
        staff = ctx.db.query("SELECT id FROM practitioners ORDER BY rowid")
        ctx.practitioner_id = str(next(iter(staff))["id"])
        from datetime import date

        with ctx.db.atomic():
            patient = patients_repo.insert(
                ctx.db,
                full_name="Ngô Thị Hương",
                date_of_birth=date(1990, 1, 2),
                phone="+84 90 123 4567",
                now=ctx.now(),
                by=ctx.practitioner_id,
            )
        visit_id = treated_visit(ctx, patient, clock, serial="SRV1")

        done = ok("complete", "--db", pg_url, visit_id, "--notes", "Tolerated well.", "--no-print")
        assert visits_repo.load_record(ctx.db, visit_id).status == "completed"
        sheet = handouts_repo.latest_for_visit(ctx.db, visit_id)
        assert sheet is not None and f"sha256:    {sheet['sha256']}" in done
        archived = (data_dir / sheet["path"]).read_bytes()
        assert hashlib.sha256(archived).hexdigest() == sheet["sha256"]
    finally:
        ctx.db.close()

    copy = tmp_path / "copy.pdf"
    ok("handout", "--db", pg_url, "--visit", visit_id, "--out", str(copy))
    assert copy.read_bytes() == archived  # a reprint is the archived file

    (visit,) = json.loads(ok("visits", "--db", pg_url, "--patient", patient, "--json"))
    assert visit["id"] == visit_id and visit["consent"] is not None
    consents = json.loads(ok("consents", "--db", pg_url, "--patient", patient, "--json"))
    assert [c["state"] for c in consents] and consents[0]["signer_name"]

    picture = tmp_path / "front.jpg"
    picture.write_bytes(camera_jpeg(orientation=1))
    photo = json.loads(
        ok("photos", "import", "--db", pg_url, "--patient", patient, "--view", "front",
           str(picture), "--json")
    )  # fmt: skip
    assert Path(photo["path"]).is_relative_to(data_dir)
    (row,) = json.loads(ok("photos", "--db", pg_url, "--patient", patient, "--json"))
    assert row["sha256"] == photo["sha256"]

    archive = tmp_path / "record.zip"
    assert "1 visits" in ok("export", "--db", pg_url, "--patient", patient, "--out", str(archive))
    assert any(n.endswith(".pdf") for n in zipfile.ZipFile(archive).namelist())

    library = tmp_path / "protocol.json"
    ok("protocol", "export", "--db", pg_url, "--out", str(library))
    assert "Already identical" in ok("protocol", "import", "--db", pg_url, str(library))

    recall = ok("recall", "--db", pg_url, "--lot", "LOT42A")
    assert "lot LOT42A: 1 visits, 1 patients" in recall and patient in recall

    label = json.loads(ok("label", "--json", "(01)09501101020917(17)270331(10)AB12"))
    assert label["lot"] == "AB12"

    # A mistake is still one sentence and a non-zero status on the server.
    missing = console("visits", "--db", pg_url, "--patient", "nobody")
    assert missing.returncode == 1 and missing.stderr.strip() == "error: no patient with id nobody"
