"""Run by test_crash_safety: a visit that times passes as fast as it can until it is killed.

Prints ``STOPPED <area_id> <number>`` after each ``stop_pass`` has returned, so the test
knows which passes the service had promised were safe when the SIGKILL arrived.
"""

from __future__ import annotations

import sys
from pathlib import Path

from console.context import open_context
from console.visit.service import VisitService


def main(db_path: str, practitioner_id: str, visit_id: str) -> None:
    ctx = open_context(Path(db_path))
    ctx.practitioner_id = practitioner_id
    svc = VisitService(ctx)
    svc.interrupted_passes(visit_id)  # a pass running at the last kill is not counted
    areas = svc.area_ids(visit_id)
    print("READY", flush=True)
    n = 0
    while True:
        area = areas[n % len(areas)]
        svc.start_pass(area, "vertical")
        record = svc.stop_pass()
        print(f"STOPPED {area} {record.number}", flush=True)
        n += 1


if __name__ == "__main__":
    main(*sys.argv[1:4])
