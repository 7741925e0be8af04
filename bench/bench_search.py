"""Patient search while typing: p50/p95 latency on a big demo database.

``python bench/bench_search.py /tmp/demo100k.sqlite3`` (build it with
``python -m console demo --db /tmp/demo100k.sqlite3 --patients 100000``). The lead's runner
calls ``search_p95_ms(db_path)``. Opening the file applies pending migrations.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

# What a practitioner types, keystroke by keystroke: one- and two-letter prefixes are the
# expensive case for a prefix index, so every word is typed from its first letter.
TYPED = [
    "zoe",
    "zoe bronte",
    "ngu",
    "nguyen thu",
    "王",
    "王小明",
    "1990",
    "0612",
    "24.11.1990",
    "lukasz",
    "o'brien",
    "smith",
    "emma j",
    "07700",
    "anna",
    "siobhan",
    "m",
    "a",
    # Across scripts (issue 16): a given name inside a CJK name, Latin spellings.
    "小明",
    "ivan",
    "muhammad",
    "giorgos",
]


def keystrokes(words: list[str]) -> list[str]:
    return [w[:i] for w in words for i in range(1, len(w) + 1) if w[:i].strip()]


def timed_searches(ctx: Any, rounds: int) -> tuple[list[float], str]:
    """Milliseconds of every keystroke of ``TYPED`` through ``PatientService.search``, after one
    warm-up pass (the page or server cache, as a running console's would be), and the slowest
    query. Shared by the file's bench and the server's (bench_server.py)."""
    from console.patients.service import PatientService

    service = PatientService(ctx)
    queries = keystrokes(TYPED)
    for q in queries:
        service.search(q)
    timings: list[float] = []
    worst = ("", 0.0)
    for _ in range(rounds):
        for q in queries:
            start = time.perf_counter()
            service.search(q)
            ms = (time.perf_counter() - start) * 1000
            timings.append(ms)
            if ms > worst[1]:
                worst = (q, ms)
    return timings, worst[0]


def search_p95_ms(db_path: str | Path, *, rounds: int = 5) -> dict[str, float]:
    from console.context import open_context

    ctx = open_context(Path(db_path))
    try:
        timings, _ = timed_searches(ctx, rounds)
        timings.sort()
        patients = ctx.db.execute("SELECT COUNT(*) FROM patients").fetchone()[0]
        visits = ctx.db.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
        return {
            "patients": float(patients),
            "visits": float(visits),
            "queries": float(len(timings)),
            "p50_ms": round(statistics.median(timings), 3),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 3),
            "max_ms": round(timings[-1], 3),
        }
    finally:
        ctx.db.close()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    print(search_p95_ms(sys.argv[1] if len(sys.argv) > 1 else "/tmp/demo100k.sqlite3"))
