"""The .ics file for the recommended next session opens in a calendar on the right day."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from console.aftercare import next_session_ics, sample_record
from console.errors import DomainError
from console.model.protocol import default_body, from_body

CLINIC = {
    "clinic.name": "Lumen Skin Clinic",
    "clinic.address": "12 Harbour Street\nBristol BS1 4QA",
    "clinic.phone": "0117 496 0123",
    "clinic.booking_url": "https://lumen-skin.example/book",
    "clinic.timezone": "Europe/London",
}


def test_next_session_event_on_recommended_day() -> None:
    protocol = from_body(1, default_body())
    record = sample_record(protocol, ended_at=datetime(2026, 11, 24, 14, 0, tzinfo=UTC))
    data = next_session_ics(record, protocol, CLINIC)
    assert data == next_session_ics(record, protocol, CLINIC)  # same visit, same file
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert event.decoded("dtstart") == date(2027, 1, 12)
    assert event.decoded("dtend") == date(2027, 1, 13)
    assert (
        str(event["summary"]) == "Microneedling session 2 of 3 at Lumen Skin Clinic (recommended)"
    )
    assert "call 0117 496 0123 or book at https://lumen-skin.example/book" in str(
        event["description"]
    )
    assert str(event["location"]) == "12 Harbour Street, Bristol BS1 4QA"


def test_no_event_after_last_session() -> None:
    protocol = from_body(1, default_body())
    record = sample_record(protocol, series_number=3)
    with pytest.raises(DomainError, match="series is complete"):
        next_session_ics(record, protocol, CLINIC)
