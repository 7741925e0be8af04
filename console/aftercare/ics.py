"""A calendar file (.ics) for the recommended next session, for the patient's own calendar."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event

from console.aftercare.content import Clinic, build_content, texts_for
from console.context import AppContext
from console.data import protocol_repo, settings_repo, visits_repo
from console.errors import DomainError
from console.files.private import audit_or_remove, write_private
from console.model.protocol import Protocol
from console.model.visit_record import VisitRecord


def next_session_ics(
    record: VisitRecord,
    protocol: Protocol,
    clinic: Mapping[str, Any] | Clinic,
    *,
    language: str | None = None,
) -> bytes:
    """An all-day event on the recommended date (the time is agreed when booking), in the
    patient's language like the sheet.

    Raises DomainError once the planned series is complete: there is no next date to suggest.
    """
    details, t = texts_for(record, clinic, language)
    content = build_content(record, protocol, details, texts=t)
    series = content.series
    if series.next_date is None:
        raise DomainError("The planned series is complete: there is no next session to suggest.")
    how = []
    if details.phone:
        how.append(t("ics.call", phone=details.phone))
    if details.booking_url:
        how.append(t("ics.book", url=details.booking_url))
    booking = f" {t('ics.or')} ".join(how) if how else t("ics.contact")
    if series.session_number is None:
        summary = t("ics.summary", clinic=details.name)
    else:
        summary = t(
            "ics.summary_numbered",
            clinic=details.name,
            number=series.session_number + 1,
            sessions=series.sessions,
        )

    cal = Calendar()
    cal.add("prodid", "-//Treatment Room Console//Aftercare//EN")
    cal.add("version", "2.0")
    event = Event()
    # Same visit, same file: the uid and stamp come from the visit, not from "now".
    event.add("uid", f"{record.id}-next-session@treatment-room-console")
    event.add("dtstamp", content.visit_end)
    event.add("dtstart", series.next_date)
    event.add("dtend", series.next_date + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", t("ics.description", weeks=series.interval_weeks, booking=booking))
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
