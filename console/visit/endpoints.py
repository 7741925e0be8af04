"""The clinical endpoints an area can record, and the words people read for them.

One table: the schema's CHECK constraint on treated_areas.endpoint allows exactly these ids,
the protocol check refuses others, and the screens and sheets name them with these words.
"""

from __future__ import annotations

ENDPOINT_WORDS: dict[str, str] = {
    "erythema": "Erythema",
    "pinpoint_bleeding": "Pinpoint bleeding",
    "none": "None",
}
ENDPOINT_IDS: tuple[str, ...] = tuple(ENDPOINT_WORDS)


def endpoint_word(endpoint: str | None) -> str:
    """What to print for an area's endpoint ("not recorded" when none was)."""
    return ENDPOINT_WORDS.get(endpoint or "", "not recorded")
