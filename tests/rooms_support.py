"""Two rooms in one test process: each context gets its own room file (console/settings/room.py),
as each room PC has its own, and its room name written there."""

from __future__ import annotations

import re

from console.context import AppContext
from console.settings import room
from console.settings import service as settings_service


def as_room(ctx: AppContext, name: str) -> AppContext:
    """Make ``ctx`` act as the room called ``name`` (its own room file, its name in it)."""
    folder = ctx.data_dir / "room-files"
    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"\W+", "-", name)
    ctx.room_file = folder / f"{safe}-{id(ctx)}.json"
    room.store(ctx, {"room.name": name}, settings_service.check_value)
    return ctx
