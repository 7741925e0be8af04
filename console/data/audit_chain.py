"""The audit trail's hash chain: how one row's hash is computed from the row and the one before.

This encoding is a stored format: every hash already in a database was computed with it, so it
is never changed (a new encoding would need a new column and a migration that re-chains).
"""

from __future__ import annotations

import hashlib
import json

# The "previous hash" of the first row.
GENESIS = "0" * 64

# The columns a row's hash covers, in this order; ``hash`` itself is not among them.
COLUMNS = ("seq", "at", "practitioner_id", "action", "entity", "entity_id", "detail")


def row_hash(
    previous: str,
    seq: int,
    at: str,
    practitioner_id: str | None,
    action: str,
    entity: str,
    entity_id: str,
    detail: str,
) -> str:
    """SHA-256 (hex) of the previous row's hash followed by this row as a compact JSON array.

    JSON gives every value an unambiguous boundary (no "ab"+"c" = "a"+"bc"), and ``seq`` is
    covered so a row cannot be moved to another place in the trail.
    """
    payload = json.dumps(
        [seq, at, practitioner_id, action, entity, entity_id, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256((previous + payload).encode("utf-8")).hexdigest()
