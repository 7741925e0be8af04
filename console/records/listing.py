"""Visits as plain dicts (the `visits` command's JSON): areas with their passes, in order."""

from __future__ import annotations

from typing import Any

from console.data import records_repo
from console.data.store import Db


def visits_as_dicts(
    db: Db, *, patient_id: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Visits oldest first (newest ``limit`` when given), each with its areas and passes.

    Passes are objects ``{number, started_at, ended_at, duration_s, depth_mm, direction}``;
    an area's ``depth_mm`` is its planned depth, a pass's the depth it was done at.
    """
    return records_repo.visits_as_dicts(db, patient_id=patient_id, limit=limit)
