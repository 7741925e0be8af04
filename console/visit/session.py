"""One patient's open visit as the screens work on it: its id, its services, the running pass.

Made when a visit is started or resumed and handed to the visit-step screens, so the pass
that runs is held in one known place (not on whichever service instance a screen made).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from console import store_errors
from console.context import AppContext
from console.errors import DomainError
from console.model.changes import Changed, Changes
from console.model.protocol import Protocol
from console.model.visit_record import PassRecord, VisitRecord
from console.protocol.depth import check_depth
from console.visit import holding
from console.visit import journal as room_journal
from console.visit.lifecycle import VisitLifecycle, new_id
from console.visit.prep import PrepService
from console.visit.storage import ServerGoneError
from console.visit.treatment import ConfirmationNeeded, RunningPass, TreatmentService


class VisitSession:
    def __init__(self, ctx: AppContext, visit_id: str) -> None:
        self.ctx = ctx
        self.visit_id = visit_id
        self.visits = VisitLifecycle(ctx)
        self.prep = PrepService(ctx, self.visits)
        self.treatment = TreatmentService(ctx, self.visits, self.prep)
        self.running: RunningPass | None = None
        # On the clinic's server: where events go while it does not answer (None on a file).
        self.journal = room_journal.journal_for(ctx)
        # Each area's depth as last seen, so a pass can start while the server is gone.
        self.known_depths: dict[str, Decimal] = {}
        # The protocol, device and each area's zone and concern (see remember_rules).
        self._rules: tuple[Protocol, str | None, dict[str, tuple[str, str]]] | None = None

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

    def keeping(self) -> bool:
        """Events wait in the journal: new ones join them, so the server gets them in order."""
        return self.journal is not None and self.journal.holds_waiting()

    def start_pass(self, area_id: str, direction: str) -> Changes:
        if self.running is not None:
            raise DomainError("A pass is already running.")
        if self.keeping():
            running = self._start_on_pc(area_id, direction)
        else:
            try:
                running = self.treatment.start_pass(area_id, direction)
            except ServerGoneError:
                if self.journal is None:
                    raise
                running = self._start_on_pc(area_id, direction)
        # Its id is chosen now: the same pass reaches the server once, stopped there or later
        # from the journal.
        self.running = replace(running, pass_id=new_id())
        self.known_depths[area_id] = running.depth_mm
        return Changes(passes=True, area_id=area_id)

    def _start_on_pc(self, area_id: str, direction: str) -> RunningPass:
        """The server does not answer: time the pass here (its checks passed at the last one)."""
        depth = self.known_depths.get(area_id)
        if depth is None:
            raise DomainError(
                "The clinic's server does not answer and this area's depth is not known on "
                "this PC yet: wait until the server answers."
            )
        now = self.ctx.now()
        return RunningPass(
            area_id, self.visit_id, now, self.ctx.clock.monotonic(), depth, direction
        )

    def stop_pass(self) -> Changed[PassRecord]:
        """Commit the running pass; on a storage error it keeps running, so stop can be repeated.
        While the server does not answer it is kept in the journal (a ``KeptOnPc``)."""
        running = self.running
        if running is None:
            raise DomainError("No pass is running.")
        if self.journal is not None and self.keeping():
            done: Changed[PassRecord] = room_journal.keep_pass(self.ctx, self.journal, running)
        else:
            try:
                done = self.treatment.stop_pass(running)
            except ServerGoneError:
                if self.journal is None:
                    raise
                done = room_journal.keep_pass(self.ctx, self.journal, running)
        self.running = None
        return done

    def interrupted_passes(self) -> list[str]:
        """Zones whose pass was running when the console stopped (reported once)."""
        if self.running is not None or self.keeping():
            # Our own pass is running, not an interrupted one; or its stop waits in the journal.
            return []
        return self.treatment.interrupted_passes(self.visit_id)

    # -- what a running pass forbids --------------------------------------------------------
    def set_current_area(self, area_id: str) -> Changes:
        if self.running is not None:
            raise DomainError("Stop the running pass before moving to another area.")
        moved = Changes(visit=True, area_id=area_id)
        if self.keeping():
            return moved  # where the room is, not a clinical event: nothing to keep
        try:
            return self.treatment.set_current_area(self.visit_id, area_id)
        except store_errors.OperationalError:
            if self.journal is None:
                raise
            return moved

    def remember_rules(self, record: VisitRecord) -> None:
        """What a depth change is checked against, read while the server answers, so the same
        checks (device maximum, zone limit, unusual depth) hold while it does not."""
        protocol = self.visits.protocol_for(self.visit_id)
        device_id = self.visits.state(self.visit_id).device_id
        self._rules = (protocol, device_id, {a.id: (a.zone_id, a.concern) for a in record.areas})

    def change_depth(
        self, area_id: str, depth_text: str, *, reason: str = "", confirmed: bool = False
    ) -> Changed[Decimal]:
        if self.running is not None:
            raise DomainError("Stop the pass before changing the depth.")
        if self.keeping():
            return self._keep_depth(area_id, depth_text, reason, confirmed)
        try:
            changed = self.treatment.change_depth(
                area_id, depth_text, reason=reason, confirmed=confirmed
            )
        except ServerGoneError:
            if self.journal is None:
                raise
            return self._keep_depth(area_id, depth_text, reason, confirmed)
        self.known_depths[area_id] = changed.value
        return changed

    def _keep_depth(
        self, area_id: str, depth_text: str, reason: str, confirmed: bool
    ) -> Changed[Decimal]:
        rules, old = self._rules, self.known_depths.get(area_id)
        if self.journal is None or rules is None or area_id not in rules[2] or old is None:
            raise ServerGoneError(
                "The clinic's server does not answer and this area's depth limits are not "
                "known on this PC yet: carry on at the current depth or wait."
            )
        protocol, device_id, areas = rules
        if not device_id:
            raise DomainError("Choose the device in Prep first: depth limits depend on it.")
        zone_id, concern = areas[area_id]
        check = check_depth(
            depth_text,
            device=protocol.device(device_id),
            zone=protocol.zone(zone_id),
            concern=concern,
        )
        if check.needs_confirmation and not (confirmed and reason.strip()):
            raise ConfirmationNeeded(check)
        if check.depth_mm == old:
            return Changed(old, Changes())
        room_journal.keep_depth_change(
            self.ctx,
            self.journal,
            new_id(),
            self.visit_id,
            area_id,
            depth_text,
            reason=reason.strip(),
            confirmed=confirmed,
        )
        self.known_depths[area_id] = check.depth_mm
        return room_journal.KeptOnPc(check.depth_mm, Changes(plan=True, area_id=area_id))

    def set_endpoint(self, area_id: str, endpoint: str) -> Changes:
        """The area's endpoint; kept in the journal (a ``KeptOnPc``) while the server is gone."""
        if self.journal is not None and self.keeping():
            return self._keep_endpoint(area_id, endpoint)
        try:
            return self.treatment.set_endpoint(area_id, endpoint)
        except ServerGoneError:
            if self.journal is None:
                raise
            return self._keep_endpoint(area_id, endpoint)

    def _keep_endpoint(self, area_id: str, endpoint: str) -> Changes:
        assert self.journal is not None
        room_journal.keep_endpoint(
            self.ctx, self.journal, new_id(), self.visit_id, area_id, endpoint
        )
        return Changes(endpoint=True, area_id=area_id)
