"""A visit's life: start, step, stop, screening, completion (the lock) and amendments.

Each mutation is one write transaction with its audit row, so a crash or power cut loses at
most the action that was under way, and says what it changed.
"""

from __future__ import annotations

import uuid
from typing import Any

from console.clock import iso
from console.context import AppContext
from console.data import areas_repo, passes_repo, protocol_repo, screening_repo, visits_repo
from console.errors import DomainError, NotFound
from console.model import screening
from console.model.changes import Changes
from console.model.protocol import Protocol
from console.model.visit_record import VisitRecord
from console.model.visit_state import VisitState
from console.visit import holding
from console.visit.series import series_number
from console.visit.steps import STEPS
from console.visit.storage import guarded

AMENDABLE = ("notes", "adverse_events")


def new_id() -> str:
    return str(uuid.uuid4())


class VisitLifecycle:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.db = ctx.db

    # -- reading ----------------------------------------------------------------------------
    def state(self, visit_id: str) -> VisitState:
        return visits_repo.state(self.db, visit_id)

    def open_state(self, visit_id: str) -> VisitState:
        """The visit, refused when it can no longer change."""
        visit = self.state(visit_id)
        if visit.status == "completed":
            raise DomainError("This visit is completed and locked: corrections are amendments.")
        if visit.status == "stopped":
            raise DomainError("This visit was stopped and cannot be continued.")
        return visit

    def record(self, visit_id: str) -> VisitRecord:
        """The whole visit as recorded (the read model screens show)."""
        return visits_repo.load_record(self.db, visit_id)

    def protocol_for(self, visit_id: str) -> Protocol:
        return protocol_repo.get(self.db, self.state(visit_id).protocol_version)

    def open_visit_for(self, patient_id: str) -> str | None:
        return visits_repo.open_visit_id(self.db, patient_id)

    def open_visits(self) -> list[dict[str, Any]]:
        """Visits started and never completed or stopped: offered for resumption. Those
        another room is working on are left out (that room resumes them, or this one takes
        one over from the patient's page)."""
        return [
            v for v in visits_repo.open_visits(self.db) if not holding.elsewhere(self.ctx, v["id"])
        ]

    def step_of(self, visit_id: str) -> str:
        return self.state(visit_id).step

    # -- lifecycle --------------------------------------------------------------------------
    @guarded
    def start_visit(self, patient_id: str) -> str:
        by = self.ctx.require_practitioner()
        if not visits_repo.patient_exists(self.db, patient_id):
            raise NotFound("That patient is not in this database.")
        if self.open_visit_for(patient_id):
            raise DomainError("This patient already has a visit in progress: resume it instead.")
        protocol = protocol_repo.current(self.db)
        visit_id = new_id()
        now = self.ctx.now()
        with self.db.atomic():
            number = series_number(
                visits_repo.completed_ends(self.db, patient_id),
                now,
                protocol.series.interval_weeks,
            )
            visits_repo.insert(
                self.db,
                visit_id=visit_id,
                patient_id=patient_id,
                by=by,
                protocol_version=protocol.version,
                series_number=number,
                now=now,
            )
            holding.take(self.ctx, visit_id)
            self.ctx.audit(
                "visit.start",
                entity="visit",
                entity_id=visit_id,
                detail={"patient_id": patient_id},
            )
        return visit_id

    def set_step(self, visit_id: str, step: str) -> Changes:
        if step not in STEPS:
            raise DomainError(f"Unknown step {step!r}.")
        self.open_state(visit_id)
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            visits_repo.set_step(self.db, visit_id, step)
        return Changes(visit=True)

    @guarded
    def stop_visit(self, visit_id: str, reason: str) -> Changes:
        """End a visit without treatment (a hard stop, the patient left …); kept on record."""
        if not reason.strip():
            raise DomainError("Say why the visit is stopped.", "reason")
        self.open_state(visit_id)
        if passes_repo.visit_has_passes(self.db, visit_id):
            raise DomainError("Passes were recorded: finish the visit instead of stopping it.")
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            visits_repo.mark_stopped(self.db, visit_id, reason=reason.strip(), at=self.ctx.now())
            passes_repo.clear_running(self.db, visit_id)
            holding.release(self.ctx, visit_id)
            self.ctx.audit(
                "visit.stop",
                entity="visit",
                entity_id=visit_id,
                detail={"reason": reason.strip()},
            )
        return Changes(visit=True, passes=True)

    # -- screening --------------------------------------------------------------------------
    @guarded
    def answer_screening(self, visit_id: str, answers: list[screening.Answer]) -> screening.Outcome:
        """Store the whole checklist as answered today; replaces earlier answers of this visit."""
        by = self.ctx.require_practitioner()
        self.open_state(visit_id)
        protocol = self.protocol_for(visit_id)
        outcome = screening.evaluate(protocol, answers, self.ctx.today())
        findings = {f.item.id: f for f in outcome.findings}
        now = iso(self.ctx.now())
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            screening_repo.delete_answers(self.db, visit_id)
            for item in protocol.contraindications:
                screening_repo.insert_answer(
                    self.db,
                    visit_id=visit_id,
                    item_id=item.id,
                    item_text=item.text,
                    kind=item.kind,
                    answer=next(a for a in answers if a.item_id == item.id),
                    finding=findings.get(item.id),
                    answered_at=now,
                    by=by,
                )
            if outcome.can_proceed:
                visits_repo.set_step(self.db, visit_id, "consent")
            self.ctx.audit(
                "visit.screening",
                entity="visit",
                entity_id=visit_id,
                detail={
                    "can_proceed": outcome.can_proceed,
                    "blocking": [f.item.id for f in outcome.blocking],
                },
            )
        return outcome

    def screening_passed(self, visit_id: str) -> bool:
        return screening_repo.answered_without_stop(
            self.db, visit_id, self.ctx.today()
        ) and screening_repo.clearances_and_prompts_pass(self.db, visit_id)

    # -- finish -----------------------------------------------------------------------------
    @guarded
    def complete(self, visit_id: str, *, notes: str = "", adverse_events: str = "") -> Changes:
        """Lock the visit. From here on, corrections are dated amendments."""
        self.open_state(visit_id)
        if passes_repo.running_zones(self.db, visit_id):
            raise DomainError("A pass is still running: stop it first.")
        if not passes_repo.visit_has_passes(self.db, visit_id):
            raise DomainError("No pass was recorded: stop the visit instead of completing it.")
        missing = areas_repo.treated_without_endpoint(self.db, visit_id)
        if missing:
            raise DomainError(f"Record the endpoint for: {', '.join(missing)}.", "endpoint")
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            visits_repo.mark_completed(
                self.db,
                visit_id,
                notes=notes.strip(),
                adverse_events=adverse_events.strip(),
                at=self.ctx.now(),
            )
            holding.release(self.ctx, visit_id)
            self.ctx.audit("visit.complete", entity="visit", entity_id=visit_id)
        return Changes(visit=True)

    @guarded
    def amend(self, visit_id: str, field: str, new_value: str, reason: str) -> Changes:
        """A dated correction of a completed visit; the original stays as it was."""
        by = self.ctx.require_practitioner()
        visit = self.state(visit_id)
        if visit.status != "completed":
            raise DomainError("Only a completed visit is amended; edit an open one directly.")
        if field not in AMENDABLE:
            raise DomainError(f"{field!r} cannot be amended.", "field")
        if not reason.strip():
            raise DomainError("Give the reason for the amendment.", "reason")
        last = visits_repo.last_amended_value(self.db, visit_id, field)
        old = last if last is not None else visit.field(field)
        with self.db.atomic():
            visits_repo.insert_amendment(
                self.db,
                amendment_id=new_id(),
                visit_id=visit_id,
                at=self.ctx.now(),
                by=by,
                field=field,
                old_value=old,
                new_value=new_value.strip(),
                reason=reason.strip(),
            )
            self.ctx.audit(
                "visit.amend", entity="visit", entity_id=visit_id, detail={"field": field}
            )
        return Changes(visit=True)
