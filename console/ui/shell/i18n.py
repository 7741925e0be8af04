"""The UI in the clinic's language: Qt's translation files loaded at start.

Strings are marked with ``self.tr()`` (or ``QT_TRANSLATE_NOOP`` for tables of labels) and
collected by ``tools/translations.sh`` (pyside6-lupdate) into ``resources/translations/
console_<code>.ts``; lrelease compiles them to the ``.qm`` files loaded here. A language with no
file leaves the UI in English.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console.resources import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
log = logging.getLogger(__name__)
_installed: list[QTranslator] = []

# Marks a label for lupdate (which finds it by this name) and returns it unchanged. PySide6's
# stub says the result is ``object``; this is the same function typed as what it returns.
QT_TRANSLATE_NOOP = cast("Callable[[str, str], str]", QtCore.QT_TRANSLATE_NOOP)


def ui_languages() -> list[str]:
    """Codes that have a compiled UI translation, English (the source) first."""
    return ["en", *sorted(p.stem.removeprefix("console_") for p in TRANSLATIONS.glob("*.qm"))]


def install(app: QCoreApplication, code: str) -> bool:
    """Load the UI translation for ``code`` (and Qt's own, for standard buttons); False and
    an English UI when there is none. Replaces a translation installed before."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if code == "en":
        return False
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS / f"console_{code}.qm")):
        log.info("no UI translation for %s: the UI stays in English", code)
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(code), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return True
