"""The room file: this PC's own settings (room name, printer, pedal keys…) as a small JSON file.

Several room PCs share one clinic database, so what belongs to one PC lives beside it. The
file is written whole or not at all (``write_private``: temporary file, fsync, rename, 0600).
A file that is not ours, not JSON or from a newer version is read as "nothing", with a
sentence saying why; it is never overwritten: ``set_aside`` keeps it as ``.bad-<time>``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.files.private import NotWritten, reason_for, write_private

FORMAT = "treatment-room-console/room-settings"
VERSION = 1
_MAX_BYTES = 1024 * 1024  # a few hundred bytes are normal; anything huge is not ours


@dataclass(frozen=True)
class RoomRead:
    """What was found at the room file: its settings (unchecked), whether it exists, and
    '' or a sentence saying why it could not be used."""

    path: Path
    settings: dict[str, Any] = field(default_factory=dict)
    exists: bool = False
    problem: str = ""


def read(path: Path) -> RoomRead:
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            return _unusable(path, "it is far too large to be a room file")
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # nothing there (yet)
        return RoomRead(path)
    except OSError as exc:
        return _unusable(path, f"it could not be read ({reason_for(exc)})")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _unusable(path, "it is not a valid JSON file")
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        return _unusable(path, "it is not a Treatment Room Console room file")
    version = body.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return _unusable(path, "it is not a Treatment Room Console room file")
    if version > VERSION:
        return _unusable(path, "it was written by a newer version of the console")
    settings = body.get("settings")
    if not isinstance(settings, dict):
        return _unusable(path, "its settings are missing")
    return RoomRead(path, settings, exists=True)


def _unusable(path: Path, why: str) -> RoomRead:
    problem = (
        f"This PC's room settings file {path} was not used because {why}; "
        "the room's default settings apply until they are saved again "
        "(the file is then kept aside, not overwritten)."
    )
    return RoomRead(path, {}, exists=True, problem=problem)


def encode(settings: dict[str, Any]) -> bytes:
    body = {"format": FORMAT, "version": VERSION, "settings": settings}
    return (json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def write(path: Path, settings: dict[str, Any]) -> None:
    """Replace the room file with ``settings``; ``NotWritten`` (a sentence) if the system
    refuses, and then the previous file is untouched."""
    write_private(path, encode(settings))


def set_aside(path: Path, now: datetime) -> Path:
    """Keep an unusable room file as ``<name>.bad-<UTC time>`` beside it; returns that path."""
    if path.is_dir():  # --room-file given a folder: never move someone's folder away
        raise NotWritten(path, "it is a folder")
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.bad-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bad-{stamp}-{n}")
    try:
        os.replace(path, target)
    except OSError as exc:
        raise NotWritten(path, reason_for(exc)) from exc
    return target
