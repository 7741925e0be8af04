"""The aftercare sheet: timeline of rules in local time, the PDF, its archive and calendar file.

Public API (no Qt): ``build_sheet``, ``sample_record``, ``create_handout``,
``archived_handout``, ``record_print``, ``next_session_ics``, ``save_visit_ics``.
"""

from __future__ import annotations

from console.aftercare.archive import (
    HandoutInfo,
    archived_handout,
    create_handout,
    existing_handout,
    read_verified,
    record_print,
)
from console.aftercare.content import Clinic
from console.aftercare.ics import next_session_ics, save_visit_ics
from console.aftercare.sample import sample_record
from console.aftercare.sheet import build_sheet

__all__ = [
    "Clinic",
    "HandoutInfo",
    "archived_handout",
    "build_sheet",
    "create_handout",
    "existing_handout",
    "next_session_ics",
    "read_verified",
    "record_print",
    "sample_record",
    "save_visit_ics",
]
