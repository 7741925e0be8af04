"""Consent templates as plain data: wording per language, a material version, photo choices.

The whole set is versioned like the protocol library (one JSON document per library version).
Within it each template carries a ``material_version`` that the clinic raises when a change
matters to patients (a new risk, a new use of photos): only that asks everyone to sign again,
so a typo fix does not.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.errors import DomainError

RESOURCE = Path(__file__).resolve().parents[2] / "resources" / "consent" / "templates.json"
KINDS = ("treatment", "photo")
# English is the wording the clinic edits; a translation is a further key of ``texts`` that
# names the material version it was translated from, so a material change the clinic makes in
# English is never signed in a translation that does not say it yet.
DEFAULT_LANGUAGE = "en"
PHOTO_CHOICES = ("clinical_record", "teaching_anonymised", "marketing")
# How the signer's identity was checked: printed on the PDF and kept with the consent.
IDENTITY_CHECKS = (
    "known to the practitioner",
    "photo ID seen",
    "name and birth date confirmed",
)


@dataclass(frozen=True)
class Section:
    heading: str
    body: str


@dataclass(frozen=True)
class Wording:
    title: str
    sections: tuple[Section, ...]
    declaration: str
    choices: dict[str, str]  # photo choice id -> the sentence in the text
    labels: dict[str, str]  # photo choice id -> the short name beside its box
    translated_from: int | None = None  # material version a translation says; None: English
    review: str = ""  # why a person should check this wording before patients read it


@dataclass(frozen=True)
class Template:
    id: str
    kind: str
    material_version: int
    texts: dict[str, Wording]  # language code -> wording
    choices: tuple[str, ...] = ()

    def wording(self, language: str = DEFAULT_LANGUAGE) -> Wording:
        """The wording in ``language``, else the English one (for titles of old records; what
        is shown for signing goes through ``current`` so a fallback is never silent)."""
        return self.texts.get(language) or self.texts[DEFAULT_LANGUAGE]

    def current(self, language: str) -> bool:
        """Whether ``language`` has wording for this material version (English always has)."""
        w = self.texts.get(language)
        if w is None:
            return False
        return language == DEFAULT_LANGUAGE or w.translated_from in (None, self.material_version)

    def shown_text(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The exact text the patient reads, as one string: what the SHA-256 is taken of."""
        w = self.wording(language)
        parts = [w.title, ""]
        for s in w.sections:
            parts += [s.heading, s.body, ""]
        for choice in self.choices:
            parts.append(f"[ ] {w.choices[choice]}")
        if self.choices:
            parts.append("")
        parts.append(w.declaration)
        return "\n".join(parts)

    def text_sha256(self, language: str = DEFAULT_LANGUAGE) -> str:
        return hashlib.sha256(self.shown_text(language).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class TemplateSet:
    version: int  # library version the set was stored as
    review_note: str
    templates: tuple[Template, ...]

    def get(self, template_id: str) -> Template:
        for t in self.templates:
            if t.id == template_id:
                return t
        raise DomainError(f"No consent template {template_id!r} in library version {self.version}.")

    def of_kind(self, kind: str) -> tuple[Template, ...]:
        return tuple(t for t in self.templates if t.kind == kind)

    def has_language(self, language: str) -> bool:
        """Whether every template can be shown in ``language`` for its current material version:
        a signing shows all of them, in one language."""
        return all(t.current(language) for t in self.templates)


def default_body() -> dict[str, Any]:
    body: dict[str, Any] = json.loads(RESOURCE.read_text(encoding="utf-8"))
    return body


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DomainError(f"{where} is empty: write the words the patient will read.", where)
    return value.strip()


def _wording(raw: dict[str, Any], choices: tuple[str, ...], where: str) -> Wording:
    sections = tuple(
        Section(
            _text(s.get("heading"), f"{where}: a heading"),
            _text(s.get("body"), f"{where}: a section"),
        )
        for s in raw.get("sections") or []
    )
    if not sections:
        raise DomainError(f"{where} has no sections.", where)
    words = raw.get("choices") or {}
    labels = raw.get("choice_labels") or {}
    for c in choices:
        _text(words.get(c), f"{where}: the words for '{c}'")
    translated_from = raw.get("translated_from_material_version")
    if translated_from is not None and (
        not isinstance(translated_from, int) or isinstance(translated_from, bool)
    ):
        raise DomainError(f"{where}: the material version translated from is a whole number.")
    return Wording(
        translated_from=translated_from,
        review=str(raw.get("review") or "").strip(),
        title=_text(raw.get("title"), f"{where}: the title"),
        sections=sections,
        declaration=_text(raw.get("declaration"), f"{where}: the declaration"),
        choices={c: str(words[c]).strip() for c in choices},
        labels={c: str(labels.get(c) or words[c]).strip() for c in choices},
    )


def from_body(version: int, body: dict[str, Any]) -> TemplateSet:
    """Build (and so check) a template set; raises a DomainError naming what is wrong."""
    templates = []
    seen: set[str] = set()
    for raw in body.get("templates") or []:
        tid = _text(raw.get("id"), "A template id")
        if tid in seen:
            raise DomainError(f"Two consent templates are called {tid!r}.", tid)
        seen.add(tid)
        kind = raw.get("kind")
        if kind not in KINDS:
            raise DomainError(f"Template {tid}: the kind must be one of {', '.join(KINDS)}.", tid)
        material = raw.get("material_version")
        if not isinstance(material, int) or isinstance(material, bool) or material < 1:
            raise DomainError(
                f"Template {tid}: the material version is a whole number from 1.", tid
            )
        choices = tuple(raw.get("choices") or ())
        unknown = set(choices) - set(PHOTO_CHOICES)
        if unknown:
            raise DomainError(f"Template {tid}: unknown photo choice {sorted(unknown)[0]!r}.", tid)
        texts = {
            str(lang): _wording(w, choices, f"Template {tid} ({lang})")
            for lang, w in (raw.get("texts") or {}).items()
        }
        if DEFAULT_LANGUAGE not in texts:
            raise DomainError(f"Template {tid} needs its English wording.", tid)
        templates.append(Template(tid, str(kind), material, texts, choices))
    if not any(t.kind == "treatment" for t in templates):
        raise DomainError("The library needs a treatment consent template.")
    return TemplateSet(version, str(body.get("review_note") or ""), tuple(templates))
