"""A completed visit written straight into the schema, for the aftercare sheet's tests.

Rows are inserted as the visit service would leave them at the end of a visit, so these tests
do not depend on the whole treatment flow.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from console.clock import iso
from console.context import AppContext
from console.data import patients_repo, protocol_repo


def insert_completed_visit(
    ctx: AppContext,
    *,
    patient_name: str = "Zoë Łukasz-Nguyễn",
    ended_at: datetime | None = None,
    zones: tuple[str, ...] = ("cheeks", "forehead"),
    series_number: int = 1,
    status: str = "completed",
) -> str:
    """A visit that ended at ``ended_at`` (default: the clock's now); returns its id."""
    assert ctx.practitioner_id, "use the staff fixture: a visit needs a practitioner"
    db, by = ctx.db, ctx.practitioner_id
    end = ended_at or ctx.now()
    start = end - timedelta(minutes=45)
    protocol = protocol_repo.current(db)
    patient = patients_repo.insert(
        db,
        full_name=patient_name,
        date_of_birth=date(1988, 3, 9),
        phone="07700 900123",
        now=start,
        by=by,
    )
    visit_id = str(uuid.uuid4())
    done = status == "completed"
    db.execute(
        "INSERT INTO visits (id, patient_id, practitioner_id, protocol_version, status, step, "
        "device_id, series_number, skin_cleansed_at, started_at, ended_at, completed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            visit_id,
            patient,
            by,
            protocol.version,
            "open",
            "treat",
            protocol.devices[0].id,
            series_number,
            iso(start),
            iso(start),
            None,
            None,
        ],
    )
    for position, zone_id in enumerate(zones):
        zone = protocol.zone(zone_id)
        area_id = str(uuid.uuid4())
        a_start = start + timedelta(minutes=10 + 12 * position)
        depth = float(zone.typical_range("general")[0])
        db.execute(
            "INSERT INTO treated_areas (id, visit_id, position, zone_id, zone_name, concern, "
            "depth_mm, target_passes, endpoint, started_at, ended_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                area_id,
                visit_id,
                position,
                zone.id,
                zone.name,
                "general",
                depth,
                3,
                "erythema",
                iso(a_start),
                iso(a_start + timedelta(minutes=9)),
            ],
        )
        for n in range(3):
            p_start = a_start + timedelta(minutes=3 * n)
            db.execute(
                "INSERT INTO passes (id, area_id, visit_id, number, started_at, ended_at, "
                "duration_s, depth_mm, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    str(uuid.uuid4()),
                    area_id,
                    visit_id,
                    n + 1,
                    iso(p_start),
                    iso(p_start + timedelta(seconds=150)),
                    150.0,
                    depth,
                    "vertical",
                ],
            )
    if status != "open":
        # Last, as the service does: a completed visit is locked by triggers.
        db.execute(
            "UPDATE visits SET status = ?, step = ?, ended_at = ?, completed_at = ? WHERE id = ?",
            [status, "finish", iso(end), iso(end) if done else None, visit_id],
        )
    db.conn.commit()
    return visit_id
