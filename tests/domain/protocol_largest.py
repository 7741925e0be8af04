"""The largest protocol library the bounds allow: every list full, every text at its limit.

Used by the bounds tests (it must pass the check, and a sheet from it must build) and by
``bench/bench_protocol_bounds.py`` (how long that sheet takes).
"""

from __future__ import annotations

import copy
from typing import Any

from console.model.protocol import default_body
from console.protocol import bounds as bounds

# Words of mixed length and script, with one unbroken run: what wraps worst in a table cell.
_WORDS = "Sonnenschutz täglich auftragen, никаких кремов, 避免日晒 Hautpflegeroutineanpassung "


def text(length: int, n: int) -> str:
    """Unique text of exactly ``length`` characters (item ``n``)."""
    head = f"{n:03d} "
    body = (_WORDS * (length // len(_WORDS) + 1))[: length - len(head)]
    return head + body


def largest_body() -> dict[str, Any]:
    body = copy.deepcopy(default_body())
    concerns = [
        {"id": f"c{i:02d}", "name": text(bounds.MAX_NAME, i)}
        for i in range(bounds.MAX_ITEMS["concerns"])
    ]
    concerns[0]["id"] = "general"
    body["concerns"] = concerns
    body["directions"] = [text(bounds.MAX_NAME, i) for i in range(bounds.MAX_ITEMS["directions"])]
    for d in body["devices"]:
        d["name"] = text(bounds.MAX_NAME, len(d["id"]) + 100 * body["devices"].index(d))
        d["warning"] = text(bounds.MAX_TEXT, 0)
    body["zones"] = [
        {
            "id": f"zone-{i:02d}",
            "name": text(bounds.MAX_NAME, i),
            "plain_name": text(bounds.MAX_NAME, i + 500),
            "region": text(bounds.MAX_NAME, 0),
            # Within the shallowest device of the defaults, so every device may treat it.
            "typical": {c["id"]: [0.25, 1.0] for c in concerns},
            "note": text(bounds.MAX_TEXT, i),
            "target_passes": bounds.TARGET_PASSES[1],
        }
        for i in range(bounds.MAX_ITEMS["zones"])
    ]
    body["aftercare_rules"] = [
        {
            "id": f"rule-{i:02d}",
            "section": ("avoid", "care")[i % 2],
            "from_h": 0 if i % 3 else i,
            "until_h": float(bounds.MAX_AFTERCARE_HOURS) if i % 2 else None,
            "text": text(bounds.MAX_TEXT, i),
        }
        for i in range(bounds.MAX_ITEMS["aftercare_rules"])
    ]
    body["what_to_expect"] = [
        text(bounds.MAX_TEXT, i) for i in range(bounds.MAX_ITEMS["what_to_expect"])
    ]
    body["red_flags"] = [text(bounds.MAX_TEXT, i) for i in range(bounds.MAX_ITEMS["red_flags"])]
    body["series"] = {
        "sessions": bounds.SERIES_SESSIONS[1],
        "interval_weeks": bounds.SERIES_INTERVAL_WEEKS[1],
        "maintenance": text(bounds.MAX_TEXT, 0),
    }
    return body


def largest_sheet_inputs() -> tuple[Any, Any]:
    """A visit that treated every zone of the largest library, and that library."""
    from console.aftercare import sample_record
    from console.model.protocol import from_body

    protocol = from_body(1, largest_body())
    record = sample_record(
        protocol,
        patient_name=text(bounds.MAX_NAME, 1),
        zone_ids=tuple(z.id for z in protocol.zones),
        series_number=bounds.SERIES_SESSIONS[1],
    )
    return record, protocol
