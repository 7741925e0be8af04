"""All of a visit's services behind one name, for scripts, the CLI and tests.

``VisitService`` composes the lifecycle, prep and treatment services (no inheritance) and
keeps the old call shapes: ids and records instead of ``Changed``. It holds at most one
running pass, like a session; the screens use ``VisitSession`` instead.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from console.context import AppContext
from console.errors import DomainError
from console.model import screening
from console.model.protocol import Protocol
from console.model.visit_record import PassRecord
from console.protocol.depth import DepthCheck
from console.visit.lifecycle import AMENDABLE, VisitLifecycle
from console.visit.prep import PrepService
from console.visit.steps import STEPS
from console.visit.treatment import RunningPass, TreatmentService

__all__ = ["AMENDABLE", "STEPS", "VisitService"]


class VisitService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.db = ctx.db
        self.visits = VisitLifecycle(ctx)
        self.prep = PrepService(ctx, self.visits)
        self.treatment = TreatmentService(ctx, self.visits, self.prep)
        self._running: RunningPass | None = None

    # -- lifecycle --------------------------------------------------------------------------
    def protocol_for(self, visit_id: str) -> Protocol:
        return self.visits.protocol_for(visit_id)

    def open_visit_for(self, patient_id: str) -> str | None:
        return self.visits.open_visit_for(patient_id)

    def start_visit(self, patient_id: str) -> str:
        return self.visits.start_visit(patient_id)

    def set_step(self, visit_id: str, step: str) -> None:
        self.visits.set_step(visit_id, step)

    def stop_visit(self, visit_id: str, reason: str) -> None:
        self.visits.stop_visit(visit_id, reason)

    def answer_screening(self, visit_id: str, answers: list[screening.Answer]) -> screening.Outcome:
        return self.visits.answer_screening(visit_id, answers)

    def screening_passed(self, visit_id: str) -> bool:
        return self.visits.screening_passed(visit_id)

    def complete(self, visit_id: str, *, notes: str = "", adverse_events: str = "") -> None:
        self.visits.complete(visit_id, notes=notes, adverse_events=adverse_events)

    def amend(self, visit_id: str, field: str, new_value: str, reason: str) -> None:
        self.visits.amend(visit_id, field, new_value, reason)

    # -- prep -------------------------------------------------------------------------------
    def set_device(self, visit_id: str, device_id: str) -> None:
        self.prep.set_device(visit_id, device_id)

    def record_cartridge_label(
        self,
        visit_id: str,
        text: str,
        *,
        cartridge_type_id: str,
        seal_intact: bool,
        sealed_new_confirmed: bool = False,
    ) -> str:
        return self.prep.record_cartridge_label(
            visit_id,
            text,
            cartridge_type_id=cartridge_type_id,
            seal_intact=seal_intact,
            sealed_new_confirmed=sealed_new_confirmed,
        ).value

    def record_cartridge_manual(
        self,
        visit_id: str,
        *,
        gtin: str,
        lot: str,
        expiry: str,
        serial: str = "",
        cartridge_type_id: str,
        seal_intact: bool,
        sealed_new_confirmed: bool = False,
    ) -> str:
        return self.prep.record_cartridge_manual(
            visit_id,
            gtin=gtin,
            lot=lot,
            expiry=expiry,
            serial=serial,
            cartridge_type_id=cartridge_type_id,
            seal_intact=seal_intact,
            sealed_new_confirmed=sealed_new_confirmed,
        ).value

    def remove_cartridge(self, visit_id: str, cartridge_id: str) -> None:
        self.prep.remove_cartridge(visit_id, cartridge_id)

    def record_gel(self, visit_id: str, *, product: str, lot: str) -> str:
        return self.prep.record_gel(visit_id, product=product, lot=lot).value

    def apply_numbing(
        self,
        visit_id: str,
        *,
        product: str,
        lot: str,
        applied_at: datetime,
        wait_minutes: int,
        occluded: bool = False,
    ) -> str:
        return self.prep.apply_numbing(
            visit_id,
            product=product,
            lot=lot,
            applied_at=applied_at,
            wait_minutes=wait_minutes,
            occluded=occluded,
        ).value

    def remove_numbing(self, visit_id: str, consumable_id: str) -> None:
        self.prep.remove_numbing(visit_id, consumable_id)

    def mark_skin_cleansed(self, visit_id: str) -> None:
        self.prep.mark_skin_cleansed(visit_id)

    def prep_missing(self, visit_id: str) -> list[str]:
        return self.prep.prep_missing(visit_id)

    # -- plan and treat ---------------------------------------------------------------------
    def check_area_depth(
        self, visit_id: str, zone_id: str, concern: str, depth_text: str
    ) -> DepthCheck:
        return self.treatment.check_area_depth(visit_id, zone_id, concern, depth_text)

    def plan_area(
        self,
        visit_id: str,
        zone_id: str,
        *,
        concern: str = "general",
        depth_text: str,
        target_passes: int,
        reason: str = "",
        confirmed: bool = False,
    ) -> str:
        return self.treatment.plan_area(
            visit_id,
            zone_id,
            concern=concern,
            depth_text=depth_text,
            target_passes=target_passes,
            reason=reason,
            confirmed=confirmed,
        ).value

    def remove_area(self, area_id: str) -> None:
        self.treatment.remove_area(area_id)

    def area_ids(self, visit_id: str) -> list[str]:
        return self.treatment.area_ids(visit_id)

    def current_depth(self, area_id: str) -> Decimal:
        return self.treatment.current_depth(area_id)

    def set_current_area(self, visit_id: str, area_id: str) -> None:
        if self._running is not None:
            raise DomainError("Stop the running pass before moving to another area.")
        self.treatment.set_current_area(visit_id, area_id)

    def start_pass(self, area_id: str, direction: str) -> None:
        if self._running is not None:
            raise DomainError("A pass is already running.")
        self._running = self.treatment.start_pass(area_id, direction)

    @property
    def running_area_id(self) -> str | None:
        return self._running.area_id if self._running else None

    def running_elapsed(self) -> float:
        return self._running.elapsed(self.ctx.clock.monotonic()) if self._running else 0.0

    def stop_pass(self) -> PassRecord:
        if self._running is None:
            raise DomainError("No pass is running.")
        done = self.treatment.stop_pass(self._running)
        self._running = None
        return done.value

    def interrupted_passes(self, visit_id: str) -> list[str]:
        if self._running is not None:
            return []
        return self.treatment.interrupted_passes(visit_id)

    def change_depth(
        self, area_id: str, depth_text: str, *, reason: str = "", confirmed: bool = False
    ) -> Decimal:
        if self._running is not None:
            raise DomainError("Stop the pass before changing the depth.")
        return self.treatment.change_depth(
            area_id, depth_text, reason=reason, confirmed=confirmed
        ).value

    def set_endpoint(self, area_id: str, endpoint: str) -> None:
        self.treatment.set_endpoint(area_id, endpoint)
