"""What Records reads about patients and their visits: details, visit summaries, screening
answers, the visits listing, the due list's candidates, the day log and lot recalls.

Set-based queries (not one per visit), so a patient with fifty visits opens in milliseconds.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from console.clock import iso, parse_iso
from console.data.store import Db
from console.model.records import (
    AreaSummary,
    DayLogEntry,
    HandoutRef,
    LastCompletedVisit,
    PatientDetails,
    RecallHit,
    ScreeningAnswerRow,
    VisitSummary,
)

# SQLite's variable limit: long id lists are queried in chunks of this many.
_CHUNK = 500


def patient_details(db: Db, patient_id: str) -> PatientDetails | None:
    row = db.execute(
        "SELECT id, full_name, date_of_birth, phone, email, fitzpatrick, allergies, notes, "
        "created_at, anonymised_at FROM patients WHERE id = ?",
        [patient_id],
    ).fetchone()
    if row is None:
        return None
    return PatientDetails(
        id=row[0],
        full_name=row[1],
        date_of_birth=date.fromisoformat(row[2]) if row[2] else None,
        phone=row[3],
        email=row[4],
        fitzpatrick=row[5],
        allergies=row[6],
        notes=row[7],
        created_at=parse_iso(row[8]),
        anonymised_at=parse_iso(row[9]) if row[9] else None,
    )


def _areas_by_visit(db: Db, patient_id: str) -> dict[str, list[AreaSummary]]:
    out: dict[str, list[AreaSummary]] = {}
    for r in db.execute(
        "SELECT a.visit_id, a.zone_id, a.zone_name, a.depth_mm, a.endpoint, "
        "COUNT(p.id), COALESCE(SUM(p.duration_s), 0), MAX(p.depth_mm) "
        "FROM visits v JOIN treated_areas a ON a.visit_id = v.id "
        "LEFT JOIN passes p ON p.area_id = a.id "
        "WHERE v.patient_id = ? GROUP BY a.id ORDER BY a.visit_id, a.position",
        [patient_id],
    ):
        out.setdefault(r[0], []).append(
            AreaSummary(
                zone_id=r[1],
                zone_name=r[2],
                planned_mm=float(r[3]),
                max_mm=float(r[7]) if r[7] is not None else float(r[3]),
                passes=int(r[5]),
                seconds=float(r[6]),
                endpoint=r[4],
            )
        )
    return out


def _handouts_by_visit(db: Db, patient_id: str) -> dict[str, list[HandoutRef]]:
    out: dict[str, list[HandoutRef]] = {}
    for r in db.execute(
        "SELECT h.id, h.visit_id, h.created_at, h.path, h.pages, h.paper FROM handouts h "
        "JOIN visits v ON v.id = h.visit_id WHERE v.patient_id = ? ORDER BY h.created_at",
        [patient_id],
    ):
        out.setdefault(r[1], []).append(
            HandoutRef(r[0], r[1], parse_iso(r[2]), r[3], int(r[4]), r[5])
        )
    return out


def visit_summaries(db: Db, patient_id: str) -> tuple[VisitSummary, ...]:
    """Every visit of the patient, oldest first, with its areas, amendments and handouts."""
    areas = _areas_by_visit(db, patient_id)
    handouts = _handouts_by_visit(db, patient_id)
    amendments = dict(
        db.execute(
            "SELECT a.visit_id, COUNT(*) FROM amendments a JOIN visits v ON v.id = a.visit_id "
            "WHERE v.patient_id = ? GROUP BY a.visit_id",
            [patient_id],
        ).fetchall()
    )
    return tuple(
        VisitSummary(
            id=r[0],
            started_at=parse_iso(r[1]),
            ended_at=parse_iso(r[2]) if r[2] else None,
            status=r[3],
            practitioner_name=r[4],
            series_number=r[5],
            protocol_version=int(r[6]),
            device_id=r[7],
            areas=tuple(areas.get(r[0], ())),
            amendments=int(amendments.get(r[0], 0)),
            handouts=tuple(handouts.get(r[0], ())),
        )
        for r in db.execute(
            "SELECT v.id, v.started_at, v.ended_at, v.status, pr.display_name, v.series_number, "
            "v.protocol_version, v.device_id FROM visits v "
            "JOIN practitioners pr ON pr.id = v.practitioner_id "
            "WHERE v.patient_id = ? ORDER BY v.started_at",
            [patient_id],
        )
    )


def screening_answers(db: Db, patient_id: str) -> list[ScreeningAnswerRow]:
    """Every screening answer the patient gave, newest visit first, as asked at the time."""
    return [
        ScreeningAnswerRow(r[0], parse_iso(r[1]), *r[2:])
        for r in db.execute(
            "SELECT s.visit_id, v.started_at, s.item_id, s.item_text, s.kind, s.answer, "
            "s.event_date, s.safe_from, s.note, pr.display_name, s.prompt_answer_text, "
            "s.cleared_by_name, s.cleared_by_role, s.clearance_method, s.cleared_on "
            "FROM screening_answers s "
            "JOIN visits v ON v.id = s.visit_id JOIN practitioners pr ON pr.id = s.answered_by "
            "WHERE v.patient_id = ? ORDER BY v.started_at DESC, s.rowid",
            [patient_id],
        ).fetchall()
    ]


def visits_as_dicts(
    db: Db, *, patient_id: str | None = None, limit: int | None = None
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
        {
            "id": r[0],
            "patient_id": r[1],
            "patient_name": r[2],
            "started_at": r[3],
            "ended_at": r[4],
            "status": r[5],
            "areas": [],
        }
        for r in db.execute(sql, params)
    ]
    visits.reverse()
    by_id = {v["id"]: v for v in visits}
    if not by_id:
        return visits
    areas: dict[str, dict[str, Any]] = {}
    ids = list(by_id)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for r in db.execute(
            "SELECT id, visit_id, zone_id, zone_name, depth_mm, endpoint FROM treated_areas "
            f"WHERE visit_id IN ({marks}) ORDER BY visit_id, position",
            chunk,
        ):
            area = {
                "zone": r[2],
                "zone_name": r[3],
                "depth_mm": r[4],
                "endpoint": r[5],
                "passes": [],
            }
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


def last_completed_visits(db: Db, since: datetime, before: datetime) -> list[LastCompletedVisit]:
    """Each patient's latest completed visit, when it started in [``since``, ``before``) and
    no later visit is open or completed; erased patients are left out."""
    return [
        LastCompletedVisit(r[0], parse_iso(r[1]), r[2], int(r[3]), r[4], r[5], r[6])
        for r in db.execute(
            "SELECT v.patient_id, v.started_at, v.series_number, v.protocol_version, "
            "p.full_name, p.phone, p.email FROM visits v JOIN patients p ON p.id = v.patient_id "
            "WHERE v.status = 'completed' AND v.started_at >= ? AND v.started_at < ? "
            "AND p.anonymised_at IS NULL AND NOT EXISTS (SELECT 1 FROM visits w "
            "  WHERE w.patient_id = v.patient_id AND w.started_at > v.started_at "
            "  AND w.status IN ('completed', 'open'))",
            [iso(since), iso(before)],
        ).fetchall()
    ]


def completed_visit_starts(db: Db, patient_id: str) -> list[datetime]:
    """When each of the patient's completed visits started, oldest first."""
    return [
        parse_iso(r[0])
        for r in db.execute(
            "SELECT started_at FROM visits WHERE patient_id = ? AND status = 'completed' "
            "ORDER BY started_at",
            [patient_id],
        )
    ]


def visits_started_between(db: Db, start: datetime, end: datetime) -> list[DayLogEntry]:
    """Visits started in [``start``, ``end``), by practitioner name then time, with counts."""
    rows = db.execute(
        "SELECT v.id, v.practitioner_id, pr.display_name, v.patient_id, p.full_name, "
        "v.started_at, v.ended_at, v.status, "
        "(SELECT COUNT(*) FROM treated_areas a WHERE a.visit_id = v.id), "
        "(SELECT COUNT(*) FROM passes s WHERE s.visit_id = v.id), "
        "(SELECT COALESCE(SUM(s.duration_s), 0) FROM passes s WHERE s.visit_id = v.id) "
        "FROM visits v JOIN patients p ON p.id = v.patient_id "
        "JOIN practitioners pr ON pr.id = v.practitioner_id "
        "WHERE v.started_at >= ? AND v.started_at < ? ORDER BY pr.display_name, v.started_at",
        [iso(start), iso(end)],
    ).fetchall()
    return [
        DayLogEntry(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            parse_iso(r[5]),
            parse_iso(r[6]) if r[6] else None,
            r[7],
            int(r[8]),
            int(r[9]),
            float(r[10]),
        )
        for r in rows
    ]


_USES = """
SELECT {source}, {product}, x.gtin, x.lot, {serial}, {expiry}, v.id, v.started_at, v.status,
       pr.display_name, p.id, p.full_name, p.date_of_birth, p.phone, p.email
FROM {table} x
JOIN visits v ON v.id = x.visit_id
JOIN patients p ON p.id = v.patient_id
JOIN practitioners pr ON pr.id = v.practitioner_id
WHERE x.lot = ? {gtin_clause}
"""


def lot_uses(db: Db, lot: str, gtin: str | None) -> list[RecallHit]:
    """Every cartridge and consumable of this exact lot (and GTIN when given), newest visit
    first, with the visit and the patient's contact details."""
    gtin_clause = "AND x.gtin = ?" if gtin else ""
    params: list[str] = [lot] + ([gtin] if gtin else [])
    cart = _USES.format(
        source="'cartridge'",
        product="x.cartridge_type_id",
        serial="x.serial",
        expiry="x.expiry",
        table="cartridges",
        gtin_clause=gtin_clause,
    )
    cons = _USES.format(
        source="x.kind",
        product="x.product",
        serial="NULL",
        expiry="NULL",
        table="consumables",
        gtin_clause=gtin_clause,
    )
    sql = f"{cart} UNION ALL {cons} ORDER BY 8 DESC"
    return [
        RecallHit(
            source=r[0],
            product=r[1],
            gtin=r[2],
            lot=r[3],
            serial=r[4],
            expiry=r[5],
            visit_id=r[6],
            visit_started_at=parse_iso(r[7]),
            visit_status=r[8],
            practitioner=r[9],
            patient_id=r[10],
            patient_name=r[11],
            date_of_birth=r[12],
            phone=r[13],
            email=r[14],
        )
        for r in db.execute(sql, params + params)
    ]
