"""Demo practitioners WITH their README PINs (the shared ``staff`` fixture has none)."""

from __future__ import annotations

import functools

from console.access.auth import hash_pin
from console.context import AppContext
from console.demo import clinic as demo

PINS = {name: pin for name, _role, pin in demo.DEMO_PRACTITIONERS}


@functools.cache
def cached_hash(pin: str) -> str:
    """Argon2id costs ~0.1 s a hash; tests reuse one salted hash per PIN."""
    return hash_pin(pin)


def staff_with_pins(ctx: AppContext) -> list[str]:
    """Create the demo staff with hashed PINs; ids admin first, nobody signed in."""
    return demo.create_practitioners(ctx.db, ctx.now(), pin_hasher=cached_hash)
