"""With a server --db, a room's files (sheets, consents, photos) go to the clinic's shared
folder named by --files (or $TREATMENT_CONSOLE_FILES), not to the PC's own data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _console(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_a_room_on_the_server_keeps_its_files_in_the_clinics_shared_folder(
    pg_url: str, tmp_path: Path
) -> None:
    shared, own = tmp_path / "clinic-share", tmp_path / "pc-data"
    env = {**os.environ, "XDG_DATA_HOME": str(own)}
    env.pop("TREATMENT_CONSOLE_FILES", None)
    done = _console("demo", "--db", pg_url, "--patients", "3", "--files", str(shared), env=env)
    assert done.returncode == 0, done.stderr
    assert sorted(shared.glob("consents/*/*.pdf")), f"no signed consent in {shared}"
    assert sorted(shared.glob("photos/**/*.jpg")), f"no photo in {shared}"
    assert not list(own.rglob("*.pdf"))  # nothing landed on the PC's own data folder
    # The environment variable names the same folder for a room that sets it once.
    listed = _console(
        "handout",
        "--db",
        pg_url,
        "--visit",
        _completed_visit(pg_url, env),
        "--out",
        str(tmp_path / "again.pdf"),
        env={**env, "TREATMENT_CONSOLE_FILES": str(shared)},
    )
    assert listed.returncode == 0, listed.stderr
    assert (tmp_path / "again.pdf").read_bytes()[:5] == b"%PDF-"
    assert sorted(shared.glob("handouts/*/*.pdf")), "the sheet was not archived in the share"
    assert not list(own.rglob("*.pdf"))


def _completed_visit(url: str, env: dict[str, str]) -> str:
    import json

    out = _console("visits", "--db", url, "--json", env=env)
    assert out.returncode == 0, out.stderr
    visits = json.loads(out.stdout)
    return next(v["id"] for v in visits if v["status"] == "completed")
