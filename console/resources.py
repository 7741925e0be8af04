"""Where the console's shipped data lives: protocol defaults, texts, fonts, the map, icons."""

from __future__ import annotations

from pathlib import Path

# resources/ sits beside the console package, installed (pipx, pip, the bundle) as in a checkout.
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
