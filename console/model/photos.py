"""What the photo layer hands around: views, stored photos, a pair to compare."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

STAGES = ("before", "after", "follow_up")
STAGE_WORDS = {"before": "Before", "after": "After", "follow_up": "Follow-up"}


@dataclass(frozen=True)
class View:
    id: str
    name: str
    guide: str  # how to position the patient and the camera, in the room's words
    zone_id: str = ""  # the protocol zone it belongs to; "" for a general view
    retired: bool = False  # no longer offered for capture; its photos stay in the record


@dataclass(frozen=True)
class Photo:
    id: str
    patient_id: str
    visit_id: str | None
    view_id: str
    stage: str
    taken_at: datetime
    source: str
    width: int
    height: int
    path: str  # relative to the data folder; "" once erased
    sha256: str
    thumb_path: str
    screen_path: str


@dataclass(frozen=True)
class Pair:
    """Two photos of one view to show side by side or as an overlay (older first)."""

    view: View
    earlier: Photo
    later: Photo
