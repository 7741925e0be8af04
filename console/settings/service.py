"""Clinic and room settings: checked field by field, saved together, every change audited.

Clinic-wide keys live in the database; this PC's room keys (``room.ROOM_KEYS``) in its room
file. Callers ask for a key and never need to know which.

The logo is checked and copied by ``logo``; its path is what is stored here.
"""

from __future__ import annotations

import logging
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from console.context import AppContext
from console.data import settings_repo
from console.errors import DomainError
from console.files.private import NotWritten
from console.protocol.edit import can_edit, require_admin
from console.settings import room
from console.settings.logo import branding_dir, check_logo, store_logo

PAPERS = ("A4", "Letter")
# What the clinic edits here; ui.geometry and the like are saved by their own screens.
EDITABLE = (
    "clinic.name",
    "clinic.address",
    "clinic.phone",
    "clinic.website",
    "clinic.booking_url",
    "clinic.logo_path",
    "clinic.timezone",
    "clinic.paper",
    "clinic.locale",
    "clinic.language",
    "room.printer",
    "keys.pass_toggle",
    "keys.next_area",
    "keys.previous_area",
    "keys.lock",
    "room.idle_lock_minutes",
    "room.font_scale",
    "room.name",
    "consent.valid_months",
    "consent.renew",
)
KEY_SETTINGS = ("keys.pass_toggle", "keys.next_area", "keys.previous_area", "keys.lock")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ()./\-]+$")
log = logging.getLogger(__name__)

__all__ = [
    "EDITABLE",
    "PAPERS",
    "SettingsInvalid",
    "can_edit",
    "check",
    "check_logo",
    "get",
    "get_all",
    "put_room",
    "room_file",
    "save",
    "save_window_geometry",
    "window_geometry",
]


def get(ctx: AppContext, key: str) -> Any:
    """One setting's value: the saved one, else its default (an unknown key is a KeyError)."""
    if room.is_room_key(key):
        return room.load(ctx, check_value).values[key]
    return settings_repo.get(ctx.db, key)


def get_all(ctx: AppContext) -> dict[str, Any]:
    """Every setting, defaults filled in."""
    return {**settings_repo.get_all(ctx.db), **room.load(ctx, check_value).values}


@dataclass(frozen=True)
class RoomFile:
    """Where this PC keeps its room settings, and '' or why that file is not used."""

    path: Path
    problem: str


def room_file(ctx: AppContext) -> RoomFile:
    state = room.load(ctx, check_value)
    return RoomFile(state.path, state.problem)


def window_geometry(ctx: AppContext) -> str | None:
    """Where the window was on this room's monitor (Qt's saveGeometry, base64), if saved."""
    saved = get(ctx, "ui.geometry")
    return str(saved) if saved else None


def save_window_geometry(ctx: AppContext, geometry: str) -> None:
    """Remember the window's place in the room file. Not audited: it is the room's layout,
    not clinic data, and it is saved on every close, signed in or not. A file that cannot be
    written only costs the layout, so it is logged, never raised at close."""
    try:
        room.store(ctx, {"ui.geometry": geometry}, check_value)
    except NotWritten as exc:
        log.warning("the window's place was not saved: %s", exc.message)


def put_room(ctx: AppContext, key: str, value: Any, audit: Callable[[], None]) -> None:
    """Write one room setting (already checked) with its audit row (``audit`` calls
    ``ctx.audit``): both or neither, the file put back if the transaction fails."""
    with room.transaction(ctx, check_value) as write:
        audit()
        write({key: value})


class SettingsInvalid(DomainError):
    """Refused: ``problems`` maps each setting key to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        key, message = next(iter(problems.items()))
        super().__init__(message, field=key)
        self.problems = problems


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def timezones() -> list[str]:
    return sorted(_zones())


def _text(value: Any, limit: int, *, required: str = "") -> tuple[Any, str]:
    if not isinstance(value, str):
        return value, "This must be text."
    value = value.strip()
    if required and not value:
        return value, required
    if len(value) > limit:
        return value, f"Keep it under {limit} characters."
    return value, ""


def _phone(value: Any) -> tuple[Any, str]:
    value, problem = _text(value, 40)
    if problem or not value:
        return value, problem
    digits = sum(c.isdigit() for c in value)
    if not _PHONE_CHARS.match(value):
        return value, "Use digits, spaces and + ( ) - only."
    if not 6 <= digits <= 17:
        return value, "A phone number has 6 to 17 digits."
    return " ".join(value.split()), ""


def _url(value: Any) -> tuple[Any, str]:
    value, problem = _text(value, 300)
    if problem or not value:
        return value, problem
    if "://" not in value:
        value = "https://" + value  # people type "www.clinic.co.uk"
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or " " in value:
        return value, "Give a web address starting with https://."
    if "." not in host or host.startswith(".") or host.endswith("."):
        return value, "This does not look like a web address (e.g. www.clinic.co.uk)."
    return value, ""


def _locale(value: Any) -> tuple[Any, str]:
    from babel import Locale, UnknownLocaleError

    message = "Choose how dates are written, e.g. en_GB (25 Nov, 15:40) or en_US (Nov 25, 3:40 PM)."
    if not isinstance(value, str) or not value.strip():
        return value, message
    code = value.strip().replace("-", "_")
    try:
        parsed = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return value, message
    # The sheet's sentences are English: only the English date conventions fit in them.
    if parsed.language != "en":
        return value, message
    return code, ""


def _number(value: Any, lo: float, hi: float, label: str, *, whole: bool) -> tuple[Any, str]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value, f"{label} must be a number."
    if whole and value != int(value):
        return value, f"{label} must be a whole number."
    if not lo <= value <= hi:
        return value, f"{label} must be between {lo:g} and {hi:g}."
    return (int(value) if whole else float(value)), ""


def check_value(key: str, value: Any) -> tuple[Any, str]:
    """The value as it would be stored (tidied), and a message if it is refused ('' if not)."""
    if key == "clinic.name":
        return _text(value, 120, required="The clinic needs a name: it heads every sheet.")
    if key == "clinic.address":
        return _text(value, 500)
    if key == "clinic.phone":
        return _phone(value)
    if key in ("clinic.website", "clinic.booking_url"):
        return _url(value)
    if key == "clinic.timezone":
        if not isinstance(value, str) or value.strip() not in _zones():
            return value, "Choose a time zone from the list (e.g. Europe/London)."
        return value.strip(), ""
    if key == "clinic.locale":
        return _locale(value)
    if key == "clinic.language":
        return _language(value)
    if key == "clinic.paper":
        return value, "" if value in PAPERS else "Choose A4 or Letter."
    if key == "clinic.logo_path":
        if value in ("", None):
            return "", ""
        try:
            check_logo(Path(str(value)))
        except DomainError as exc:
            return value, exc.message
        return str(value), ""
    if key == "room.printer":
        return _text(value, 200)
    if key in KEY_SETTINGS:
        return _text(value, 40, required="Press the key or pedal to use.")
    if key == "room.idle_lock_minutes":
        return _number(value, 1, 60, "The idle lock", whole=True)
    if key == "room.font_scale":
        return _number(value, 0.8, 2.0, "The type size", whole=False)
    if key == "room.name":
        return _text(value, 60)
    if key == "consent.valid_months":
        return _number(value, 1, 120, "Consent validity (months)", whole=True)
    if key == "consent.renew":
        ok = value in ("months", "series")
        return value, "" if ok else "Renew after the period, or also at each new series."
    return value, "This setting cannot be changed here."


def _language(value: Any) -> tuple[Any, str]:
    from console.texts import languages as language_texts

    if value in ("", None):
        return "", ""
    try:
        return language_texts.normalise_code(str(value)), ""
    except DomainError as exc:
        return value, exc.message


def check(
    values: dict[str, Any], current: dict[str, Any] | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """Tidied values and the problems per key (empty when everything may be saved).

    Values equal to ``current`` (what is stored) are not checked again: a logo file removed
    behind the console's back must not block saving the phone number.
    """
    tidy: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for key, value in values.items():
        if current is not None and key in current and current[key] == value:
            tidy[key] = value
            continue
        tidy[key], problem = check_value(key, value)
        if problem:
            problems[key] = problem
    # One pedal must not do two things: the second key of a pair is the one flagged.
    seen: dict[str, str] = {}
    for key in KEY_SETTINGS:
        if key in tidy and key not in problems:
            name = str(tidy[key]).casefold()
            if name in seen:
                problems[key] = f"Already used for {_KEY_LABELS[seen[name]]}."
            else:
                seen[name] = key
    return tidy, problems


_KEY_LABELS = {
    "keys.pass_toggle": "start/stop pass",
    "keys.next_area": "next area",
    "keys.previous_area": "previous area",
    "keys.lock": "lock screen",
}


# -- saving ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Saved:
    changed: tuple[str, ...]
    values: dict[str, Any]
    notice: str = ""  # e.g. an unusable room file was kept aside


def save(ctx: AppContext, values: dict[str, Any]) -> Saved:
    """Save what changed among ``values``; all or nothing, one audit row per changed key.
    Room keys go to this PC's room file, the rest to the database."""
    require_admin(ctx)
    old = get_all(ctx)
    tidy, problems = check(values, old)
    if problems:
        raise SettingsInvalid(problems)
    changed = {k: v for k, v in tidy.items() if old.get(k) != v}
    room_changes = {k: v for k, v in changed.items() if room.is_room_key(k)}
    logo_move: tuple[Path, Path] | None = None
    if changed.get("clinic.logo_path"):
        logo_move = store_logo(ctx, Path(changed["clinic.logo_path"]))
        changed["clinic.logo_path"] = str(logo_move[1])
    notice = ""
    try:
        with room.transaction(ctx, check_value) as write_room:
            for key, value in changed.items():
                detail = {"key": key, "old": old.get(key), "new": value}
                if key in room_changes:
                    detail["stored"] = "room file"  # this PC's, not the clinic's
                else:
                    settings_repo.put(ctx.db, key, value, now=ctx.now(), by=ctx.practitioner_id)
                ctx.audit("settings.change", entity="settings", entity_id=key, detail=detail)
            if room_changes:
                notice = write_room(room_changes).notice
    except NotWritten as exc:
        if logo_move is not None:
            logo_move[0].unlink(missing_ok=True)
        raise DomainError(
            f"Nothing was saved: this PC's room settings file could not be written "
            f"({exc.reason}: {exc.path}).",
            next(iter(room_changes), None),
        ) from exc
    except BaseException:
        if logo_move is not None:
            logo_move[0].unlink(missing_ok=True)
        raise
    if logo_move is not None:
        tmp, final = logo_move
        for stale in branding_dir(ctx).glob("logo.*"):
            if stale != final:
                stale.unlink(missing_ok=True)  # a PNG replaced by a JPEG leaves no orphan
        tmp.replace(final)
    elif changed.get("clinic.logo_path") == "":
        for stale in branding_dir(ctx).glob("logo.*"):
            stale.unlink(missing_ok=True)  # archived sheets keep their own copy in the PDF
    return Saved(changed=tuple(changed), values={**old, **changed}, notice=notice)
