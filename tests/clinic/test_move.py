"""`migrate --from FILE --to URL` on a real server: a room's file moves whole, a second room's
file joins it, a second run changes nothing, and a refusal leaves nothing half-moved."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from console.cli import main as cli
from console.clinic.move import ROOM_LOCAL, original_chain_ok
from console.data import schema_info
from console.data.db import open_database, open_store
from console.data.migrations import MIGRATIONS
from console.data.store import Db
from tests.clinic.room_files import execute, table_rows, written_otherwise

pytestmark = pytest.mark.usefixtures("pg_server")


def migrate(room: Path, url: str, files: Path) -> int:
    return cli(["migrate", "--from", str(room), "--to", url, "--files", str(files)])


def _norm(row: tuple[Any, ...]) -> tuple[Any, ...]:
    # SQLite keeps 2 and 2.0 apart where the server's column has one type: compare as numbers.
    return tuple(float(v) if isinstance(v, int | float) else v for v in row)


def _order(table: str) -> str:
    return {"audit_log": "seq", "protocol_versions": "version"}.get(
        table, "version" if table == "consent_template_versions" else "rowid"
    )


def server_rows(db: Db, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'SELECT {names} FROM "{table}" ORDER BY {_order(table)}'
    return [_norm(tuple(r)) for r in db.execute(sql)]


def file_rows(path: Path, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    return [_norm(r) for r in table_rows(path, table, columns)]


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    db = open_store(url, migrate=False)
    try:
        return {
            t: server_rows(db, t, [c for c in schema_info.columns(db, t) if c != "rowid"])
            for t in schema_info.tables(db)
        }
    finally:
        db.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_room_file_moves_row_by_row_with_its_files_and_chain(
    room_a: Path, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = tmp_path / "clinic-files"
    assert migrate(room_a, pg_url, files) == 0
    out = capsys.readouterr().out
    assert "patients 8" in out and "hash chain intact" in out

    server = open_store(pg_url, migrate=False)
    try:
        tables = schema_info.tables(server)
        assert {"handouts", "prints", "amendments", "depth_changes", "running_passes"} <= set(
            tables
        )
        for table in tables:
            columns = [c for c in schema_info.columns(server, table) if c != "rowid"]
            here, there = file_rows(room_a, table, columns), server_rows(server, table, columns)
            if table == "journal_applied":
                # Only a room on the server replays a journal: a file's table is always empty.
                assert here == [] and there == []
                continue
            assert here, f"the room's file has no {table}: the comparison would prove nothing"
            if table == "settings":
                here = [r for r in here if not str(r[0]).startswith(ROOM_LOCAL)]
                assert "room.printer" not in {r[0] for r in there}
            if table == "consent_template_versions":
                # The server made its own version 1 when its schema was created: the same
                # library (kept once), dated when the server got it.
                at = columns.index("created_at")
                here, there = (
                    [r[:at] + r[at + 1 :] for r in here],
                    [r[:at] + r[at + 1 :] for r in there],
                )
            if table == "audit_log":  # the room's trail, unchanged (an empty server), then the move
                assert there[:-1] == here
                assert there[-1][3] == "clinic.move"
                continue
            assert there == here, table
        for table, path_col, hash_col in [
            ("handouts", "path", "sha256"),
            ("consents", "pdf_path", "pdf_sha256"),
            ("photos", "path", "sha256"),
        ]:
            for rel, digest in server.execute(f"SELECT {path_col}, {hash_col} FROM {table}"):
                assert sha256(files / rel) == digest
        for (rel,) in server.execute("SELECT thumb_path FROM photos"):
            assert (files / rel).read_bytes() == (room_a.parent / rel).read_bytes()
    finally:
        server.close()
    assert not list(files.glob(".moving-*"))  # the staging folder is gone

    assert cli(["check", "--db", pg_url]) == 0
    assert "hash chain intact" in capsys.readouterr().out


def test_a_second_room_joins_the_clinic_and_namesakes_are_listed(
    room_a: Path, room_b: Path, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = tmp_path / "clinic-files"
    assert migrate(room_a, pg_url, files) == 0
    capsys.readouterr()
    assert migrate(room_b, pg_url, files) == 0
    out = capsys.readouterr().out

    name, born = table_rows(room_a, "patients", ["full_name", "date_of_birth"])[0]
    assert "namesakes to review (1" in out
    assert f"{written_otherwise(str(name))}, born {born}" in out
    assert "protocol_versions: version 2 of the file is version 3" in out
    assert "clinic.phone: kept" in out
    # Each room made its own demo staff: same names, other ids. Never merged by name.
    assert "renamed: practitioner" in out and "(room-b" in out

    server = open_store(pg_url, migrate=False)
    try:
        count = lambda sql, p=(): server.execute(sql, list(p)).fetchone()[0]  # noqa: E731
        patients = len(table_rows(room_a, "patients", ["id"])) + len(
            table_rows(room_b, "patients", ["id"])
        )
        assert count("SELECT COUNT(*) FROM patients") == patients  # both namesakes kept
        admin = table_rows(room_a, "practitioners", ["id"])[0][0]
        assert count("SELECT COUNT(*) FROM practitioners WHERE id = ?", [admin]) == 1
        # Room B's own protocol edit is version 3 here, and room B's open visit cites it.
        b_v2 = json.loads(table_rows(room_b, "protocol_versions", ["body"])[1][0])
        assert json.loads(count("SELECT body FROM protocol_versions WHERE version = 3")) == b_v2
        open_b = table_rows(room_b, "visits", ["id"])[-1][0]
        assert count("SELECT protocol_version FROM visits WHERE id = ?", [open_b]) == 3
        assert count("SELECT value FROM settings WHERE key = 'clinic.phone'") == '"020 7946 0123"'
        # Room B's trail follows room A's and its move row; its own chain still recomputes.
        moves = list(server.query("SELECT seq, detail FROM audit_log WHERE action = 'clinic.move'"))
        assert len(moves) == 2
        detail = json.loads(moves[1]["detail"])
        assert detail["seq_offset"] == moves[0]["seq"]
        first, last = detail["seq_offset"] + 1, detail["seq_offset"] + detail["rows"]
        cols = "seq, at, practitioner_id, action, entity, entity_id, detail, hash"
        moved = server.execute(
            f"SELECT {cols} FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq", [first, last]
        ).fetchall()
        assert original_chain_ok(moved, detail["seq_offset"], detail["last_hash"])
        assert detail["last_hash"] == table_rows(room_b, "audit_log", ["hash"])[-1][0]
    finally:
        server.close()
    assert cli(["check", "--db", pg_url]) == 0
    assert "hash chain intact" in capsys.readouterr().out


def test_running_it_twice_says_so_and_changes_nothing(
    room_a: Path, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = tmp_path / "clinic-files"
    assert migrate(room_a, pg_url, files) == 0
    before, listing = snapshot(pg_url), sorted(files.rglob("*"))
    capsys.readouterr()
    assert migrate(room_a, pg_url, files) == 0
    assert "was already moved onto this server" in capsys.readouterr().out
    assert snapshot(pg_url) == before
    assert sorted(files.rglob("*")) == listing


def _copy_room(room: Path, to: Path) -> Path:
    shutil.copytree(room.parent, to)
    return to / room.name


def test_a_failure_half_way_leaves_nothing_moved(
    room_a: Path, room_b: Path, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = tmp_path / "clinic-files"
    assert migrate(room_a, pg_url, files) == 0
    before, listing = snapshot(pg_url), sorted(files.rglob("*"))
    # Room B's copy holds a depth change with the id of room A's: the server refuses it after
    # B's practitioners, patients, visits and areas went in, inside the same transaction.
    b = _copy_room(room_b, tmp_path / "b")
    taken = table_rows(room_a, "depth_changes", ["id"])[0][0]
    execute(b, "UPDATE depth_changes SET id = ?", [taken])
    capsys.readouterr()
    assert migrate(b, pg_url, files) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "depth_changes" in err and "Nothing was moved" in err
    assert snapshot(pg_url) == before
    assert sorted(files.rglob("*")) == listing


def test_a_missing_photo_refuses_the_move_before_anything_is_written(
    room_b: Path, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b = _copy_room(room_b, tmp_path / "b")
    photo = table_rows(b, "photos", ["path"])[0][0]
    (b.parent / photo).unlink()
    files = tmp_path / "clinic-files"
    assert migrate(b, pg_url, files) != 0
    err = capsys.readouterr().err
    assert "is missing" in err and photo in err
    assert snapshot(pg_url)["patients"] == []
    assert not [p for p in files.rglob("*") if p.is_file()]


def _older_schema(path: Path) -> Path:
    db = open_database(path, migrate=False)
    MIGRATIONS.apply(db, stop_before="0020_consent_translations")
    db.close()
    return path


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("text file", "not a readable console database"),
        ("foreign sqlite", "not one of the console's"),
        ("older schema", "open it once with this console"),
        ("password", "put it in ~/.pgpass"),
        ("unreachable", "cannot be reached"),
        ("a path as target", "--to must be the clinic's server"),
    ],
)
def test_refusals_are_one_sentence_and_move_nothing(
    case: str,
    words: str,
    room_a: Path,
    pg_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source, url = room_a, pg_url
    if case == "text file":
        source = tmp_path / "notes.txt"
        source.write_text("not a database")
    elif case == "foreign sqlite":
        source = tmp_path / "other.db"
        sqlite3.connect(source).execute("CREATE TABLE t (x)").connection.commit()
    elif case == "older schema":
        source = _older_schema(tmp_path / "old.sqlite3")
    elif case == "password":
        url = pg_url.replace("@", ":s3cret-pw@", 1)
    elif case == "unreachable":
        url = "postgresql://nobody@/clinic?host=/nonexistent-socket-folder"
    else:
        url = str(tmp_path / "server.sqlite3")
    files = tmp_path / "clinic-files"
    assert migrate(source, url, files) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and words in captured.err
    assert "s3cret" not in captured.err
    if case not in ("unreachable", "password", "a path as target"):
        assert snapshot(pg_url)["patients"] == []
