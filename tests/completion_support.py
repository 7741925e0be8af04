"""A visit treated and ready for Finish (open, one pass, endpoint recorded)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from console.clock import FakeClock
from console.context import AppContext
from console.visit.service import VisitService
from tests.conftest import ready_visit

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from console.ui.shell.main_window import MainWindow


def treated_visit(
    ctx: AppContext, patient_id: str, clock: FakeClock | None = None, serial: str = "0401"
) -> str:
    """An open visit with one pass on the forehead (30 s on ``clock``) and its endpoint."""
    svc = VisitService(ctx)
    visit_id = ready_visit(ctx, patient_id, serial=serial)
    area = svc.plan_area(visit_id, "forehead", depth_text="0.5", target_passes=1)
    svc.start_pass(area, "vertical")
    if clock is not None:
        clock.advance(30)
    svc.stop_pass()
    svc.set_endpoint(area, "erythema")
    return visit_id


def open_finish(window: MainWindow, ctx: AppContext, patient_id: str) -> tuple[str, QWidget]:
    """A treated visit shown on the window's Finish step: (visit id, the Finish screen)."""
    visit_id = treated_visit(ctx, patient_id)
    window.flow.set_patient(patient_id)
    window.flow.set_visit(visit_id)
    window.flow.go("finish")
    return visit_id, window.screen_for("finish")
