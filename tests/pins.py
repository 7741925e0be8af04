"""Demo practitioners WITH their README PINs (the shared ``staff`` fixture has none)."""

from __future__ import annotations

from console import demo
from console.auth import hash_pin
from console.context import AppContext

PINS = {name: pin for name, _role, pin in demo.DEMO_PRACTITIONERS}


def staff_with_pins(ctx: AppContext) -> list[str]:
    """Create the demo staff with hashed PINs; ids admin first, nobody signed in."""
    return demo.create_practitioners(ctx.db, ctx.now(), pin_hasher=hash_pin)
