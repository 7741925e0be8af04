from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from console.context import AppContext
from console.data import audit_repo, protocol_repo
from console.errors import DomainError
from console.model.protocol import default_body
from console.protocol.edit import ProtocolInvalid, save, validate


def _body() -> dict[str, Any]:
    return copy.deepcopy(default_body())


def _index(body: dict[str, Any], section: str, item_id: str) -> int:
    return next(i for i, x in enumerate(body[section]) if x["id"] == item_id)


def _messages(body: dict[str, Any]) -> dict[tuple[str | int, ...], str]:
    return {p.path: p.message for p in validate(body)}


def test_shipped_defaults_are_valid() -> None:
    assert validate(default_body()) == []


def test_zone_range_beyond_every_allowed_device_is_refused_naming_the_widest() -> None:
    body = _body()
    z = _index(body, "zones", "cheeks")
    body["zones"][z]["typical"]["acne_scars"] = [1.0, 3.5]
    problems = _messages(body)
    message = problems[("zones", z, "typical", "acne_scars")]
    assert "outside every device" in message and "Dermapen 4" in message and "0.2–3 mm" in message


def test_zone_range_inside_only_the_deepest_device_is_accepted() -> None:
    # 2.8 mm is beyond SkinPen's 2.5 but Dermapen 4 reaches it: a typical range is zone
    # advice, and the device maximum still blocks the entry at a SkinPen visit.
    body = _body()
    z = _index(body, "zones", "back")
    body["zones"][z]["typical"]["stretch_marks"] = [1.0, 2.8]
    assert validate(body) == []


def test_zone_range_checks_only_devices_that_may_treat_the_zone() -> None:
    body = _body()
    d = _index(body, "devices", "dermapen-4")
    body["devices"][d]["excluded_zones"].append("back")
    z = _index(body, "zones", "back")
    body["zones"][z]["typical"]["stretch_marks"] = [1.0, 2.8]
    message = _messages(body)[("zones", z, "typical", "stretch_marks")]
    assert "SkinPen" in message or "Generic" in message


def test_device_limits_min_max_step_and_typing_slip() -> None:
    body = _body()
    sp = _index(body, "devices", "skinpen-precision")
    body["devices"][sp]["max_mm"] = 25  # a tenfold slip
    dp = _index(body, "devices", "dermapen-4")
    body["devices"][dp]["min_mm"] = 3.0  # min == max
    g = _index(body, "devices", "generic-pen")
    body["devices"][g]["step_mm"] = 0.3  # 0.25–2.5 is 2.25 mm: not a multiple of 0.3
    problems = _messages(body)
    assert "typing slip" in problems[("devices", sp, "max_mm")]
    assert problems[("devices", dp, "max_mm")] == (
        "The deepest depth must be more than the shallowest."
    )
    assert "not a whole number of 0.3 mm steps" in problems[("devices", g, "step_mm")]
    body["devices"][g]["step_mm"] = 0
    assert _messages(body)[("devices", g, "step_mm")] == "The step must be at least 0.01 mm."


def test_empty_texts_duplicate_names_and_ids() -> None:
    body = _body()
    body["zones"][1]["name"] = "  "
    body["zones"][2]["name"] = body["zones"][0]["name"].upper()  # "FOREHEAD" = "Forehead"
    body["aftercare_rules"][1]["id"] = body["aftercare_rules"][0]["id"]
    body["red_flags"].append("")
    problems = _messages(body)
    assert problems[("zones", 1, "name")] == "The zone name cannot be empty."
    assert "already used (row 1)" in problems[("zones", 2, "name")]
    assert "used twice" in problems[("aftercare_rules", 1, "id")]
    assert "cannot be empty" in problems[("red_flags", len(body["red_flags"]) - 1)]


def test_contraindication_kinds_waiting_lengths_and_prompts() -> None:
    body = _body()
    iso = _index(body, "contraindications", "isotretinoin_recent")
    body["contraindications"][iso]["wait"] = {}
    cold = _index(body, "contraindications", "cold_sores")
    body["contraindications"][cold]["prompt"] = ""
    body["contraindications"][0]["kind"] = "maybe"
    problems = _messages(body)
    assert problems[("contraindications", iso, "wait")] == (
        "A waiting period needs its length (e.g. 6 months)."
    )
    assert problems[("contraindications", cold, "prompt")] == "The prompt cannot be empty."
    assert "hard stop" in problems[("contraindications", 0, "kind")]


def test_aftercare_from_before_until_and_series_limits() -> None:
    body = _body()
    body["aftercare_rules"][0]["until_h"] = 0  # from 0 until 0
    body["series"]["interval_weeks"] = 60
    body["series"]["sessions"] = 0
    body["cartridge_types"][0]["needle_count"] = 0
    body["cartridge_types"][1]["gtin"] = "12345678901234"  # bad check digit
    problems = _messages(body)
    assert problems[("aftercare_rules", 0, "until_h")] == "The end must come after the start."
    assert problems[("series", "interval_weeks")] == "The interval must be between 1 and 52."
    assert problems[("series", "sessions")] == "The number of sessions must be between 1 and 20."
    assert "between 1 and 100" in problems[("cartridge_types", 0, "needle_count")]
    assert "check digit" in problems[("cartridge_types", 1, "gtin")]
    body["cartridge_types"][1]["gtin"] = "09506000134352"  # GS1's example GTIN
    assert ("cartridge_types", 1, "gtin") not in _messages(body)


def test_damaged_document_gives_problems_not_exceptions() -> None:
    assert validate([]) and validate({})
    body = _body()
    body["zones"][0]["typical"]["general"] = ["a", None]
    body["devices"][0]["max_mm"] = "2.5"
    problems = _messages(body)
    assert problems[("zones", 0, "typical", "general")].startswith("A typical range is two")
    assert problems[("devices", 0, "max_mm")] == "The deepest depth must be a number."


def test_save_makes_a_new_version_with_an_audit_row_and_keeps_the_old_body(
    ctx: AppContext, staff: list[str]
) -> None:
    before = protocol_repo.current(ctx.db)
    body = _body()
    body["series"]["interval_weeks"] = 5
    saved = save(ctx, body, note="clinic prefers 5 weeks")
    assert saved.version == before.version + 1
    assert protocol_repo.current(ctx.db).series.interval_weeks == 5
    # The old version, which visits done under it point at, is exactly as it was.
    assert protocol_repo.get(ctx.db, before.version).body == before.body
    assert protocol_repo.get(ctx.db, before.version).series.interval_weeks == 7
    body["series"]["interval_weeks"] = 9  # the editor keeps editing its dict
    assert protocol_repo.get(ctx.db, saved.version).series.interval_weeks == 5
    row = audit_repo.rows(ctx.db, limit=1)[0]
    assert row["action"] == "protocol.version" and row["practitioner_id"] == staff[0]
    detail = json.loads(row["detail"])
    assert detail["version"] == saved.version and detail["changes"] == {"series": True}


def test_save_refuses_invalid_and_unchanged_and_non_admins(
    ctx: AppContext, staff: list[str]
) -> None:
    versions = ctx.db.execute("SELECT COUNT(*) FROM protocol_versions").fetchone()[0]
    body = _body()
    body["zones"][0]["name"] = ""
    with pytest.raises(ProtocolInvalid) as refused:
        save(ctx, body)
    assert str(refused.value) == "Zones › forehead › name: The zone name cannot be empty."
    assert [p.path for p in refused.value.problems] == [("zones", 0, "name")]
    with pytest.raises(DomainError, match="Nothing has changed"):
        save(ctx, _body())
    ctx.practitioner_id = staff[1]  # a practitioner, not an admin
    changed = _body()
    changed["series"]["sessions"] = 4
    with pytest.raises(DomainError, match="Only an admin"):
        save(ctx, changed)
    assert ctx.db.execute("SELECT COUNT(*) FROM protocol_versions").fetchone()[0] == versions
    assert not [r for r in audit_repo.rows(ctx.db) if r["action"] == "protocol.version"]


def test_zone_limit_must_be_a_positive_depth_above_every_typical_range() -> None:
    body = _body()
    z = _index(body, "zones", "cheeks")
    body["zones"][z]["max_mm"] = 1.5
    message = _messages(body)[("zones", z, "max_mm")]
    assert (
        message
        == "The limit of 1.5 mm is below the typical range for Acne scars, which goes to 2 mm."
    )
    body["zones"][z]["max_mm"] = 0
    assert _messages(body)[("zones", z, "max_mm")] == "The zone's limit must be a depth above 0 mm."
    body["zones"][z]["max_mm"] = "deep"
    assert _messages(body)[("zones", z, "max_mm")] == "The zone's limit must be a number."
    body["zones"][z]["max_mm"] = 2.0
    assert validate(body) == []
