"""The visit in progress as the screens see it: who, which patient, which visit, which step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from console.visit.steps import BEFORE_VISIT, STEPS

if TYPE_CHECKING:  # the services load after the first paint (see test_first_paint_imports)
    from console.context import AppContext, SignedIn
    from console.visit.session import VisitSession

# The screens in the visit's order (the visit's own steps come from the domain); Records and
# Settings sit apart from them.
VISIT_STEPS = BEFORE_VISIT + STEPS


class VisitFlow(QObject):
    """Shared state of the visit; screens change it, the main window follows it."""

    step_requested = Signal(str)
    practitioner_changed = Signal(object)  # id or None
    patient_changed = Signal(object)  # id or None
    visit_changed = Signal(object)  # id or None
    # Every successful sign-in or unlock, even by the person already signed in: rights are
    # read again then (practitioner_changed fires only when the person changes).
    signed_in = Signal(str)

    def __init__(self, signed_in: SignedIn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signed_in = signed_in  # the context's: who is signed in lives there only
        self.patient_id: str | None = None
        self.visit_id: str | None = None
        # The open visit's session (its services and running pass), handed to the step screens.
        self.session: VisitSession | None = None

    def go(self, step: str) -> None:
        self.step_requested.emit(step)

    @property
    def practitioner_id(self) -> str | None:
        return self._signed_in.practitioner_id

    def set_practitioner(self, practitioner_id: str | None) -> None:
        self._signed_in.practitioner_id = practitioner_id
        self.practitioner_changed.emit(practitioner_id)

    def set_patient(self, patient_id: str | None) -> None:
        self.patient_id = patient_id
        self.patient_changed.emit(patient_id)

    def set_visit(self, visit_id: str | None, session: VisitSession | None = None) -> None:
        """Follow ``visit_id``; its session is ``session``, else kept if it is the same visit's."""
        if session is not None and session.visit_id != visit_id:
            raise ValueError("the session is another visit's")
        if session is not None or self.session is None or self.session.visit_id != visit_id:
            self.session = session
        self.visit_id = visit_id
        self.visit_changed.emit(visit_id)

    def session_for(self, ctx: AppContext) -> VisitSession | None:
        """The open visit's session; resumed here when the visit was set without one."""
        if self.visit_id is None:
            return None
        if self.session is None or self.session.visit_id != self.visit_id:
            from console.visit.session import VisitSession

            self.session = VisitSession(ctx, self.visit_id)
        return self.session
