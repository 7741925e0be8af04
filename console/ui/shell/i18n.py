"""The UI in the clinic's language: Qt's translation files loaded at start.

Strings are marked with ``self.tr()`` (or ``QT_TRANSLATE_NOOP`` for tables of labels) and
collected by ``tools/translations.sh`` (pyside6-lupdate) into ``resources/translations/
console_<code>.ts``; lrelease compiles them to the ``.qm`` files loaded here. A language with no
file leaves the UI in English.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console.errors import DomainError
from console.resources import RESOURCES
from console.texts import dates
from console.texts import languages as language_texts

TRANSLATIONS = RESOURCES / "translations"
log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
# Dates on screens follow the UI's language: German months beside German words, English ones
# (in the clinic's own English locale, en_GB or en_US) while the UI is English.
_date_locale = dates.DEFAULT_LOCALE

# Marks a label for lupdate (which finds it by this name) and returns it unchanged. PySide6's
# stub says the result is ``object``; this is the same function typed as what it returns.
QT_TRANSLATE_NOOP = cast("Callable[[str, str], str]", QtCore.QT_TRANSLATE_NOOP)


def ui_languages() -> list[str]:
    """Codes that have a compiled UI translation, English (the source) first."""
    return ["en", *sorted(p.stem.removeprefix("console_") for p in TRANSLATIONS.glob("*.qm"))]


def install(app: QCoreApplication, code: str, clinic_locale: str = dates.DEFAULT_LOCALE) -> bool:
    """Load the UI translation for ``code`` (and Qt's own, for standard buttons); False and
    an English UI when there is none. Replaces a translation installed before. Dates on
    screens follow: ``clinic_locale`` (the clinic's date setting) while the UI is English."""
    global _date_locale
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    english = clinic_locale if clinic_locale.split("_")[0] == "en" else dates.DEFAULT_LOCALE
    _date_locale = english
    if code == "en":
        return False
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS / f"console_{code}.qm")):
        log.info("no UI translation for %s: the UI stays in English", code)
        return False
    try:
        _date_locale = language_texts.locale_for(code, clinic_locale)
    except DomainError:  # a UI translation for a language with no texts: English dates
        _date_locale = english
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(code), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return True


def date_locale() -> str:
    """The Babel locale of dates on screens (see ``install``)."""
    return _date_locale


def day(d: date) -> str:
    """A day as the UI's language writes it: "25 Nov 2026", "25. Nov. 2026"."""
    return dates.day(d, _date_locale)


def weekday_day(d: date) -> str:
    return dates.weekday_day(d, _date_locale)


def day_time(dt: datetime, *, seconds: bool = False) -> str:
    """``dt`` in its own zone (convert it to the clinic's first)."""
    return dates.day_time(dt, _date_locale, seconds=seconds)


def weekday_day_time(dt: datetime) -> str:
    return dates.weekday_day_time(dt, _date_locale)
