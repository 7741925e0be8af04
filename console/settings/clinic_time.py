"""The clinic's time zone: the one resolver every date people read goes through.

Behaviour on an unknown or empty zone name (decided once, for every caller): Settings refuses
such a name when it is typed (``settings_service.check_value``), so one can only come from an
older database or a hand-edited file. Reading it then falls back to UTC, and the log says so
once per name: a sheet, a lock message or a backup day a few hours off is better than a
console that cannot show a record, and the warning tells whoever looks after the PC why.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.data.store import Db

log = logging.getLogger(__name__)

FALLBACK = "UTC"
SETTING = "clinic.timezone"

_warned: set[str] = set()


def zone_named(name: str) -> ZoneInfo:
    """The zone called ``name``; UTC (with one logged warning per name) when it is unknown."""
    try:
        if name.strip():
            return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        pass
    if name not in _warned:
        _warned.add(name)
        log.warning(
            "clinic time zone %r is not known: dates are shown in %s until one is chosen "
            "in Settings",
            name,
            FALLBACK,
        )
    return ZoneInfo(FALLBACK)


def clinic_zone(db: Db) -> ZoneInfo:
    """The clinic's zone as set in Settings (``clinic.timezone``), resolved by ``zone_named``."""
    from console.data import settings_repo

    return zone_named(str(settings_repo.get(db, SETTING) or ""))


def local_day(at: datetime, zone: ZoneInfo) -> date:
    """The clinic's calendar day of a stored UTC time."""
    return at.astimezone(zone).date()
