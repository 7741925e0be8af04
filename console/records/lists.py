"""Clinic-wide lists: patients due or overdue for their next session, and the day log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from console.clinic_time import clinic_zone, local_day
from console.clock import iso, parse_iso
from console.data import protocol_repo
from console.protocol import SeriesPlan
from console.records import series as series_mod


@dataclass(frozen=True)
class DueEntry:
    patient_id: str
    patient_name: str
    phone: str
    email: str
    last_visit: date
    done: int
    sessions_planned: int
    next_due: date
    state: str  # due / overdue
    days_overdue: int


def _plans(db: Database) -> dict[int, SeriesPlan]:
    versions = [int(r[0]) for r in db.execute("SELECT version FROM protocol_versions")]
    return {v: protocol_repo.get(db, v).series for v in versions}


def due_list(
    db: Database, *, today: date, days_ahead: int = 7, overdue_up_to_days: int = 182
) -> list[DueEntry]:
    """Patients whose next session is due within ``days_ahead`` or overdue (by at most
    ``overdue_up_to_days``: older ones have lapsed and belong to a recall campaign instead).

    Due ones first (soonest first), then overdue ones, the most recently lapsed first: they
    are the likeliest to book again.
    """
    plans = _plans(db)
    if not plans:
        return []
    zone = clinic_zone(db)
    weeks = [p.interval_weeks for p in plans.values()]
    # Candidates: the last completed visit falls in the window any plan could make due.
    lo = today - timedelta(weeks=max(weeks), days=overdue_up_to_days + 1)
    hi = today - timedelta(weeks=min(weeks)) + timedelta(days=days_ahead + 1)
    lo_iso = iso(datetime.combine(lo, time(0), tzinfo=UTC))
    hi_iso = iso(datetime.combine(hi, time(0), tzinfo=UTC))
    rows = db.execute(
        "SELECT v.patient_id, v.started_at, v.series_number, v.protocol_version, "
        "p.full_name, p.phone, p.email FROM visits v JOIN patients p ON p.id = v.patient_id "
        "WHERE v.status = 'completed' AND v.started_at >= ? AND v.started_at < ? "
        "AND p.anonymised_at IS NULL AND NOT EXISTS (SELECT 1 FROM visits w "
        "  WHERE w.patient_id = v.patient_id AND w.started_at > v.started_at "
        "  AND w.status IN ('completed', 'open'))",
        [lo_iso, hi_iso],
    ).fetchall()
    out: list[DueEntry] = []
    for pid, started, number, version, name, phone, email in rows:
        plan = plans[int(version)]
        last = local_day(parse_iso(started), zone)
        if number is None:  # unnumbered (older data): count the chain of sessions instead
            days, numbers = _patient_days(db, pid, zone)
        else:
            days, numbers = [last], [number]
        st = series_mod.status(days, numbers, plan, today=today, protocol_version=int(version),
                               due_window_days=days_ahead)  # fmt: skip
        if st.state not in ("due", "overdue") or st.next_due is None:
            continue
        late = (today - st.next_due).days
        if late > overdue_up_to_days:
            continue
        out.append(DueEntry(pid, name, phone, email, last, st.done, st.sessions_planned,
                            st.next_due, st.state, max(0, late)))  # fmt: skip
    out.sort(key=lambda e: (e.state == "overdue", e.days_overdue, e.next_due, e.patient_name))
    return out


def _patient_days(
    db: Database, patient_id: str, zone: ZoneInfo
) -> tuple[list[date], list[int | None]]:
    days = [
        local_day(parse_iso(r[0]), zone)
        for r in db.execute(
            "SELECT started_at FROM visits WHERE patient_id = ? AND status = 'completed' "
            "ORDER BY started_at",
            [patient_id],
        )
    ]
    numbers: list[int | None] = [None] * len(days)
    return days, numbers


@dataclass(frozen=True)
class DayLogEntry:
    visit_id: str
    practitioner_id: str
    practitioner: str
    patient_id: str
    patient_name: str
    started_at: datetime
    ended_at: datetime | None
    status: str
    areas: int
    passes: int
    seconds: float


def day_log(db: Database, day: date) -> dict[str, list[DayLogEntry]]:
    """The visits started on ``day`` (clinic time), grouped by practitioner name."""
    zone = clinic_zone(db)
    start = datetime.combine(day, time(0), tzinfo=zone)
    end = start + timedelta(days=1)
    rows = db.execute(
        "SELECT v.id, v.practitioner_id, pr.display_name, v.patient_id, p.full_name, "
        "v.started_at, v.ended_at, v.status, "
        "(SELECT COUNT(*) FROM treated_areas a WHERE a.visit_id = v.id) "
        "FROM visits v JOIN patients p ON p.id = v.patient_id "
        "JOIN practitioners pr ON pr.id = v.practitioner_id "
        "WHERE v.started_at >= ? AND v.started_at < ? ORDER BY pr.display_name, v.started_at",
        [iso(start), iso(end)],
    ).fetchall()
    out: dict[str, list[DayLogEntry]] = {}
    for r in rows:
        n_passes, secs = db.execute(
            "SELECT COUNT(*), COALESCE(SUM(duration_s), 0) FROM passes WHERE visit_id = ?", [r[0]]
        ).fetchone()
        out.setdefault(r[2], []).append(
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
                int(n_passes),
                float(secs),
            )
        )
    return out
