"""Clinic-wide lists: patients due or overdue for their next session, and the day log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from console.data import protocol_repo, records_repo
from console.data.store import Db
from console.model.protocol import SeriesPlan
from console.model.records import DayLogEntry as DayLogEntry  # re-exported
from console.records import series as series_mod
from console.settings.clinic_time import clinic_zone, local_day


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


def _plans(db: Db) -> dict[int, SeriesPlan]:
    return {v: protocol_repo.get(db, v).series for v in protocol_repo.versions(db)}


def due_list(
    db: Db, *, today: date, days_ahead: int = 7, overdue_up_to_days: int = 182
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
    since = datetime.combine(lo, time(0), tzinfo=UTC)
    before = datetime.combine(hi, time(0), tzinfo=UTC)
    out: list[DueEntry] = []
    for c in records_repo.last_completed_visits(db, since, before):
        plan = plans[c.protocol_version]
        last = local_day(c.started_at, zone)
        if c.series_number is None:  # unnumbered (older data): count the chain instead
            days, numbers = _patient_days(db, c.patient_id, zone)
        else:
            days, numbers = [last], [c.series_number]
        st = series_mod.status(
            days,
            numbers,
            plan,
            today=today,
            protocol_version=c.protocol_version,
            due_window_days=days_ahead,
        )
        if st.state not in ("due", "overdue") or st.next_due is None:
            continue
        late = (today - st.next_due).days
        if late > overdue_up_to_days:
            continue
        out.append(
            DueEntry(
                c.patient_id,
                c.full_name,
                c.phone,
                c.email,
                last,
                st.done,
                st.sessions_planned,
                st.next_due,
                st.state,
                max(0, late),
            )
        )
    out.sort(key=lambda e: (e.state == "overdue", e.days_overdue, e.next_due, e.patient_name))
    return out


def _patient_days(db: Db, patient_id: str, zone: ZoneInfo) -> tuple[list[date], list[int | None]]:
    days = [local_day(at, zone) for at in records_repo.completed_visit_starts(db, patient_id)]
    numbers: list[int | None] = [None] * len(days)
    return days, numbers


def day_log(db: Db, day: date) -> dict[str, list[DayLogEntry]]:
    """The visits started on ``day`` (clinic time), grouped by practitioner name."""
    zone = clinic_zone(db)
    start = datetime.combine(day, time(0), tzinfo=zone)
    end = start + timedelta(days=1)
    out: dict[str, list[DayLogEntry]] = {}
    for entry in records_repo.visits_started_between(db, start, end):
        out.setdefault(entry.practitioner, []).append(entry)
    return out
