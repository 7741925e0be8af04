"""The zone's hard limit is editable in Settings, checked against its typical ranges (issue 14)."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import protocol_repo
from tests.ui.test_settings_screen import _screen


def test_a_zone_limit_below_its_typical_range_is_refused_and_a_sound_one_saved(
    qtbot: QtBot, ctx: AppContext, staff: list[str]
) -> None:
    screen = _screen(qtbot, ctx)
    zones = screen.protocol.zones
    row = next(i for i, z in enumerate(zones.items()) if z["id"] == "cheeks")
    zones.set_cell(row, "max_mm", "1.5")  # acne scars on the cheeks go to 2 mm
    (problem,) = screen.protocol.problems()
    assert problem.message == (
        "The limit of 1.5 mm is below the typical range for Acne scars, which goes to 2 mm."
    )
    screen.protocol.save_button.click()
    assert protocol_repo.current(ctx.db).zone("cheeks").max_mm is None
    zones.set_cell(row, "max_mm", "2,5")
    assert screen.protocol.problems() == []
    screen.protocol.save_button.click()
    assert protocol_repo.current(ctx.db).zone("cheeks").max_mm == Decimal("2.5")
