"""The visit in progress as the screens see it: who, which patient, which visit, which step."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from console.context import SignedIn

# The visit's steps in order; Records and Settings sit apart from them.
VISIT_STEPS = ("signin", "patient", "screening", "consent", "prep", "plan", "treat", "finish")


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

    def set_visit(self, visit_id: str | None) -> None:
        self.visit_id = visit_id
        self.visit_changed.emit(visit_id)
