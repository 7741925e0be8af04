"""Two treatment rooms on one PostgreSQL server at once, for 30 s, as two real processes.

Each room (tests/e2e/two_rooms_script.py) registers patients and runs whole visits with their
pass stops through the services; one room takes a pg_dump of the server midway. Afterwards:
no write was refused, every write a room was told was saved is on the server, the audit
trail's chain is whole, the dump restores, and every patient one room registered was found
by the other room's search within 5 s (issue 13, "Two rooms at once").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import open_context
from console.data import audit_repo, handouts_repo, patients_repo, visits_repo
from console.demo import clinic as demo
from tests.pg_fixtures import create_database
from tests.pg_server import PgServer, server_bin

ROOT = Path(__file__).resolve().parents[2]
SECONDS = 30
DUMP_AT = 12  # seconds into the run: a backup while both rooms write
VISIBLE_WITHIN_S = 5.0


@pytest.mark.slow
def test_two_rooms_for_30_seconds_lose_nothing_and_see_each_other(
    pg_server: PgServer, pg_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    # The clinic's staff exist before the rooms open (each room signs in as one of them).
    setup = open_context(pg_url, clock=clock, data_dir=tmp_path / "setup")
    staff = demo.create_practitioners(setup.db, setup.now())
    setup.db.close()

    rooms = {"A": ("B", staff[0], [str(DUMP_AT)]), "B": ("A", staff[1], [])}
    procs = {
        room: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.e2e.two_rooms_script",
                pg_url,
                room,
                other,
                str(tmp_path),
                str(SECONDS),
                who,
                *dump,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
        for room, (other, who, dump) in rooms.items()
    }
    try:
        for room, proc in procs.items():
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line.strip() == "READY", f"room {room} did not open: {line}"
        (tmp_path / "go").touch()
        for room, proc in procs.items():
            _out, err = proc.communicate(timeout=SECONDS + 90)
            assert proc.returncode == 0, f"room {room} failed: {err[-2000:]}"
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    reports = {r: json.loads((tmp_path / f"room-{r}.json").read_text()) for r in procs}

    # 0 refused writes; both rooms did real work.
    for room, report in reports.items():
        assert report["refused"] == [], f"room {room} was refused: {report['refused'][:3]}"
        assert len(report["patients"]) >= 3 and len(report["completed"]) >= 2, report

    # 0 lost: every acknowledged write is on the server, read back through a third connection.
    check = open_context(pg_url, clock=clock, data_dir=tmp_path / "setup")
    try:
        for room, report in reports.items():
            for patient in report["patients"]:
                assert patients_repo.exists(check.db, patient), f"room {room} lost {patient}"
            for visit_id, areas in report["visits"].items():
                record = visits_repo.load_record(check.db, visit_id)
                on_server = {a.id: [p.number for p in a.passes] for a in record.areas}
                for area, numbers in areas.items():
                    assert on_server.get(area, [])[: len(numbers)] == numbers, visit_id
            for visit_id in report["completed"]:
                assert visits_repo.load_record(check.db, visit_id).status == "completed"
                assert handouts_repo.latest_for_visit(check.db, visit_id) is not None
        chain = audit_repo.verify_chain(check.db)
        assert chain.ok, chain.problem
    finally:
        check.db.close()

    # Each room found every patient the other registered, within 5 s.
    for room, report in reports.items():
        other = reports[rooms[room][0]]
        assert report["never_seen"] == []
        assert set(report["delays"]) == set(other["patients"])
        worst = max(report["delays"].values())
        assert worst <= VISIBLE_WITHIN_S, f"room {room} waited {worst} s for a patient"

    # The backup taken midway is a sound custom-format dump: it restores into a new database.
    dump = reports["A"]["dump"]
    assert dump.get("exit") == 0, dump
    restored = create_database(pg_server)
    bindir = server_bin()[0]
    done = subprocess.run(
        [str(bindir / "pg_restore"), "--no-owner", "-d", restored, str(tmp_path / "clinic.dump")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    copy = open_context(restored, clock=clock, data_dir=tmp_path / "restored", create=False)
    try:
        assert audit_repo.verify_chain(copy.db).ok
        assert patients_repo.exists(copy.db, reports["A"]["patients"][0])
    finally:
        copy.db.close()
    print(
        {
            r: {
                "patients": len(x["patients"]),
                "visits": len(x["completed"]),
                "worst_delay_s": max(x["delays"].values()),
                "searches": x["searches"],
            }
            for r, x in reports.items()
        },
        f"dump {dump}",
    )
