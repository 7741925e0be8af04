"""The Treat step's keys as the clinic set them (settings ``keys.*``): a pedal sends one."""

from __future__ import annotations

from dataclasses import dataclass

from console.context import AppContext
from console.settings import service as settings_service


@dataclass(frozen=True)
class TreatKeys:
    pass_toggle: str
    next_area: str
    previous_area: str


def treat_keys(ctx: AppContext) -> TreatKeys:
    keys = settings_service.get_all(ctx)  # this room's keys: its own file
    return TreatKeys(
        pass_toggle=str(keys["keys.pass_toggle"]),
        next_area=str(keys["keys.next_area"]),
        previous_area=str(keys["keys.previous_area"]),
    )
