"""Visits as plain dicts (the `visits` command's JSON): areas with their passes, in order."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


def visits_as_dicts(
    db: Database, *, patient_id: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Visits oldest first (newest ``limit`` when given), each with its areas and passes.

    Passes are objects ``{number, started_at, ended_at, duration_s, depth_mm, direction}``;
    an area's ``depth_mm`` is its planned depth, a pass's the depth it was done at.
    """
    where, params = ("WHERE v.patient_id = ?", [patient_id]) if patient_id else ("", [])
    sql = (
        "SELECT v.id, v.patient_id, p.full_name, v.started_at, v.ended_at, v.status "
        f"FROM visits v JOIN patients p ON p.id = v.patient_id {where} "
        "ORDER BY v.started_at DESC, v.id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    visits = [
        {"id": r[0], "patient_id": r[1], "patient_name": r[2], "started_at": r[3],
         "ended_at": r[4], "status": r[5], "areas": []}
        for r in db.execute(sql, params)
    ]  # fmt: skip
    visits.reverse()
    by_id = {v["id"]: v for v in visits}
    if not by_id:
        return visits
    areas: dict[str, dict[str, Any]] = {}
    ids = list(by_id)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in db.execute(
            "SELECT id, visit_id, zone_id, zone_name, depth_mm, endpoint FROM treated_areas "
            f"WHERE visit_id IN ({marks}) ORDER BY visit_id, position",
            chunk,
        ):
            area = {"zone": r[2], "zone_name": r[3], "depth_mm": r[4], "endpoint": r[5],
                    "passes": []}  # fmt: skip
            areas[r[0]] = area
            by_id[r[1]]["areas"].append(area)
        for r in db.execute(
            "SELECT area_id, number, started_at, ended_at, duration_s, depth_mm, direction "
            f"FROM passes WHERE visit_id IN ({marks}) ORDER BY area_id, number",
            chunk,
        ):
            areas[r[0]]["passes"].append(
                {
                    "number": r[1],
                    "started_at": r[2],
                    "ended_at": r[3],
                    "duration_s": r[4],
                    "depth_mm": r[5],
                    "direction": r[6],
                }
            )
    return visits
