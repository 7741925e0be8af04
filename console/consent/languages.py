"""The language a consent is shown in: the patient's, else the clinic's, else English.

A fallback is always said in words (the step shows it, the practitioner can switch), never
taken silently; what is shown is what is hashed, signed and stored with its language code.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.errors import DomainError
from console.model.consent_templates import DEFAULT_LANGUAGE, TemplateSet
from console.texts import languages as language_texts


@dataclass(frozen=True)
class Shown:
    code: str  # the language the text is shown (and would be signed) in
    wanted: str  # the patient's language (their preferred one, else the clinic's)
    note: str  # "" when shown in the language wanted; else why another one is shown
    rtl: bool


def _name(code: str) -> str:
    try:
        return language_texts.language(code).english_name
    except DomainError:
        return code


def _rtl(code: str) -> bool:
    try:
        return language_texts.language(code).rtl
    except DomainError:
        return False


def available(templates: TemplateSet) -> list[str]:
    """Shipped languages in which every template has text for its current material version."""
    return [lang.code for lang in language_texts.languages() if templates.has_language(lang.code)]


def choose(
    templates: TemplateSet, patient: str | None, clinic: str, chosen: str | None = None
) -> Shown:
    """``chosen`` (the practitioner's switch) if given, else the patient's language, else the
    clinic's, else English; the note says which was wanted and why it is not shown."""
    wanted = patient or clinic
    if chosen is not None:
        if not templates.has_language(chosen):
            raise DomainError(
                f"The consent has no text in {_name(chosen)} for its current version: "
                "choose another language.",
                "language",
            )
        note = (
            ""
            if chosen == wanted
            else f"Shown in {_name(chosen)} at the practitioner's choice; the patient's "
            f"language is {_name(wanted)}."
        )
        return Shown(chosen, wanted, note, _rtl(chosen))
    for code in (wanted, clinic, DEFAULT_LANGUAGE):
        if templates.has_language(code):
            note = (
                ""
                if code == wanted
                else f"No consent text in {_name(wanted)} for the current version: "
                f"shown in {_name(code)}. Explain it to the patient or switch the language."
            )
            return Shown(code, wanted, note, _rtl(code))
    raise DomainError("The consent has no English text.")  # from_body makes this impossible


def states(templates: TemplateSet, shipped: TemplateSet) -> list[tuple[str, str]]:
    """(language name, state) for Settings: as shipped, edited by the clinic, or English shown."""
    out = []
    for lang in language_texts.languages():
        code = lang.code
        if not templates.has_language(code):
            state = language_texts.ENGLISH
        elif any(_edited(t.id, code, templates, shipped) for t in templates.templates):
            state = language_texts.EDITED
        else:
            state = language_texts.SHIPPED
        review = any(t.texts[code].review for t in templates.templates if code in t.texts)
        if review and state == language_texts.SHIPPED:
            state += ", needs clinic review"
        out.append((f"{lang.name} ({lang.english_name})", state))
    return out


def _edited(template_id: str, code: str, templates: TemplateSet, shipped: TemplateSet) -> bool:
    try:
        original = shipped.get(template_id)
    except DomainError:
        return True
    mine = templates.get(template_id)
    return mine.texts.get(code) != original.texts.get(code)
