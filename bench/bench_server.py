"""Clinic mode's figures on a PostgreSQL server on this machine (issue 13, "Speed").

``server_figures(patients=…, …)`` starts a private server (tests/pg_server.py: ``initdb`` in a
temporary folder, a unix socket, no TCP port), opens a fresh clinic database through the
console's own opener, and measures through the services, as a room would:

- stop pass → committed, p95 (``VisitService.stop_pass``: the row is on the server when it
  returns; the server keeps fsync off, as the test server does: see ``fsync`` in the result);
- patient search while typing, p95, on ``patients`` patients (written with the demo
  generator's ``executemany``, in batches of 10,000; some with past visits);
- opening a 50-visit patient in the Records view, charts painted;
- two rooms writing at once (two processes stopping passes on their own visits): refused stops.

``python bench/bench_server.py [PATIENTS]`` prints the result; the runner calls it in a worker.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT)]

BATCH = 10_000  # patients per transaction while filling the clinic


def _stats(timings: list[float], **extra: Any) -> dict[str, Any]:
    ordered = sorted(timings)
    return {
        **extra,
        "runs": len(ordered),
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, -(-len(ordered) * 95 // 100) - 1)], 2),
        "max_ms": round(ordered[-1], 2),
    }


def _new_database(server: Any, name: str) -> str:
    import psycopg

    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return str(server.url(name))


def pass_commit(ctx: Any, passes: int, warmup: int = 10) -> dict[str, Any]:
    """Time ``VisitService.stop_pass()`` on the server, as bench_visit does on the file."""
    from bench_visit import bench_patient, plan_areas, ready_visit, timed_pass_stops

    visit_id = ready_visit(ctx, bench_patient(ctx, "Bench Server-Passes"))
    areas = plan_areas(ctx, visit_id, ("forehead", "cheeks", "chin_jawline", "neck"))
    return _stats(timed_pass_stops(ctx, visit_id, areas, passes, warmup))


def fill_clinic(ctx: Any, staff: list[str], patients: int, with_visits: int) -> dict[str, Any]:
    """``patients`` demo patients (executemany, 10,000 per transaction), the first
    ``with_visits`` of them with 1-3 past visits each."""
    from console.demo import clinic as demo
    from console.demo.visits import add_visits

    t0 = time.monotonic()
    ids: list[str] = []
    for first in range(0, patients, BATCH):
        count = min(BATCH, patients - first)
        ids += demo.create_patients(ctx.db, count, seed=1000 + first, now=ctx.now(), by=staff[0])
    t1 = time.monotonic()
    visits = add_visits(ctx, ids[:with_visits], staff, seed=7)
    t2 = time.monotonic()
    # Fresh statistics for the planner, as autovacuum gives a server within a minute of a
    # bulk load; the bench does not wait for it.
    ctx.db.execute("ANALYZE")
    return {
        "patients": patients,
        "patients_s": round(t1 - t0, 1),
        "visits": visits,
        "visits_s": round(t2 - t1, 1),
    }


def search(ctx: Any, rounds: int) -> dict[str, Any]:
    """The keystrokes bench_search types on the file, through ``PatientService.search``."""
    from bench_search import timed_searches

    timings, worst = timed_searches(ctx, rounds)
    return _stats(timings, slowest_query=worst)


def patient_open(ctx: Any, rounds: int) -> dict[str, Any]:
    """Open the 50-visit patient in the Records view and paint it (bench_records' method)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench_records import _fifty_visit_patient
    from PySide6.QtWidgets import QApplication

    from console.ui.records.record_view import PatientRecordView

    app = QApplication.instance() or QApplication([])
    pid = _fifty_visit_patient(ctx)
    view = PatientRecordView(ctx)
    view.resize(1146, 700)
    view.show()
    view.show_patient(pid)  # warm caches once, as a running app would be
    app.processEvents()
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        view.show_patient(pid)
        view.repaint()
        app.processEvents()
        timings.append((time.perf_counter() - start) * 1000)
    visits = len(view.history.visits) if view.history else 0
    view.close()
    return _stats(timings, visits=visits)


def two_rooms(url: str, seconds: float) -> dict[str, Any]:
    """Two rooms stopping passes at once, each in its own process on its own visit."""
    from bench_contention import _ready_areas

    rooms = []
    for name in ("Bench Room-One", "Bench Room-Two"):
        _, areas = _ready_areas(url, name)  # type: ignore[arg-type]  # a URL opens the server
        rooms.append(
            subprocess.Popen(
                [sys.executable, __file__, "--room", url, json.dumps(areas), str(seconds)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                text=True,
            )
        )
    results = []
    for proc in rooms:
        out, _ = proc.communicate(timeout=seconds + 120)
        if proc.returncode != 0:
            raise RuntimeError(f"a room's writer failed (exit {proc.returncode})")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return {
        "seconds": seconds,
        "stops": sum(r["stops"] for r in results),
        "refused_stops": sum(r["refused_stops"] for r in results),
        "refused_starts": sum(r["refused_starts"] for r in results),
        "rooms": results,
    }


def server_figures(
    *,
    patients: int,
    with_visits: int,
    passes: int,
    search_rounds: int,
    open_rounds: int,
    rooms_s: float,
) -> dict[str, Any]:
    from console.context import open_context
    from console.demo import clinic as demo
    from tests.pg_server import private_server

    with private_server() as server, tempfile.TemporaryDirectory() as folder:
        t0 = time.monotonic()
        url = _new_database(server, "bench")
        ctx = open_context(url, data_dir=Path(folder) / "data")
        try:
            started = round(time.monotonic() - t0, 1)
            staff = demo.create_practitioners(ctx.db, ctx.now())
            ctx.practitioner_id = staff[0]
            fsync = ctx.db.execute("SHOW fsync").fetchone()[0]
            result: dict[str, Any] = {
                "server_major": server.major,
                "fsync": fsync,
                "open_s": started,
                "pass_commit": pass_commit(ctx, passes),
            }
            result["clinic"] = fill_clinic(ctx, staff, patients, with_visits)
            result["search"] = search(ctx, search_rounds)
            result["patient_open"] = patient_open(ctx, open_rounds)
        finally:
            ctx.db.close()
        result["two_rooms"] = two_rooms(url, rooms_s)
    return result


if __name__ == "__main__":
    if sys.argv[1:2] == ["--room"]:  # one room's writer, in its own process
        from bench_contention import drive_passes

        url, areas, seconds = sys.argv[2], json.loads(sys.argv[3]), float(sys.argv[4])
        print(json.dumps(drive_passes(url, areas, seconds)), flush=True)  # type: ignore[arg-type]
    else:
        n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000
        figures = server_figures(
            patients=n,
            with_visits=min(n, 5_000),
            passes=100,
            search_rounds=2,
            open_rounds=10,
            rooms_s=10.0,
        )
        print(json.dumps(figures, indent=1))
