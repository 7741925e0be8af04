"""Reads the screens make about one visit (its record, its archived sheet): no SQL here,
so the UI reaches the repositories through the domain, never around it."""

from __future__ import annotations

from console.aftercare.archive import HandoutInfo, existing_handout
from console.context import AppContext
from console.data import visits_repo
from console.model.visit_record import VisitRecord


def visit_record(ctx: AppContext, visit_id: str) -> VisitRecord:
    """The whole visit as recorded (areas, passes, cartridges, amendments)."""
    return visits_repo.load_record(ctx.db, visit_id)


def archived_sheet(ctx: AppContext, visit_id: str) -> HandoutInfo | None:
    """The sheet handed over for the visit (the latest archived), or None if none was."""
    return existing_handout(ctx, visit_id)
