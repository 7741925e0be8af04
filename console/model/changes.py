"""What a mutation changed, so a screen refreshes only that (as Anki's ``OpChanges``).

A mutation of the visit returns a ``Changes``; one that also makes something returns a
``Changed`` carrying it. Plain values, no Qt: the CLI may ignore them, screens read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    visit: bool = False  # the visit itself: status, step, device, notes, skin cleansed
    screening: bool = False  # the checklist answers
    prep: bool = False  # cartridges, gel, numbing cream
    plan: bool = False  # areas added or removed, or an area's depth
    passes: bool = False  # a pass recorded, started or stopped
    endpoint: bool = False  # an area's endpoint
    area_id: str | None = None  # the one area a change concerns, when only one

    def __or__(self, other: Changes) -> Changes:
        same_area = self.area_id if self.area_id == other.area_id else None
        return Changes(
            visit=self.visit or other.visit,
            screening=self.screening or other.screening,
            prep=self.prep or other.prep,
            plan=self.plan or other.plan,
            passes=self.passes or other.passes,
            endpoint=self.endpoint or other.endpoint,
            area_id=same_area,
        )

    @property
    def anything(self) -> bool:
        return any((self.visit, self.screening, self.prep, self.plan, self.passes, self.endpoint))


NOTHING = Changes()


@dataclass(frozen=True)
class Changed(Generic[T]):
    """A mutation's result (a new id, the stopped pass …) with what it changed."""

    value: T
    changes: Changes
