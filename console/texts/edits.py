"""The clinic's own wording of the texts per language: listed with their state, checked, saved.

Each edit is a setting ``texts.<code>.<key>`` (see ``console.texts.languages``); saving the
shipped wording again, or an empty text, removes the edit. Every change is audited.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from console.aftercare import fonts
from console.context import AppContext
from console.data import protocol_repo, settings_repo
from console.errors import DomainError
from console.model.protocol import Protocol
from console.protocol.edit import require_admin
from console.texts import languages as language_texts
from console.texts.languages import PROTOCOL_PREFIX, Resolved

TEXT_MAX = 600


@dataclass(frozen=True)
class TextRow:
    key: str  # "sheet.title", or "protocol:" + the English wording of a protocol text
    english: str
    text: str  # in the language, as the sheet will print it (English when missing)
    state: str  # language_texts.SHIPPED / EDITED / ENGLISH


class TextsInvalid(DomainError):
    """Refused edits: ``problems`` maps each key to what is wrong with its text."""

    def __init__(self, problems: dict[str, str]) -> None:
        key, message = next(iter(problems.items()))
        super().__init__(message, field=key)
        self.problems = problems


def protocol_texts(protocol: Protocol) -> list[str]:
    """The English texts of the protocol a patient reads: rules, expectations, red flags,
    maintenance and the plain names of areas."""
    out = [rule.text for rule in protocol.aftercare_rules]
    out += list(protocol.what_to_expect) + list(protocol.red_flags)
    if protocol.series.maintenance:
        out.append(protocol.series.maintenance)
    for zone in protocol.body.get("zones", ()):
        if isinstance(zone, dict):
            name = zone.get("plain_name") or re.sub(r"\s*\([^)]*\)", "", str(zone.get("name")))
            out.append(str(name).strip())
    return list(dict.fromkeys(t for t in out if t))


def rows(ctx: AppContext, code: str) -> list[TextRow]:
    """Every text of ``code``: the sheet's and calendar's own, then the protocol's."""
    texts = language_texts.load(code, settings_repo.get_all(ctx.db))
    english = language_texts.load("en")
    out = []
    for key in texts.text_keys():
        r = texts.resolve(key)
        out.append(TextRow(key, english.resolve(key).text, r.text, r.state))
    for source in protocol_texts(protocol_repo.current(ctx.db)):
        r = texts.protocol(source)
        out.append(TextRow(PROTOCOL_PREFIX + source, source, r.text, r.state))
    return out


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def check(code: str, edits: Mapping[str, str]) -> dict[str, str]:
    """Problems with the edits, by key: a lost ``{placeholder}``, a character no font has."""
    english = language_texts.load("en")
    problems: dict[str, str] = {}
    for key, text in edits.items():
        value = text.strip()
        if not value:
            continue
        if len(value) > TEXT_MAX:
            problems[key] = f"Keep it under {TEXT_MAX} characters."
            continue
        source = key[len(PROTOCOL_PREFIX) :] if key.startswith(PROTOCOL_PREFIX) else None
        if source is None:
            wanted = _placeholders(english.resolve(key).text)
            missing = sorted(wanted - _placeholders(value))
            extra = sorted(_placeholders(value) - wanted)
            if missing:
                problems[key] = f"Keep {{{missing[0]}}}: the sheet fills it in."
                continue
            if extra:
                problems[key] = f"{{{extra[0]}}} is not filled in here: remove it."
                continue
        try:
            fonts.require_drawable(value)
        except DomainError as exc:
            problems[key] = exc.message
    return problems


def save(ctx: AppContext, code: str, edits: Mapping[str, str]) -> list[str]:
    """Store the clinic's wording for ``code``; returns the keys whose state changed."""
    require_admin(ctx)
    code = language_texts.normalise_code(code)
    problems = check(code, edits)
    if problems:
        raise TextsInvalid(problems)
    settings = settings_repo.get_all(ctx.db)
    shipped = language_texts.load(code)
    changed: list[str] = []
    with ctx.db.atomic():
        for key, text in edits.items():
            # Spaces count: " and " and "、" join the names of areas.
            value = text if text.strip() else ""
            original: Resolved = (
                shipped.protocol(key[len(PROTOCOL_PREFIX) :])
                if key.startswith(PROTOCOL_PREFIX)
                else shipped.resolve(key)
            )
            # The shipped wording (or nothing) means "no edit": the state goes back.
            stored = "" if value in ("", original.text) else value
            setting = language_texts.edit_key(code, key)
            if str(settings.get(setting) or "") == stored:
                continue
            settings_repo.put(ctx.db, setting, stored, now=ctx.now(), by=ctx.practitioner_id)
            ctx.audit(
                "settings.text_change",
                entity="settings",
                entity_id=setting,
                detail={"language": code, "key": key, "old": settings.get(setting), "new": stored},
            )
            changed.append(key)
    return changed
