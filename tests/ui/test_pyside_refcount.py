"""Regression guard for the PySide6 6.12.0 / CPython 3.11 None-refcount bug (style.md).

That release dropped a reference to None on every call of a method returning nothing; after
a few thousand calls the interpreter aborted. If a Qt upgrade brings it back, this fails.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_methods_do_not_leak_none_references(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for i in range(20_000):
        widget.setToolTip("x" if i % 2 else "y")  # returns void
    after = sys.getrefcount(None)
    # Other code may take a few references meanwhile; the bug loses one per call.
    assert after >= before - 100
