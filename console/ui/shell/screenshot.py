"""Save a PNG of an X screen: ``python -m console.ui.shell.screenshot OUT.png`` (uses $DISPLAY).

Used by the tests that run the real app under Xvfb and for README screenshots.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str]) -> int:
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    pixmap = screen.grabWindow(0)
    ok = pixmap.save(argv[0], "PNG")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
