"""Recording a visit as it happens; every clinically relevant event is committed at once.

The service is the only writer of visit data. Each public method is one transaction with
its audit row, so a crash or power cut loses at most the action that was under way.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from console.clock import iso, parse_iso
from console.context import AppContext
from console.data import audit_repo, protocol_repo, screening_repo
from console.errors import DomainError, NotFound
from console.protocol import Protocol
from console.visit import screening
from console.visit.prep import PrepMixin
from console.visit.storage import guarded
from console.visit.treatment import TreatmentMixin

STEPS = ("screening", "consent", "prep", "plan", "treat", "finish")
AMENDABLE = ("notes", "adverse_events")


class VisitService(PrepMixin, TreatmentMixin):
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.db = ctx.db

    # -- helpers shared by the mixins -------------------------------------------------------
    def _visit(self, visit_id: str) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM visits WHERE id = ?", [visit_id]))
        if not rows:
            raise NotFound(f"No visit {visit_id}.")
        return dict(rows[0])

    def _open_visit(self, visit_id: str) -> dict[str, Any]:
        visit = self._visit(visit_id)
        if visit["status"] == "completed":
            raise DomainError("This visit is completed and locked: corrections are amendments.")
        if visit["status"] == "stopped":
            raise DomainError("This visit was stopped and cannot be continued.")
        return visit

    def protocol_for(self, visit_id: str) -> Protocol:
        return protocol_repo.get(self.db, int(self._visit(visit_id)["protocol_version"]))

    def _audit(self, action: str, entity: str, entity_id: str, **detail: Any) -> None:
        audit_repo.record(
            self.db, at=self.ctx.now(), by=self.ctx.practitioner_id, action=action,
            entity=entity, entity_id=entity_id, detail=detail,
        )  # fmt: skip

    def _new_id(self) -> str:
        return str(uuid.uuid4())

    # -- lifecycle --------------------------------------------------------------------------
    def open_visit_for(self, patient_id: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM visits WHERE patient_id = ? AND status = 'open' "
            "ORDER BY started_at DESC LIMIT 1",
            [patient_id],
        ).fetchone()
        return str(row[0]) if row else None

    @guarded
    def start_visit(self, patient_id: str) -> str:
        by = self.ctx.require_practitioner()
        if not self.db.execute("SELECT 1 FROM patients WHERE id = ?", [patient_id]).fetchone():
            raise NotFound("That patient is not in this database.")
        if self.open_visit_for(patient_id):
            raise DomainError("This patient already has a visit in progress: resume it instead.")
        protocol = protocol_repo.current(self.db)
        visit_id = self._new_id()
        now = self.ctx.now()
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO visits (id, patient_id, practitioner_id, protocol_version, status, "
                "step, series_number, started_at) VALUES (?, ?, ?, ?, 'open', 'screening', ?, ?)",
                [visit_id, patient_id, by, protocol.version,
                 self._series_number(patient_id, protocol), iso(now)],
            )  # fmt: skip
            self._audit("visit.start", "visit", visit_id, patient_id=patient_id)
        return visit_id

    def _series_number(self, patient_id: str, protocol: Protocol) -> int:
        """Which session of the series this is; a gap over twice the interval starts anew."""
        gap = timedelta(weeks=2 * protocol.series.interval_weeks)
        ends = [
            parse_iso(r[0])
            for r in self.db.execute(
                "SELECT ended_at FROM visits WHERE patient_id = ? AND status = 'completed' "
                "ORDER BY ended_at DESC",
                [patient_id],
            )
        ]
        number, previous = 1, self.ctx.now()
        for end in ends:
            if previous - end > gap:
                break
            number += 1
            previous = end
        return number

    def set_step(self, visit_id: str, step: str) -> None:
        if step not in STEPS:
            raise DomainError(f"Unknown step {step!r}.")
        self._open_visit(visit_id)
        self.db.execute("UPDATE visits SET step = ? WHERE id = ?", [step, visit_id])

    @guarded
    def stop_visit(self, visit_id: str, reason: str) -> None:
        """End a visit without treatment (a hard stop, the patient left …); kept on record."""
        if not reason.strip():
            raise DomainError("Say why the visit is stopped.", "reason")
        self._open_visit(visit_id)
        if self.db.execute("SELECT 1 FROM passes WHERE visit_id = ?", [visit_id]).fetchone():
            raise DomainError("Passes were recorded: finish the visit instead of stopping it.")
        with self.db.atomic():
            self.db.execute(
                "UPDATE visits SET status = 'stopped', stop_reason = ?, ended_at = ? WHERE id = ?",
                [reason.strip(), iso(self.ctx.now()), visit_id],
            )
            self.db.execute(
                "DELETE FROM running_passes WHERE area_id IN "
                "(SELECT id FROM treated_areas WHERE visit_id = ?)",
                [visit_id],
            )
            self._audit("visit.stop", "visit", visit_id, reason=reason.strip())

    # -- screening --------------------------------------------------------------------------
    @guarded
    def answer_screening(self, visit_id: str, answers: list[screening.Answer]) -> screening.Outcome:
        """Store the whole checklist as answered today; replaces earlier answers of this visit."""
        by = self.ctx.require_practitioner()
        self._open_visit(visit_id)
        protocol = self.protocol_for(visit_id)
        outcome = screening.evaluate(protocol, answers, self.ctx.today())
        findings = {f.item.id: f for f in outcome.findings}
        now = iso(self.ctx.now())
        with self.db.atomic():
            self.db.execute("DELETE FROM screening_answers WHERE visit_id = ?", [visit_id])
            for item in protocol.contraindications:
                screening_repo.insert_answer(
                    self.db, visit_id=visit_id, item_id=item.id, item_text=item.text,
                    kind=item.kind, answer=next(a for a in answers if a.item_id == item.id),
                    finding=findings.get(item.id), answered_at=now, by=by,
                )  # fmt: skip
            if outcome.can_proceed:
                self.db.execute("UPDATE visits SET step = 'consent' WHERE id = ?", [visit_id])
            self._audit(
                "visit.screening", "visit", visit_id, can_proceed=outcome.can_proceed,
                blocking=[f.item.id for f in outcome.blocking],
            )  # fmt: skip
        return outcome

    def screening_passed(self, visit_id: str) -> bool:
        row = self.db.execute(
            "SELECT COUNT(*), SUM(kind = 'hard_stop' AND answer = 'yes'), "
            "SUM(safe_from IS NOT NULL AND safe_from > ?) "
            "FROM screening_answers WHERE visit_id = ?",
            [self.ctx.today().isoformat(), visit_id],
        ).fetchone()
        return (
            bool(row[0])
            and not any(row[1:])
            and screening_repo.clearances_and_prompts_pass(self.db, visit_id)
        )

    # -- finish -----------------------------------------------------------------------------
    @guarded
    def complete(self, visit_id: str, *, notes: str = "", adverse_events: str = "") -> None:
        """Lock the visit. From here on, corrections are dated amendments."""
        self._open_visit(visit_id)
        if self.db.execute(
            "SELECT 1 FROM running_passes r JOIN treated_areas a ON a.id = r.area_id "
            "WHERE a.visit_id = ?",
            [visit_id],
        ).fetchone():
            raise DomainError("A pass is still running: stop it first.")
        if not self.db.execute("SELECT 1 FROM passes WHERE visit_id = ?", [visit_id]).fetchone():
            raise DomainError("No pass was recorded: stop the visit instead of completing it.")
        missing = self.db.execute(
            "SELECT zone_name FROM treated_areas a WHERE visit_id = ? AND endpoint IS NULL "
            "AND EXISTS (SELECT 1 FROM passes p WHERE p.area_id = a.id) ORDER BY position",
            [visit_id],
        ).fetchall()
        if missing:
            names = ", ".join(r[0] for r in missing)
            raise DomainError(f"Record the endpoint for: {names}.", "endpoint")
        now = iso(self.ctx.now())
        with self.db.atomic():
            self.db.execute(
                "UPDATE visits SET status = 'completed', step = 'finish', notes = ?, "
                "adverse_events = ?, ended_at = ?, completed_at = ? WHERE id = ?",
                [notes.strip(), adverse_events.strip(), now, now, visit_id],
            )
            self._audit("visit.complete", "visit", visit_id)

    @guarded
    def amend(self, visit_id: str, field: str, new_value: str, reason: str) -> None:
        """A dated correction of a completed visit; the original stays as it was."""
        by = self.ctx.require_practitioner()
        visit = self._visit(visit_id)
        if visit["status"] != "completed":
            raise DomainError("Only a completed visit is amended; edit an open one directly.")
        if field not in AMENDABLE:
            raise DomainError(f"{field!r} cannot be amended.", "field")
        if not reason.strip():
            raise DomainError("Give the reason for the amendment.", "reason")
        last = self.db.execute(
            "SELECT new_value FROM amendments WHERE visit_id = ? AND field = ? "
            "ORDER BY at DESC, rowid DESC LIMIT 1",
            [visit_id, field],
        ).fetchone()
        old = last[0] if last else visit[field]
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO amendments (id, visit_id, at, by, field, old_value, new_value, "
                "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [self._new_id(), visit_id, iso(self.ctx.now()), by, field, old,
                 new_value.strip(), reason.strip()],
            )  # fmt: skip
            self._audit("visit.amend", "visit", visit_id, field=field)
