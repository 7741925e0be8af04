"""Texts per language (the aftercare sheet, its calendar file; the consent can add its own keys).

Shipped texts live in ``resources/languages/<code>.json``: keyed texts (``"sheet.title"``) and
translations of the clinic's protocol texts keyed by their English wording, so a rule the clinic
rewrote in English has no stale translation. A clinic's own wording is kept in Settings under
``texts.<code>.<key>`` and wins over the shipped one. A text missing in a language falls back
to English with the state ``ENGLISH``, which a preview marks and the sheet labels.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from console.errors import DomainError
from console.resources import RESOURCES

LANGUAGE_DIR = RESOURCES / "languages"
EDIT_PREFIX = "texts."
PROTOCOL_PREFIX = "protocol:"  # key of a protocol text: "protocol:" + its English wording

SHIPPED = "as shipped"
EDITED = "edited by the clinic"
ENGLISH = "missing: English shown"


@dataclass(frozen=True)
class Language:
    code: str  # "en", "zh" …: the key of its file and of patients.preferred_language
    name: str  # in the language itself: "Español"
    english_name: str
    locale: str  # Babel locale for dates when the clinic's own locale is another language
    rtl: bool
    review: str  # "" once a person checked the texts; else why they need the clinic's review


@dataclass(frozen=True)
class Resolved:
    text: str
    state: str  # SHIPPED, EDITED or ENGLISH

    @property
    def fallback(self) -> bool:
        return self.state == ENGLISH


def fill(template: str, **values: object) -> str:
    """``{name}`` placeholders filled; braces a clinic typed by mistake are left as they are."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m[1], m[0])), template)


@cache
def _file(code: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((LANGUAGE_DIR / f"{code}.json").read_text("utf-8"))
    return data


@cache
def languages() -> tuple[Language, ...]:
    """Every shipped language, English first, then by code."""
    codes = sorted(p.stem for p in LANGUAGE_DIR.glob("*.json"))
    codes.sort(key=lambda c: c != "en")
    out = []
    for code in codes:
        head = _file(code)["language"]
        out.append(
            Language(
                code=code,
                name=head["name"],
                english_name=head["english_name"],
                locale=head["locale"],
                rtl=head.get("direction") == "rtl",
                review=head.get("review", ""),
            )
        )
    return tuple(out)


_ALIASES = {"zh-hans": "zh", "zh-cn": "zh", "zh-sg": "zh", "pt-br": "pt", "pt-pt": "pt"}


def normalise_code(raw: str) -> str:
    """ "es", "ES", "es_ES", "zh-Hans" → the shipped code; DomainError for anything else."""
    text = raw.strip().replace("_", "-").lower()
    known = {lang.code for lang in languages()}
    code = _ALIASES.get(text, text.split("-")[0])
    if code not in known:
        raise DomainError(
            f"No texts in the language {raw.strip()!r}: choose one of {', '.join(sorted(known))}.",
            field="language",
        )
    return code


def language(code: str) -> Language:
    wanted = normalise_code(code)
    return next(lang for lang in languages() if lang.code == wanted)


def clinic_language(settings: Mapping[str, Any]) -> str:
    """The clinic's language: ``clinic.language`` if set, else that of its date locale."""
    chosen = str(settings.get("clinic.language") or "").strip()
    if chosen:
        return normalise_code(chosen)
    locale = str(settings.get("clinic.locale") or "en_GB")
    try:
        return normalise_code(locale)
    except DomainError:
        return "en"


def locale_for(code: str, clinic_locale: str) -> str:
    """Babel locale for dates: the clinic's own when it is in that language (en_US stays)."""
    if clinic_locale.replace("-", "_").split("_")[0].lower() == code:
        return clinic_locale.replace("-", "_")
    return language(code).locale


class Texts:
    """The texts of one language with the clinic's edits applied, English underneath."""

    def __init__(self, lang: Language, edits: Mapping[str, str]) -> None:
        self.language = lang
        self._english: dict[str, str] = _file("en")["texts"]
        self._own: dict[str, str] = _file(lang.code)["texts"] if lang.code != "en" else {}
        self._protocol: dict[str, str] = (
            _file(lang.code).get("protocol", {}) if lang.code != "en" else {}
        )
        self._edits = dict(edits)

    @property
    def rtl(self) -> bool:
        return self.language.rtl

    def text_keys(self) -> list[str]:
        return list(self._english)

    def resolve(self, key: str) -> Resolved:
        edited = self._edits.get(key)
        if edited:
            return Resolved(edited, EDITED)
        if self.language.code == "en":
            return Resolved(self._english[key], SHIPPED)
        own = self._own.get(key)
        if own:
            return Resolved(own, SHIPPED)
        return Resolved(self._english[key], ENGLISH)

    def __call__(self, key: str, **values: object) -> str:
        return fill(self.resolve(key).text, **values)

    def protocol(self, english: str) -> Resolved:
        """A text of the clinic's protocol (a rule, a red flag, an area) in this language."""
        edited = self._edits.get(PROTOCOL_PREFIX + english)
        if edited:
            return Resolved(edited, EDITED)
        if self.language.code == "en":
            return Resolved(english, SHIPPED)
        own = self._protocol.get(english)
        return Resolved(own, SHIPPED) if own else Resolved(english, ENGLISH)

    def protocol_sources(self) -> list[str]:
        """The English protocol texts this language ships a translation for."""
        return list(self._protocol)


def edits_from(settings: Mapping[str, Any], code: str) -> dict[str, str]:
    prefix = f"{EDIT_PREFIX}{code}."
    return {k[len(prefix) :]: str(v) for k, v in settings.items() if k.startswith(prefix) and v}


def load(code: str, settings: Mapping[str, Any] | None = None) -> Texts:
    """The texts of ``code`` with the clinic's edits from ``settings_repo.get_all(db)``."""
    lang = language(code)
    return Texts(lang, edits_from(settings or {}, lang.code))


def edit_key(code: str, key: str) -> str:
    """The Settings key that holds the clinic's wording of ``key`` in ``code``."""
    return f"{EDIT_PREFIX}{normalise_code(code)}.{key}"
