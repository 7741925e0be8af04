"""Writers waiting their turn: pass stops refused while other processes use the same database.

``refused_stops(db, seconds)`` times passes through ``VisitService`` on a real file while, in
other processes, the ``backup`` and ``export`` commands run back to back and a second visit
writer starts and stops its own passes. A stop the database refuses ("database is locked")
is a pass the practitioner has to stop again: the figure is how many were refused (target 0).
The test in tests/data/test_writers_wait.py drives the same function, so the bench and the
test measure one thing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(Path(__file__).resolve().parent), str(ROOT)]

from bench_visit import bench_patient, plan_areas, ready_visit  # noqa: E402

ZONES = ("forehead", "cheeks", "chin_jawline", "neck")


def _ready_areas(db_path: Path, name: str) -> tuple[str, list[str]]:
    """A patient and an open visit with four planned areas; returns (patient id, area ids)."""
    from console.context import open_context

    ctx = open_context(db_path)
    try:
        patient = bench_patient(ctx, name)
        visit = ready_visit(ctx, patient)
        return patient, plan_areas(ctx, visit, ZONES)
    finally:
        ctx.db.close()


def drive_passes(db_path: Path, areas: list[str], seconds: float) -> dict[str, int]:
    """Start and stop passes for ``seconds``; a refused stop is pressed again until it holds.

    ``refused_stops`` counts passes whose first stop was refused.
    """
    from console.context import open_context
    from console.data import protocol_repo
    from console.visit.service import VisitService
    from console.visit.storage import StorageError

    ctx = open_context(db_path)
    ctx.practitioner_id = str(ctx.db.execute("SELECT id FROM practitioners LIMIT 1").fetchone()[0])
    svc = VisitService(ctx)
    directions = protocol_repo.current(ctx.db).directions
    counts = {"stops": 0, "refused_stops": 0, "refused_starts": 0}
    deadline = time.monotonic() + seconds
    i = 0
    try:
        while time.monotonic() < deadline:
            try:
                svc.start_pass(areas[i % len(areas)], directions[i % len(directions)])
            except StorageError:
                counts["refused_starts"] += 1
                continue
            refused = False
            while True:
                try:
                    svc.stop_pass()
                    break
                except StorageError:
                    refused = True
                    time.sleep(0.05)  # the practitioner presses again
            counts["stops"] += 1
            counts["refused_stops"] += refused
            i += 1
    finally:
        ctx.db.close()
    return counts


def _command_loop(db: Path, patient: str, folder: Path, stop: threading.Event) -> dict[str, int]:
    """``backup`` and ``export`` alternately, each a fresh process, until told to stop."""
    runs = {"backup": 0, "export": 0, "failed": 0}
    out = folder / "export.zip"
    commands = (
        ("backup", ["backup", "--db", str(db), "--to", str(folder / "backups")]),
        ("export", ["export", "--db", str(db), "--patient", patient, "--out", str(out)]),
    )
    n = 0
    while not stop.is_set():
        name, args = commands[n % 2]
        done = subprocess.run(
            [sys.executable, "-m", "console", *args], cwd=ROOT, capture_output=True, timeout=120
        )
        runs[name] += 1
        runs["failed"] += done.returncode != 0
        n += 1
    return runs


def refused_stops(db_path: str | Path, *, seconds: float = 30.0) -> dict[str, Any]:
    """Pass stops refused in ``seconds`` beside a backup/export loop and a second writer."""
    db = Path(db_path)
    patient, areas = _ready_areas(db, "Bench Contention-One")
    _, other_areas = _ready_areas(db, "Bench Contention-Two")
    with tempfile.TemporaryDirectory(prefix="console-contention-") as tmp:
        folder = Path(tmp)
        second = subprocess.Popen(
            [sys.executable, __file__, str(db), json.dumps(other_areas), str(seconds)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        stop = threading.Event()
        loop: dict[str, dict[str, int]] = {}
        thread = threading.Thread(
            target=lambda: loop.update(runs=_command_loop(db, patient, folder, stop))
        )
        thread.start()
        try:
            first = drive_passes(db, areas, seconds)
        finally:
            stop.set()
            thread.join()
            out, _ = second.communicate(timeout=seconds + 120)
        other = json.loads(out.strip().splitlines()[-1])
    return {
        "seconds": seconds,
        "stops": first["stops"] + other["stops"],
        "refused_stops": first["refused_stops"] + other["refused_stops"],
        "refused_starts": first["refused_starts"] + other["refused_starts"],
        "first_writer": first,
        "second_writer": other,
        "commands": loop.get("runs", {}),
    }


if __name__ == "__main__":  # the second visit writer, in its own process
    result = drive_passes(Path(sys.argv[1]), json.loads(sys.argv[2]), float(sys.argv[3]))
    print(json.dumps(result), flush=True)
