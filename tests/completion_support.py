"""A visit treated and ready for Finish (open, one pass, endpoint recorded)."""

from __future__ import annotations

from console.clock import FakeClock
from console.context import AppContext
from console.visit.service import VisitService
from tests.conftest import ready_visit


def treated_visit(ctx: AppContext, patient_id: str, clock: FakeClock, serial: str = "0401") -> str:
    """An open visit with one 30 s pass on the forehead and its endpoint: ready to complete."""
    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient_id, serial=serial)
    area = svc.plan_area(visit_id, "forehead", depth_text="0.5", target_passes=1)
    svc.start_pass(area, "vertical")
    clock.advance(30)
    svc.stop_pass()
    svc.set_endpoint(area, "erythema")
    return visit_id
