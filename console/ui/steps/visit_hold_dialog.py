"""Opening a visit another room holds (issue 13): say which room and since when, and take it
over only when the practitioner confirms (No is the default)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from console.context import AppContext
from console.ui.widgets import common as widgets
from console.visit import holding
from console.visit.holding import HeldElsewhere
from console.visit.session import VisitSession


class TakeOver:
    @classmethod
    def ask(cls, parent: QWidget | None, held: HeldElsewhere) -> bool:
        """Whether to take the visit over; tests replace this."""
        return widgets.Confirm.ask(
            parent,
            QCoreApplication.translate("VisitHold", "Another room has this visit open"),
            held.message
            + " "
            + QCoreApplication.translate(
                "VisitHold",
                "Take it over only if that room is no longer working on it: "
                "it will not be able to save anything more to this visit.",
            ),
            QCoreApplication.translate("VisitHold", "Take it over"),
        )


def resume_here(parent: QWidget | None, ctx: AppContext, visit_id: str) -> VisitSession:
    """Resume the visit in this room; when another room holds it, ask to take it over.
    Declining raises the refusal (its sentence names the room and since when)."""
    try:
        return VisitSession.resume(ctx, visit_id)
    except HeldElsewhere as held:
        if not TakeOver.ask(parent, held):
            raise
        return VisitSession.resume(ctx, visit_id, take_over=True)


def leave(ctx: AppContext, visit_id: str) -> None:
    """This room goes to another patient: the visit it leaves is free for any room."""
    holding.release(ctx, visit_id)
