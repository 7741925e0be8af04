"""Plan and treat: areas with safe depths, passes timed on the monotonic clock, endpoints.

A running pass is a ``RunningPass`` the caller holds (the visit session, for the screens);
its row in ``running_passes`` is what a crash leaves behind, reported at the next start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from console.clock import iso, parse_iso
from console.context import AppContext
from console.data import areas_repo, passes_repo, visits_repo
from console.errors import DomainError
from console.model.changes import Changed, Changes
from console.model.visit_record import PassRecord
from console.protocol.depth import DepthCheck, check_depth
from console.visit import holding
from console.visit.lifecycle import VisitLifecycle, new_id
from console.visit.prep import PrepService
from console.visit.storage import guarded

PLAN = Changes(plan=True)


class ConfirmationNeeded(DomainError):
    """The depth is allowed but unusual: the practitioner must confirm and give a reason."""

    def __init__(self, check: DepthCheck) -> None:
        super().__init__(" ".join(check.warnings), "depth")
        self.check = check


@dataclass(frozen=True)
class RunningPass:
    """A pass under way: started (and stored in running_passes), not yet stopped."""

    area_id: str
    visit_id: str
    started_at: datetime  # wall clock, for the record
    mono_start: float  # monotonic clock, for the duration
    depth_mm: Decimal
    direction: str
    pass_id: str = ""  # chosen before the stop when the pass may go to the journal

    def elapsed(self, monotonic_now: float) -> float:
        return max(0.0, monotonic_now - self.mono_start)


@dataclass(frozen=True)
class KeptChange:
    """Who changed a depth and when, for a change the room's journal applies later."""

    change_id: str
    at: datetime
    by: str


class TreatmentService:
    def __init__(
        self,
        ctx: AppContext,
        visits: VisitLifecycle | None = None,
        prep: PrepService | None = None,
    ) -> None:
        self.ctx = ctx
        self.db = ctx.db
        self.visits = visits or VisitLifecycle(ctx)
        self.prep = prep or PrepService(ctx, self.visits)

    # -- plan -------------------------------------------------------------------------------
    def check_area_depth(
        self, visit_id: str, zone_id: str, concern: str, depth_text: str
    ) -> DepthCheck:
        visit = self.visits.open_state(visit_id)
        if not visit.device_id:
            raise DomainError("Choose the device in Prep first: depth limits depend on it.")
        protocol = self.visits.protocol_for(visit_id)
        return check_depth(
            depth_text,
            device=protocol.device(visit.device_id),
            zone=protocol.zone(zone_id),
            concern=concern,
        )

    @guarded
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
    ) -> Changed[str]:
        check = self.check_area_depth(visit_id, zone_id, concern, depth_text)
        if check.needs_confirmation and not (confirmed and reason.strip()):
            raise ConfirmationNeeded(check)
        if not 1 <= target_passes <= 20:
            raise DomainError("Target passes must be between 1 and 20.", "target_passes")
        zone = self.visits.protocol_for(visit_id).zone(zone_id)
        if areas_repo.zone_planned(self.db, visit_id, zone_id):
            raise DomainError(f"{zone.name} is already in the plan.", "zone")
        area_id = new_id()
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            areas_repo.insert(
                self.db,
                area_id=area_id,
                visit_id=visit_id,
                zone_id=zone.id,
                zone_name=zone.name,
                concern=concern,
                depth_mm=check.depth_mm,
                target_passes=target_passes,
                outside_typical_reason=reason.strip() if check.needs_confirmation else "",
            )
            visits_repo.set_step(self.db, visit_id, "plan", only_from=("screening", "prep"))
            self.ctx.audit(
                "visit.plan_area",
                entity="visit",
                entity_id=visit_id,
                detail={
                    "zone": zone.id,
                    "depth_mm": str(check.depth_mm),
                    "confirmed_outside_typical": check.needs_confirmation,
                },
            )
        return Changed(area_id, Changes(plan=True, visit=True, area_id=area_id))

    @guarded
    def remove_area(self, area_id: str) -> Changes:
        visit_id = areas_repo.get(self.db, area_id).visit_id
        self.visits.open_state(visit_id)
        if passes_repo.area_has_passes(self.db, area_id):
            raise DomainError("This area has recorded passes; it stays in the record.")
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            areas_repo.delete(self.db, area_id)
            self.ctx.audit(
                "visit.remove_area",
                entity="visit",
                entity_id=visit_id,
                detail={"area_id": area_id},
            )
        return PLAN

    def area_ids(self, visit_id: str) -> list[str]:
        return areas_repo.ids(self.db, visit_id)

    def current_depth(self, area_id: str) -> Decimal:
        return areas_repo.current_depth(self.db, area_id)

    # -- treat ------------------------------------------------------------------------------
    def set_current_area(self, visit_id: str, area_id: str) -> Changes:
        self.visits.open_state(visit_id)
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            visits_repo.set_current_area(self.db, visit_id, area_id)
        return Changes(visit=True, area_id=area_id)

    def current_area_id(self, visit_id: str) -> str | None:
        return self.visits.state(visit_id).current_area_id

    @guarded
    def start_pass(self, area_id: str, direction: str) -> RunningPass:
        """Start a pass; the caller holds the result until it stops it."""
        area = areas_repo.get(self.db, area_id)
        visit_id = area.visit_id
        self.visits.open_state(visit_id)
        missing = self.prep.prep_missing(visit_id)
        if missing:
            raise DomainError("Not ready to treat: " + " ".join(missing))
        protocol = self.visits.protocol_for(visit_id)
        if direction not in protocol.directions:
            raise DomainError(f"Unknown direction {direction!r}.", "direction")
        depth = self.current_depth(area_id)
        now = parse_iso(iso(self.ctx.now()))  # as stored, so the record reads back the same
        # Stored at once so a crash mid-pass is reported at the next start, not lost silently.
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            passes_repo.put_running(
                self.db, area_id=area_id, started_at=now, depth_mm=depth, direction=direction
            )
            visits_repo.set_current_area(self.db, visit_id, area_id)
        return RunningPass(area_id, visit_id, now, self.ctx.clock.monotonic(), depth, direction)

    @guarded
    def stop_pass(self, running: RunningPass) -> Changed[PassRecord]:
        """Stop the running pass and commit it before returning (the hot path: kept lean)."""
        duration = round(running.elapsed(self.ctx.clock.monotonic()), 3)
        return self.record_pass(running, self.ctx.now(), duration)

    def record_pass(
        self, running: RunningPass, ended_at: datetime, duration: float
    ) -> Changed[PassRecord]:
        """Commit a stopped pass: now (stop_pass), or later from the room's journal."""
        with self.db.atomic():
            holding.check(self.ctx, running.visit_id)
            number = passes_repo.record_stop(
                self.db,
                pass_id=running.pass_id or new_id(),
                area_id=running.area_id,
                visit_id=running.visit_id,
                started_at=running.started_at,
                ended_at=ended_at,
                duration_s=duration,
                depth_mm=running.depth_mm,
                direction=running.direction,
            )
        record = PassRecord(
            number, running.started_at, ended_at, duration, running.depth_mm, running.direction
        )
        return Changed(record, Changes(passes=True, area_id=running.area_id))

    def interrupted_passes(self, visit_id: str) -> list[str]:
        """Zones whose pass was running when the console stopped; the pass is not counted.

        Only call it when no pass of this visit runs in this console (the session knows).
        """
        zones = passes_repo.running_zones(self.db, visit_id)
        if zones:
            with self.db.atomic():
                passes_repo.clear_running(self.db, visit_id)
                self.ctx.audit(
                    "visit.pass_interrupted",
                    entity="visit",
                    entity_id=visit_id,
                    detail={"count": len(zones)},
                )
        return zones

    @guarded
    def change_depth(
        self,
        area_id: str,
        depth_text: str,
        *,
        reason: str = "",
        confirmed: bool = False,
        kept: KeptChange | None = None,
    ) -> Changed[Decimal]:
        """``kept``: a change made while the server did not answer, applied from the room's
        journal with its own id, time and practitioner (checked again here all the same)."""
        area = areas_repo.get(self.db, area_id)
        check = self.check_area_depth(area.visit_id, area.zone_id, area.concern, depth_text)
        if check.needs_confirmation and not (confirmed and reason.strip()):
            raise ConfirmationNeeded(check)
        old = self.current_depth(area_id)
        if check.depth_mm == old:
            return Changed(old, Changes())
        by = kept.by if kept else self.ctx.require_practitioner()
        with self.db.atomic():
            holding.check(self.ctx, area.visit_id)
            areas_repo.insert_depth_change(
                self.db,
                change_id=kept.change_id if kept else new_id(),
                area_id=area_id,
                at=kept.at if kept else self.ctx.now(),
                from_mm=old,
                to_mm=check.depth_mm,
                reason=reason.strip(),
                by=by,
            )
            self.ctx.audit(
                "visit.depth_change",
                entity="visit",
                entity_id=area.visit_id,
                detail={"area_id": area_id, "from_mm": str(old), "to_mm": str(check.depth_mm)},
                by=by,
            )
        return Changed(check.depth_mm, Changes(plan=True, area_id=area_id))

    @guarded
    def set_endpoint(
        self, area_id: str, endpoint: str, *, recorded_by: str | None = None
    ) -> Changes:
        """``recorded_by``: who chose it, when the room's journal applies it later."""
        area = areas_repo.get(self.db, area_id)
        self.visits.open_state(area.visit_id)
        if endpoint not in {e for e, _ in self.visits.protocol_for(area.visit_id).endpoints}:
            raise DomainError(f"Unknown endpoint {endpoint!r}.", "endpoint")
        with self.db.atomic():
            holding.check(self.ctx, area.visit_id)
            areas_repo.set_endpoint(self.db, area_id, endpoint)
            self.ctx.audit(
                "visit.endpoint",
                entity="visit",
                entity_id=area.visit_id,
                detail={"area_id": area_id, "endpoint": endpoint},
                **({"by": recorded_by} if recorded_by else {}),
            )
        return Changes(endpoint=True, area_id=area_id)
