"""The bundle's self-check of the treatment map: ``treatment-console --render-map OUT.png``.

Draws the map the Plan step shows (the SVG art through QtSvg, a zone chosen and labelled)
into a PNG without opening a window, and says how many zones it drew. A bundle built
without QtSvg or without the art fails here in a second, where a painted sign-in screen
would have passed (the bundle test runs it; CI builds the bundle once).
"""

from __future__ import annotations

import sys
from pathlib import Path


def render_map(out: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from console.model.protocol import default_body

    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        from console.ui.steps.body_map import BodyMap
    except ImportError as error:  # QtSvg left out of the bundle
        print(f"map: cannot draw the treatment map: {error}", file=sys.stderr)
        return 1
    names = {z["id"]: z["name"] for z in default_body()["zones"]}
    body_map = BodyMap(names)
    zones = body_map.zone_ids()
    if not zones:
        print("map: the treatment map's art did not load (no zone drawn)", file=sys.stderr)
        return 1
    body_map.set_chosen({zones[0]: "0.5 mm"})
    body_map.resize(640, 720)
    saved = body_map.grab().save(str(out), "PNG")
    body_map.deleteLater()
    app.processEvents()
    if not saved:
        print(f"map: could not write {out}", file=sys.stderr)
        return 1
    print(f"map: {len(zones)} zones drawn to {out}")
    return 0
