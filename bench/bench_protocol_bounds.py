"""The sheet from the largest protocol library the bounds allow (``console/protocol_bounds``):
every list full, every text at its longest, a visit over every zone. Target: well under 1 s.

``python bench/bench_protocol_bounds.py`` prints wall and CPU time (median of warm builds; the
CPU figure is the one to compare on a busy machine) and the page count.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def largest_sheet_timings(rounds: int = 10) -> dict[str, float]:
    from console.aftercare import build_sheet
    from console.aftercare.pdf import page_count
    from tests.domain.protocol_largest import largest_sheet_inputs

    record, protocol = largest_sheet_inputs()
    clinic = {"clinic.name": "Lumen Skin Clinic"}
    data = build_sheet(record, protocol, clinic)  # fonts registered, as in the running app
    wall, cpu = [], []
    for _ in range(rounds):
        w, c = time.perf_counter(), time.process_time()
        build_sheet(record, protocol, clinic)
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return {
        "wall_median_ms": round(statistics.median(wall), 1),
        "cpu_median_ms": round(statistics.median(cpu), 1),
        "pages": page_count(data),
    }


if __name__ == "__main__":
    t = largest_sheet_timings()
    print(
        f"largest allowed sheet: {t['pages']} pages, median {t['wall_median_ms']} ms wall, "
        f"{t['cpu_median_ms']} ms CPU; target well under 1000 ms"
    )
