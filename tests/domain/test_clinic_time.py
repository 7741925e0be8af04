"""One clinic time zone resolver: every caller gets the same zone for the same setting."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from console.access import auth
from console.aftercare import timeline
from console.clock import FakeClock, iso
from console.context import AppContext
from console.data.db import open_database
from console.files import backup
from console.records import history
from console.settings import clinic_time
from console.settings.service import check_value

# 23:30 UTC on 24 Nov is 25 Nov in Sydney and 24 Nov in UTC.
LATE = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)


def _ctx(zone: str) -> AppContext:
    db = open_database(None)
    # Stored as an older database or a hand edit would hold it (Settings refuses it).
    db.execute(
        "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, NULL)",
        ["clinic.timezone", json.dumps(zone), iso(LATE)],
    )
    return AppContext(db=db, db_path=None, clock=FakeClock(LATE))


def test_known_zone_is_the_clinics_day_everywhere() -> None:
    ctx = _ctx("Australia/Sydney")
    assert ctx.today() == date(2026, 11, 25)
    assert clinic_time.local_day(LATE, history.clinic_zone(ctx.db)) == date(2026, 11, 25)
    assert backup._local_date(ctx, LATE) == date(2026, 11, 25)
    assert auth._local_time(ctx.db, LATE) == "10:30"


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "", "   ", "../etc/passwd"])
def test_unknown_or_empty_zone_is_utc_for_every_caller(
    zone: str, caplog: pytest.LogCaptureFixture
) -> None:
    clinic_time._warned.clear()
    ctx = _ctx(zone)
    with caplog.at_level("WARNING", logger="console.settings.clinic_time"):
        assert ctx.timezone() == ZoneInfo("UTC")
        assert ctx.today() == date(2026, 11, 24)
        assert history.clinic_zone(ctx.db) == ZoneInfo("UTC")
        assert backup._local_date(ctx, LATE) == date(2026, 11, 24)
        assert auth._local_time(ctx.db, LATE) == "23:30"
        assert timeline.clinic_zone(zone) == ZoneInfo("UTC")
    warnings = [r for r in caplog.records if r.name == "console.settings.clinic_time"]
    assert len(warnings) == 1  # once per name, not on every date shown
    assert "Settings" in warnings[0].getMessage()


def test_settings_refuses_an_unknown_zone_when_typed() -> None:
    assert check_value("clinic.timezone", "Mars/Olympus_Mons")[1]
    assert check_value("clinic.timezone", "")[1]
    assert check_value("clinic.timezone", "Europe/London") == ("Europe/London", "")
