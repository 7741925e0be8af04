"""What one pass stop costs through the Treat screen: SQL statements and milliseconds.

The pedal is pressed on the real screen (start, then stop); only the stop is measured. Queries
are counted with sqlite3's trace callback (every statement the connection runs, BEGIN and
COMMIT included), so a screen that reloads the whole visit after each stop shows up here.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_visit import (
    _app,
    _press,
    _window,
    bench_patient,
    plan_areas,
    ready_visit,
)


def stop_queries(db_path: str | Path, *, stops: int = 60, warmup: int = 5) -> dict[str, Any]:
    """Median statements and milliseconds per stop, pedal pressed on the Treat screen."""
    from PySide6.QtCore import Qt

    from console.context import open_context

    app = _app()
    ctx = open_context(Path(db_path))
    try:
        pid = bench_patient(ctx, "Bench Stop-Queries")
        visit_id = ready_visit(ctx, pid)
        # Enough target passes that the stops never run past the plan.
        plan_areas(ctx, visit_id, ("forehead", "cheeks", "chin_jawline"))
        window = _window(ctx)
        window.flow.set_patient(pid)
        window.flow.set_visit(visit_id)
        window.flow.set_practitioner(ctx.practitioner_id)
        window.flow.go("treat")
        treat = window.screen_for("treat")
        assert window.current_key() == "treat"
        statements: list[str] = []
        counts: list[int] = []
        timings: list[float] = []
        for i in range(warmup + stops):
            _press(treat, Qt.Key.Key_Space, " ")
            assert treat.running_pass() is not None, "the pass did not start"
            statements.clear()
            ctx.db.conn.set_trace_callback(statements.append)
            start = time.perf_counter()
            _press(treat, Qt.Key.Key_Space, " ")
            elapsed = (time.perf_counter() - start) * 1000
            ctx.db.conn.set_trace_callback(None)
            assert treat.running_pass() is None, "the pass did not stop"
            if i >= warmup:
                counts.append(len(statements))
                timings.append(elapsed)
        stored = ctx.db.execute("SELECT COUNT(*) FROM passes WHERE visit_id = ?", [visit_id])
        assert stored.fetchone()[0] == warmup + stops, "a stopped pass is missing"
        for key in (Qt.Key.Key_1, Qt.Key.Key_N, Qt.Key.Key_1, Qt.Key.Key_N, Qt.Key.Key_1):
            _press(treat, key, key.name[-1])
        window.close()
        app.processEvents()
        return {
            "stops": stops,
            "queries_per_stop": statistics.median(counts),
            "max_queries_per_stop": max(counts),
            "median_ms": round(statistics.median(timings), 2),
            "last_stop_statements": list(statements),
        }
    finally:
        ctx.db.close()


if __name__ == "__main__":
    import json
    import shutil
    import tempfile

    from console.context import open_context

    folder = Path(tempfile.mkdtemp())
    db = folder / "stop.sqlite3"
    open_context(db).db.close()
    try:
        result = stop_queries(db, stops=int(sys.argv[1]) if len(sys.argv) > 1 else 60)
        print(json.dumps(result, indent=1))
    finally:
        shutil.rmtree(folder)
