"""This PC's room settings: which keys they are, their values from the room file (checked key
by key), writing them back, and the one-time copy from the database of a one-room install.

Clinic-wide settings stay in the database; ``service`` sends each key to the right place.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.context import AppContext
from console.data import settings_repo
from console.files import room_file
from console.files.private import NotWritten, write_private

log = logging.getLogger(__name__)

# What belongs to one PC: several rooms share the clinic's database but not these.
ROOM_KEYS = (
    "room.name",
    "room.printer",
    "room.photo_folder",
    "room.idle_lock_minutes",
    "room.font_scale",
    "keys.pass_toggle",
    "keys.next_area",
    "keys.previous_area",
    "keys.lock",
    "ui.geometry",
)

# service.check_value: passed in, since the service is the one that imports this module.
Check = Callable[[str, Any], tuple[Any, str]]

_told: set[tuple[Path, str]] = set()  # problems already logged (get() runs often)


def is_room_key(key: str) -> bool:
    return key in ROOM_KEYS


@dataclass(frozen=True)
class RoomState:
    path: Path
    saved: dict[str, Any]  # the room keys this PC has set, checked (no defaults)
    problem: str  # '' or why (part of) the file was not used

    @property
    def values(self) -> dict[str, Any]:
        """Every room key: what this PC saved, else the shipped default."""
        return {**{k: settings_repo.DEFAULTS[k] for k in ROOM_KEYS}, **self.saved}


def load(ctx: AppContext, check: Check) -> RoomState:
    found = room_file.read(ctx.room_file)
    if not found.exists:
        return RoomState(found.path, _adopt_legacy(ctx), "")
    saved: dict[str, Any] = {}
    wrong: list[str] = []
    for key in ROOM_KEYS:
        if key not in found.settings:
            continue
        value, problem = _check(check, key, found.settings[key])
        if problem:
            wrong.append(f"{key} ({problem.rstrip('.')})")
        else:
            saved[key] = value
    problem = found.problem
    if wrong and not problem:
        problem = (
            f"This PC's room settings file {found.path} holds values that do not fit: "
            f"{'; '.join(wrong)}. The defaults apply to them until the room settings are "
            "saved again (the file is then kept aside, not overwritten)."
        )
    if problem and (found.path, problem) not in _told:
        _told.add((found.path, problem))
        log.warning("%s", problem)
    return RoomState(found.path, saved, problem)


def _check(check: Check, key: str, value: Any) -> tuple[Any, str]:
    if key == "ui.geometry":  # Qt's own bytes, base64: only the console writes it
        return value, "" if isinstance(value, str) and value.isascii() else "not a saved layout"
    if key == "room.photo_folder":  # set (and checked to be a folder) by the photos service
        return value, "" if isinstance(value, str) else "not a folder's path"
    return check(key, value)


def _adopt_legacy(ctx: AppContext) -> dict[str, Any]:
    """First start with a room file: an existing one-room install had its printer, keys and
    type size in its database; copy them once, so nobody loses them. The rows stay (an older
    version may still read them), but the file wins from now on."""
    if ctx.db_path is None:
        # Only a one-room file is this PC's own: a shared database's rows are another room's.
        return {}
    stored = {k: v for k, v in settings_repo.stored(ctx.db).items() if k in ROOM_KEYS}
    if not stored:
        return {}
    try:
        room_file.write(ctx.room_file, stored)
    except NotWritten as exc:
        log.warning(
            "the room settings could not be copied into %s (%s): the database's are used "
            "until they can",
            ctx.room_file,
            exc.reason,
        )
        return stored
    log.info(
        "room settings copied once from the database into %s (%s); the file holds them now",
        ctx.room_file,
        ", ".join(sorted(stored)),
    )
    return stored


@dataclass(frozen=True)
class Stored:
    """A write of the room file: ``notice`` says if an unusable file was kept aside;
    ``previous`` is the file's content before (None: there was none) for ``put_back``."""

    path: Path
    notice: str
    previous: bytes | None


def store(ctx: AppContext, changes: dict[str, Any], check: Check) -> Stored:
    """Write ``changes`` (checked room keys) into the room file, keeping what else it holds.
    Raises ``NotWritten`` with nothing changed when the file cannot be written."""
    state = load(ctx, check)
    found = room_file.read(state.path)
    previous: bytes | None = None
    notice = ""
    others: dict[str, Any] = {}
    if found.exists and state.problem:
        kept = room_file.set_aside(state.path, ctx.now())
        notice = f"The room settings file that could not be used was kept as {kept}."
        log.warning("%s", notice)
    elif found.exists:
        previous = room_file.encode(found.settings)
        # Keys a newer version added stay; only our own keys are rewritten.
        others = {k: v for k, v in found.settings.items() if k not in ROOM_KEYS}
    room_file.write(state.path, {**others, **state.saved, **changes})
    return Stored(state.path, notice, previous)


def put_back(stored: Stored) -> None:
    """Undo ``store`` when the transaction it belonged to failed after all."""
    if stored.previous is None:
        stored.path.unlink(missing_ok=True)
    else:
        write_private(stored.path, stored.previous)


@contextlib.contextmanager
def transaction(ctx: AppContext, check: Check) -> Iterator[Callable[[dict[str, Any]], Stored]]:
    """A database transaction in which ``write(changes)`` updates the room file (call it last,
    after the audit rows); if the transaction fails after all, the file is put back."""
    written: list[Stored] = []

    def write(changes: dict[str, Any]) -> Stored:
        written.append(store(ctx, changes, check))
        return written[-1]

    try:
        with ctx.db.atomic():
            yield write
    except BaseException:
        for stored in reversed(written):
            try:
                put_back(stored)
            except NotWritten as exc:
                log.error("the room file could not be put back: %s", exc.message)
        raise
