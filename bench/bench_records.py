"""Records on a big demo database: opening a 50-visit patient with charts drawn, lot recall.

``python bench/bench_records.py /tmp/demo100k.sqlite3`` (build it with
``python -m console demo --db /tmp/demo100k.sqlite3 --patients 100000``). The lead's runner
calls ``patient_open_ms(db_path)`` and ``recall_ms(db_path)``. The first call adds one demo
patient with 50 visits ("Bench Fifty-Visits") if the file has none with that many.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

BENCH_NAME = "Bench Fifty-Visits"


def _stats(timings: list[float], **extra: float) -> dict[str, float]:
    timings = sorted(timings)
    return {
        **extra,
        "runs": float(len(timings)),
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 2),
        "max_ms": round(timings[-1], 2),
    }


def _fifty_visit_patient(ctx: Any) -> str:
    row = ctx.db.execute(
        "SELECT patient_id FROM visits GROUP BY patient_id HAVING COUNT(*) >= 50 LIMIT 1"
    ).fetchone()
    if row:
        return str(row[0])
    from console.data import patients_repo
    from console.demo.visits import add_long_history

    staff = [r[0] for r in ctx.db.execute("SELECT id FROM practitioners WHERE active = 1")]
    with ctx.db.atomic():
        pid = patients_repo.insert(
            ctx.db,
            full_name=BENCH_NAME,
            date_of_birth=date(1979, 4, 2),
            phone="+44 7700 900050",
            email="bench50@example.org",
            fitzpatrick=3,
            now=ctx.now(),
            by=staff[0],
        )
    add_long_history(ctx, pid, staff, visits=50, seed=50)
    return pid


def patient_open_ms(db_path: str | Path, *, rounds: int = 25) -> dict[str, float]:
    """Open the 50-visit patient in the Records view (audit row, queries, tables, four
    charts) and render it: time from the call to a painted widget."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from console.context import open_context
    from console.ui.records.record_view import PatientRecordView

    app = QApplication.instance() or QApplication([])
    ctx = open_context(Path(db_path))
    try:
        pid = _fifty_visit_patient(ctx)
        ctx.practitioner_id = ctx.db.execute("SELECT id FROM practitioners LIMIT 1").fetchone()[0]
        view = PatientRecordView(ctx)
        view.resize(1146, 700)
        view.show()
        view.show_patient(pid)  # warm caches once, as a running app would be
        app.processEvents()
        timings = []
        for _ in range(rounds):
            start = time.perf_counter()
            view.show_patient(pid)
            view.repaint()  # paint everything now, charts included
            app.processEvents()
            timings.append((time.perf_counter() - start) * 1000)
        visits = len(view.history.visits) if view.history else 0
        view.close()
        return _stats(timings, visits=float(visits))
    finally:
        ctx.db.close()


def recall_ms(db_path: str | Path, *, rounds: int = 30) -> dict[str, float]:
    """Lot recall (cartridges + consumables, with patients and contacts) for the most used
    lots, by lot and by GTIN + lot; the query alone (the audit row's commit is disk time)."""
    from console.context import open_context
    from console.records import recall

    ctx = open_context(Path(db_path))
    try:
        lots = ctx.db.execute(
            "SELECT gtin, lot FROM cartridges GROUP BY gtin, lot ORDER BY COUNT(*) DESC LIMIT 5"
        ).fetchall()
        gel = ctx.db.execute(
            "SELECT lot FROM consumables GROUP BY lot ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()
        queries = [recall.RecallQuery(lot) for _, lot in lots]
        queries += [recall.RecallQuery(lot, gtin) for gtin, lot in lots[:2]]
        queries += [recall.RecallQuery(gel[0])] if gel else []
        for q in queries:
            recall.find(ctx.db, q)
        timings, hits = [], 0
        for _ in range(rounds):
            for q in queries:
                start = time.perf_counter()
                found = recall.find(ctx.db, q)
                timings.append((time.perf_counter() - start) * 1000)
                hits = max(hits, len(found))
        return _stats(timings, max_hits=float(hits))
    finally:
        ctx.db.close()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/demo100k.sqlite3"
    print("patient_open", patient_open_ms(path))
    print("recall", recall_ms(path))
