"""Which room holds an open visit (a visit is worked on in one room at a time)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Hold:
    visit_id: str
    room: str
    practitioner: str  # display name; "" when unknown
    since: datetime
    released_at: datetime | None

    @property
    def active(self) -> bool:
        return self.released_at is None
