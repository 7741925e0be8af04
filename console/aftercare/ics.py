"""A calendar file (.ics) for the recommended next session, for the patient's own calendar."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event

from console.aftercare.content import Clinic, build_content
from console.context import AppContext
from console.data import protocol_repo, settings_repo, visits_repo
from console.errors import DomainError
from console.private_files import audit_or_remove, write_private
from console.protocol import Protocol
from console.visit_record import VisitRecord


def next_session_ics(
    record: VisitRecord, protocol: Protocol, clinic: Mapping[str, Any] | Clinic
) -> bytes:
    """An all-day event on the recommended date (the time is agreed when booking).

    Raises DomainError once the planned series is complete: there is no next date to suggest.
    """
    details = clinic if isinstance(clinic, Clinic) else Clinic.from_settings(clinic)
    content = build_content(record, protocol, details)
    series = content.series
    if series.next_date is None:
        raise DomainError("The planned series is complete: there is no next session to suggest.")
    number = "" if series.session_number is None else f" {series.session_number + 1}"
    of = "" if series.session_number is None else f" of {series.sessions}"
    how = []
    if details.phone:
        how.append(f"call {details.phone}")
    if details.booking_url:
        how.append(f"book at {details.booking_url}")
    booking = " or ".join(how) if how else "contact the clinic"

    cal = Calendar()
    cal.add("prodid", "-//Treatment Room Console//Aftercare//EN")
    cal.add("version", "2.0")
    event = Event()
    # Same visit, same file: the uid and stamp come from the visit, not from "now".
    event.add("uid", f"{record.id}-next-session@treatment-room-console")
    event.add("dtstamp", content.visit_end)
    event.add("dtstart", series.next_date)
    event.add("dtend", series.next_date + timedelta(days=1))
    event.add("summary", f"Microneedling session{number}{of} at {details.name} (recommended)")
    event.add(
        "description",
        f"Recommended date for your next microneedling session ({series.interval_weeks} weeks "
        f"after the last one). To fix a time, {booking}.",
    )
    if details.address:
        event.add("location", details.address.replace("\n", ", "))
    if details.booking_url:
        event.add("url", details.booking_url)
    event.add("transp", "TRANSPARENT")  # a suggestion, not a booked slot: leave the day free
    cal.add_component(event)
    return bytes(cal.to_ical())


def save_visit_ics(ctx: AppContext, visit_id: str, path: Path) -> Path:
    """Write the .ics of a stored visit to ``path`` (whole, private: it names the patient's
    clinic and date) with its audit row; the file is removed if the row cannot be written."""
    record = visits_repo.load_record(ctx.db, visit_id)
    protocol = protocol_repo.get(ctx.db, record.protocol_version)
    write_private(path, next_session_ics(record, protocol, settings_repo.get_all(ctx.db)))
    audit_or_remove(
        path, lambda: ctx.audit("handout.ics_export", entity="visit", entity_id=visit_id)
    )
    return path
