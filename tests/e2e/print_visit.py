"""Print a visit's sheet the way the app does, in a process of its own (used by the CUPS test).

``python -m tests.e2e.print_visit --db PATH --visit ID`` opens the database, shows the
``HandoutPreview`` and clicks "Print to room printer" (setting ``room.printer``), then prints
the outcome as JSON. Its own process, because libcups reads ``CUPS_SERVER`` only once.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--visit", required=True)
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.context import open_context
    from console.ui.steps.handout_preview import HandoutPreview

    app = QApplication([])
    ctx = open_context(args.db)
    preview = HandoutPreview(ctx)
    if preview.load_visit(args.visit) is None:
        print(json.dumps({"ok": False, "message": preview.error.text()}))
        return 1
    outcomes: list[object] = []
    loop = QEventLoop()
    preview.printed.connect(lambda outcome: (outcomes.append(outcome), loop.quit()))
    QTimer.singleShot(60_000, loop.quit)
    preview.room_button.click()
    if preview.job is None:  # refused before printing (no such printer …)
        print(json.dumps({"ok": False, "message": preview.error.text()}))
        return 1
    loop.exec()
    ctx.db.close()
    app.processEvents()
    if not outcomes:
        print(json.dumps({"ok": False, "message": "no answer from the print job in 60 s"}))
        return 1
    print(json.dumps(asdict(outcomes[0])))  # type: ignore[call-overload]
    return 0


if __name__ == "__main__":
    sys.exit(main())
