"""Aftercare rules become the patient's own local dates and times, right across DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from console.aftercare import timeline
from console.model.protocol import AftercareRule, default_body, from_body

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def rule(from_h: float, until_h: float | None, text: str = "No makeup.") -> AftercareRule:
    return AftercareRule(id="r", section="avoid", text=text, from_h=from_h, until_h=until_h)


def when(visit_end_local: datetime, r: AftercareRule) -> str:
    (entry,) = timeline.build_timeline((r,), visit_end_local, visit_end_local.tzinfo)  # type: ignore[arg-type]
    return timeline.when_text(entry)


@pytest.mark.parametrize(
    ("zone", "end_local", "expected"),
    [
        # Saturday before the autumn change: 24 h of real time end an hour earlier on the clock.
        (LONDON, datetime(2026, 10, 24, 15, 40), "Until Sun 25 Oct, 14:40"),
        (NEW_YORK, datetime(2026, 10, 31, 15, 40), "Until Sun 1 Nov, 14:40"),
        # Saturday before the spring change: an hour later on the clock.
        (LONDON, datetime(2026, 3, 28, 15, 40), "Until Sun 29 Mar, 16:40"),
        (NEW_YORK, datetime(2026, 3, 7, 15, 40), "Until Sun 8 Mar, 16:40"),
        # An ordinary day: same clock time the next day.
        (LONDON, datetime(2026, 11, 24, 15, 40), "Until Wed 25 Nov, 15:40"),
    ],
)
def test_until_24h_across_dst(zone: ZoneInfo, end_local: datetime, expected: str) -> None:
    end = end_local.replace(tzinfo=zone)
    assert when(end, rule(0, 24)) == expected
    # Exactly 24 h of elapsed time, whatever the clock on the wall says.
    (entry,) = timeline.build_timeline((rule(0, 24),), end, zone)
    assert entry.ends is not None
    assert (entry.ends.astimezone(UTC) - end.astimezone(UTC)).total_seconds() == 24 * 3600


def test_visit_end_given_in_utc_is_shown_in_clinic_time() -> None:
    end = datetime(2026, 7, 1, 14, 40, tzinfo=UTC)  # 15:40 BST
    (entry,) = timeline.build_timeline((rule(0, 24),), end, LONDON)
    assert timeline.when_text(entry) == "Until Thu 2 Jul, 15:40"


def test_rule_starting_later_says_from_and_until() -> None:
    end = datetime(2026, 11, 24, 15, 40, tzinfo=LONDON)
    assert when(end, rule(24, 336)) == "From Wed 25 Nov, 15:40 until Tue 8 Dec, 15:40"
    assert when(end, rule(24, None)) == "From Wed 25 Nov, 15:40"
    assert when(end, rule(0, None)) == "From now on"


def test_entries_ordered_as_lived() -> None:
    end = datetime(2026, 11, 24, 15, 40, tzinfo=LONDON)
    rules = (rule(24, 336, "sunscreen"), rule(0, 48, "gentle"), rule(0, 24, "makeup"))
    texts = [e.text for e in timeline.build_timeline(rules, end, LONDON)]
    assert texts == ["makeup", "gentle", "sunscreen"]


def test_us_locale_uses_12_hour_clock() -> None:
    end = datetime(2026, 11, 24, 15, 40, tzinfo=NEW_YORK)
    (entry,) = timeline.build_timeline((rule(0, 24),), end, NEW_YORK)
    text = timeline.when_text(entry, "en_US")
    assert text.startswith("Until Wed Nov 25, 3:40") and text.endswith("PM")
    assert timeline.format_long_date(date(2027, 1, 12), "en_US") == "Tuesday, January 12, 2027"


def test_next_session_is_interval_weeks_after_local_day() -> None:
    # 23:30 UTC on 24 Nov is already 25 Nov in Sydney: the local day counts.
    end = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    assert timeline.next_session_date(end, 7, ZoneInfo("Australia/Sydney")) == date(2027, 1, 13)
    assert timeline.next_session_date(end, 7, LONDON) == date(2027, 1, 12)


def test_unknown_timezone_prints_in_utc_like_every_other_date(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # One resolver (console/settings/clinic_time.py): Settings refuses an unknown zone when
    # typed; one that is stored anyway gives UTC and a warning, on the sheet as on every screen.
    with caplog.at_level("WARNING", logger="console.settings.clinic_time"):
        assert timeline.clinic_zone("Mars/Olympus_Mons") == ZoneInfo("UTC")
    assert "Mars/Olympus_Mons" in caplog.text


def test_shipped_rules_all_get_times() -> None:
    protocol = from_body(1, default_body())
    end = datetime(2026, 11, 24, 15, 40, tzinfo=LONDON)
    entries = timeline.build_timeline(protocol.aftercare_rules, end, LONDON)
    assert len(entries) == len(protocol.aftercare_rules)
    assert all(timeline.when_text(e) for e in entries)
