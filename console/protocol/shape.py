"""The size of a protocol library document: text lengths, list lengths, nesting, magnitudes.

Checked before anything reads the library's meaning, and without recursion, so an oversized or
deeply nested document costs one linear walk and is refused with the places that are too big.
"""

from __future__ import annotations

import math
from typing import Any

from console.protocol import bounds as bounds

PathT = tuple[str | int, ...]

# Keys whose text is a name (printed in table cells); ids are short keys; the rest is text.
_NAME_KEYS = frozenset({"name", "plain_name", "region", "directions"})
_ID_KEYS = frozenset({"id", "device_id", "excluded_zones"})
# Past this many, the report names no more places: the file is refused either way.
MAX_REPORTED = 20
# No value in a library is anywhere near this (depths are mm, times are hours or weeks).
MAX_MAGNITUDE = 1_000_000


def _text_limit(key: str | None) -> tuple[int, str]:
    if key in _ID_KEYS:
        return bounds.MAX_ID, "An id"
    if key in _NAME_KEYS:
        return bounds.MAX_NAME, "A name"
    return bounds.MAX_TEXT, "A text"


def problems(body: Any) -> list[tuple[PathT, str]]:
    """Every place where ``body`` is too big (at most ``MAX_REPORTED`` and a last summary)."""
    found: list[tuple[PathT, str]] = []
    # (value, its path, the key it sits under, how deep it is)
    stack: list[tuple[Any, PathT, str | None, int]] = [(body, (), None, 0)]
    while stack and len(found) <= MAX_REPORTED:
        value, path, key, depth = stack.pop()
        if isinstance(value, str):
            limit, what = _text_limit(key)
            if len(value) > limit:
                found.append((path, f"{what} here may be at most {limit} characters."))
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, (int, float)):
            if isinstance(value, float) and not math.isfinite(value):
                found.append((path, "This must be a number."))
            elif abs(value) > MAX_MAGNITUDE:
                found.append((path, "This number is far too large for a protocol."))
        elif isinstance(value, (list, dict)):
            if depth >= bounds.MAX_NESTING:
                found.append((path, "The document is nested too deeply here."))
                continue
            limit = bounds.MAX_ITEMS.get(key or "", bounds.MAX_ENTRIES)
            limit = limit if depth == 1 else bounds.MAX_ENTRIES  # sections sit at depth 1
            if len(value) > limit:
                found.append((path, f"At most {limit} entries are allowed here."))
                continue
            children = value.items() if isinstance(value, dict) else enumerate(value)
            for k, child in children:
                if isinstance(value, dict) and len(str(k)) > bounds.MAX_ID:
                    found.append((path, f"A key here may be at most {bounds.MAX_ID} characters."))
                    continue
                child_key = k if isinstance(k, str) else key  # list items take their list's key
                stack.append((child, (*path, k), child_key, depth + 1))
    more = len(found) > MAX_REPORTED
    # The walk goes depth-first from the end: list the places top to bottom, as in the file.
    found = sorted(found[:MAX_REPORTED], key=lambda p: [str(s).zfill(8) for s in p[0]])
    if more:
        found.append(((), "More places are too large; the first ones are listed above."))
    return found
