"""One patient's open visit as the screens work on it: its id, its services, the running pass.

Made when a visit is started or resumed and handed to the visit-step screens, so the pass
that runs is held in one known place (not on whichever service instance a screen made).
"""

from __future__ import annotations

from decimal import Decimal

from console.context import AppContext
from console.errors import DomainError
from console.model.changes import Changed, Changes
from console.model.visit_record import PassRecord
from console.visit import holding
from console.visit.lifecycle import VisitLifecycle
from console.visit.prep import PrepService
from console.visit.treatment import RunningPass, TreatmentService


class VisitSession:
    def __init__(self, ctx: AppContext, visit_id: str) -> None:
        self.ctx = ctx
        self.visit_id = visit_id
        self.visits = VisitLifecycle(ctx)
        self.prep = PrepService(ctx, self.visits)
        self.treatment = TreatmentService(ctx, self.visits, self.prep)
        self.running: RunningPass | None = None

    @classmethod
    def start(cls, ctx: AppContext, patient_id: str) -> VisitSession:
        """Start a new visit for the patient."""
        return cls(ctx, VisitLifecycle(ctx).start_visit(patient_id))

    @classmethod
    def resume(cls, ctx: AppContext, visit_id: str, *, take_over: bool = False) -> VisitSession:
        """Carry on with a visit in progress (refused when it is locked or stopped, or
        another room holds it: ``holding.HeldElsewhere``, unless ``take_over``, confirmed)."""
        VisitLifecycle(ctx).open_state(visit_id)
        holding.take(ctx, visit_id, take_over=take_over)
        return cls(ctx, visit_id)

    def leave(self) -> None:
        """This room goes to another patient: the visit stays open for any room to resume."""
        holding.release(self.ctx, self.visit_id)

    # -- the running pass -------------------------------------------------------------------
    @property
    def running_area_id(self) -> str | None:
        return self.running.area_id if self.running else None

    def running_elapsed(self) -> float:
        return self.running.elapsed(self.ctx.clock.monotonic()) if self.running else 0.0

    def start_pass(self, area_id: str, direction: str) -> Changes:
        if self.running is not None:
            raise DomainError("A pass is already running.")
        self.running = self.treatment.start_pass(area_id, direction)
        return Changes(passes=True, area_id=area_id)

    def stop_pass(self) -> Changed[PassRecord]:
        """Commit the running pass; on a storage error it keeps running, so stop can be repeated."""
        if self.running is None:
            raise DomainError("No pass is running.")
        done = self.treatment.stop_pass(self.running)
        self.running = None
        return done

    def interrupted_passes(self) -> list[str]:
        """Zones whose pass was running when the console stopped (reported once)."""
        if self.running is not None:
            return []  # our own pass is running, not an interrupted one
        return self.treatment.interrupted_passes(self.visit_id)

    # -- what a running pass forbids --------------------------------------------------------
    def set_current_area(self, area_id: str) -> Changes:
        if self.running is not None:
            raise DomainError("Stop the running pass before moving to another area.")
        return self.treatment.set_current_area(self.visit_id, area_id)

    def change_depth(
        self, area_id: str, depth_text: str, *, reason: str = "", confirmed: bool = False
    ) -> Changed[Decimal]:
        if self.running is not None:
            raise DomainError("Stop the pass before changing the depth.")
        return self.treatment.change_depth(area_id, depth_text, reason=reason, confirmed=confirmed)

    def set_endpoint(self, area_id: str, endpoint: str) -> Changes:
        return self.treatment.set_endpoint(area_id, endpoint)
