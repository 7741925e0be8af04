"""`backup` and `restore` against the clinic's server: real pg_dump / pg_restore, real CLI."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from console.cli import main as cli
from console.data.db import open_store
from console.files.server_backup import archive_contents, client_tools, holds_trail
from tests.e2e.test_cli_basics import run_console
from tests.pg_fixtures import create_database
from tests.pg_server import PgServer


def _patients(url: str) -> int:
    db = open_store(url, migrate=False)
    try:
        return int(db.execute("SELECT COUNT(*) FROM patients").fetchone()[0])
    finally:
        db.close()


@pytest.fixture
def clinic(room_a: Path, pg_url: str, tmp_path: Path) -> str:
    """A clinic's server holding room A's file."""
    files = tmp_path / "clinic-files"
    assert cli(["migrate", "--from", str(room_a), "--to", pg_url, "--files", str(files)]) == 0
    return pg_url


def test_backup_then_a_change_then_restore_brings_the_backup_back(
    clinic: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    made = run_console("backup", "--db", clinic, "--to", str(folder))
    assert made.returncode == 0, made.stderr
    [archive] = folder.iterdir()  # no .partial left beside it
    assert archive.name.startswith("console-") and archive.suffix == ".dump"
    assert f"backup: {archive}" in made.stdout
    assert stat.S_IMODE(os.stat(archive).st_mode) == 0o600
    tools, _ = client_tools()
    assert holds_trail(archive_contents(tools, archive))
    db = open_store(clinic, migrate=False)
    try:
        [row] = db.execute("SELECT detail FROM audit_log WHERE action = 'backup.create'")
        detail = json.loads(row[0])
    finally:
        db.close()
    assert detail["file"] == archive.name and detail["bytes"] == archive.stat().st_size
    assert detail["folder"] == str(folder)

    before = _patients(clinic)
    assert run_console("demo", "--db", clinic, "--patients", "2", "--seed", "9").returncode == 0
    assert _patients(clinic) == before + 2

    refused = run_console("restore", str(archive), "--db", clinic)  # no terminal, no --yes
    assert refused.returncode != 0 and "--yes" in refused.stderr
    assert _patients(clinic) == before + 2

    done = run_console("restore", str(archive), "--db", clinic, "--yes")
    assert done.returncode == 0, done.stderr
    assert "hash chain intact" in done.stdout
    assert _patients(clinic) == before
    check = run_console("check", "--db", clinic)
    assert check.returncode == 0 and "hash chain intact" in check.stdout


def test_a_corrupt_or_foreign_archive_is_refused_in_one_sentence(
    clinic: str, pg_server: PgServer, tmp_path: Path
) -> None:
    garbage = tmp_path / "console-20260101-000000.dump"
    garbage.write_bytes(b"PGDMP" + os.urandom(2000))
    # A real pg_dump archive, of a database that is not the console's.
    other = create_database(pg_server)
    with psycopg.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (n int)")
    foreign = tmp_path / "invoices.dump"
    tools, _ = client_tools()
    subprocess.run(
        [str(tools / "pg_dump"), "-Fc", f"--file={foreign}", f"--dbname={other}"], check=True
    )
    before = _patients(clinic)
    for archive, words in [(garbage, "not a backup of the clinic's server"), (foreign, "no audit")]:
        refused = run_console("restore", str(archive), "--db", clinic, "--yes")
        assert refused.returncode != 0
        assert len(refused.stderr.strip().splitlines()) == 1 and words in refused.stderr
        assert _patients(clinic) == before


def test_a_password_in_the_url_is_refused_and_never_shown(clinic: str, tmp_path: Path) -> None:
    url = clinic.replace("@", ":s3cret-pw@", 1)
    for args in (
        ["backup", "--db", url, "--to", str(tmp_path)],
        ["restore", "x.dump", "--db", url],
    ):
        refused = run_console(*args)
        assert refused.returncode != 0 and "~/.pgpass" in refused.stderr
        assert "s3cret" not in refused.stderr + refused.stdout
    assert not list(tmp_path.glob("*.dump"))


def test_a_client_older_than_the_server_is_named_in_one_sentence(
    clinic: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from console.files import server_backup

    tools, major = client_tools()
    # This PC's newest pg_dump, as if it were one release older than the server.
    monkeypatch.setattr(server_backup, "client_tools", lambda: (tools, major - 1))
    assert cli(["backup", "--db", clinic, "--to", str(tmp_path / "b")]) != 0
    err = capsys.readouterr().err
    assert f"older than the server's {major}" in err and f"postgresql-client-{major}" in err
    assert not list((tmp_path / "b").glob("*"))


def test_a_rooms_login_backs_up_the_clinic(pg_server: PgServer, tmp_path: Path) -> None:
    """The README's set-up: the owner brings the schema up, a room logs in as a member of
    console_room and takes the backup (pg_dump reads every table and sequence)."""
    owner, room = "readme_owner", "readme_room1"
    name = urlsplit(create_database(pg_server)).path.lstrip("/")
    with psycopg.connect(pg_server.conninfo(), autocommit=True) as admin:
        admin.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'console_room') "
            "THEN CREATE ROLE console_room NOLOGIN; END IF; END $$"
        )
        for login in (owner, room):
            admin.execute(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{login}') "
                f"THEN CREATE ROLE {login} LOGIN; END IF; END $$"
            )
        admin.execute(f"GRANT console_room TO {room}")
        admin.execute(f'ALTER DATABASE "{name}" OWNER TO {owner}')
    with psycopg.connect(pg_server.conninfo(name), autocommit=True) as admin:
        admin.execute(f"ALTER SCHEMA public OWNER TO {owner}")
    host = f"?host={pg_server.socket_dir}"
    as_owner = f"postgresql://{owner}@/{name}{host}"
    as_room = f"postgresql://{room}@/{name}{host}"
    assert run_console("visits", "--db", as_owner).returncode == 0  # schema created
    assert run_console("demo", "--db", as_room, "--patients", "2").returncode == 0
    made = run_console("backup", "--db", as_room, "--to", str(tmp_path / "backups"))
    assert made.returncode == 0, made.stderr
    [archive] = (tmp_path / "backups").iterdir()
    tools, _ = client_tools()
    assert holds_trail(archive_contents(tools, archive))
