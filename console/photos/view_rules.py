"""What a photo view the clinic writes must be: pure checks, no storage (used by the service)."""

from __future__ import annotations

import re
import unicodedata

from console.errors import DomainError

NAME_MAX = 40  # fits the capture list and the Records timeline heading
GUIDE_MAX = 300  # a short positioning guide, read aloud in the room
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{1,31}")


def clean_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise DomainError("Give the view a name (for example “Forearm, inner”).", "name")
    if len(name) > NAME_MAX:
        raise DomainError(f"A view name is at most {NAME_MAX} characters.", "name")
    return name


def clean_guide(text: str) -> str:
    guide = " ".join(text.split())
    if not guide:
        raise DomainError(
            "Write a short positioning guide: how the patient sits and where the camera is.",
            "guide",
        )
    if len(guide) > GUIDE_MAX:
        raise DomainError(f"A positioning guide is at most {GUIDE_MAX} characters.", "guide")
    return guide


def check_id(view_id: str) -> str:
    if not ID_PATTERN.fullmatch(view_id):
        raise DomainError(
            "A view id is 2 to 32 lower-case letters, digits or _ and starts with a letter "
            "(it is typed in scripts: photos import --view ID).",
            "id",
        )
    return view_id


def id_from_name(name: str, taken: set[str]) -> str:
    """A short word for scripts, made from the name, not yet used by another view."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")[:28]
    if not base or not base[0].isalpha():
        base = f"view_{base}".rstrip("_")
    if len(base) < 2:
        base = "view"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate
