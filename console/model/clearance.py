"""What a needs-clearance item and a prompt must record, and what is not a clearance.

A clearance names who gave it (name, role), how (letter, phone, in person), when, and what
was agreed; a prompt records which answer was given. The options and the placeholder words
are data in ``resources/screening/clearance.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from console.model.protocol import Contraindication
from console.resources import RESOURCES

OPTIONS_FILE = RESOURCES / "screening" / "clearance.json"


@dataclass(frozen=True)
class Clearance:
    by_name: str
    by_role: str
    method: str  # an id from ClearanceOptions.methods
    on: date | None
    note: str


@dataclass(frozen=True)
class ClearanceOptions:
    methods: tuple[tuple[str, str], ...]  # (id, text)
    roles: tuple[str, ...]
    placeholders: frozenset[str]
    prompt_answers: dict[str, tuple[tuple[str, str], ...]]
    default_prompt_answers: tuple[tuple[str, str], ...]

    def answers_for(self, item: Contraindication) -> tuple[tuple[str, str], ...]:
        """The answers a prompt offers: its own, or the default pair."""
        return self.prompt_answers.get(item.id, self.default_prompt_answers)

    def method_text(self, method_id: str) -> str:
        return dict(self.methods).get(method_id, method_id)


def _pairs(items: list[dict[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(i["id"]), str(i["text"])) for i in items)


@cache
def options() -> ClearanceOptions:
    data = json.loads(OPTIONS_FILE.read_text(encoding="utf-8"))
    return ClearanceOptions(
        methods=_pairs(data["methods"]),
        roles=tuple(data["roles"]),
        placeholders=frozenset(_core(p) for p in data["placeholders"]),
        prompt_answers={k: _pairs(v) for k, v in data["prompt_answers"].items()},
        default_prompt_answers=_pairs(data["default_prompt_answers"]),
    )


def _core(text: str) -> str:
    """Letters and digits only, case-folded: "N/A.." and "n a" are both "na"."""
    return re.sub(r"[\W_]+", "", text.casefold())


def is_placeholder(text: str, opts: ClearanceOptions | None = None) -> bool:
    """Text typed to get past a field: a stock word, one character or a short unit repeated
    ("xxxxx", "asdasd"), punctuation or digits alone."""
    core = _core(text)
    if len(core) < 2 or not any(c.isalpha() for c in core):
        return True
    if core in (opts or options()).placeholders:
        return True
    return re.fullmatch(r"(.{1,3}?)\1+", core) is not None


def _words(text: str) -> int:
    return len([w for w in re.split(r"\s+", text.strip()) if any(c.isalpha() for c in w)])


def problem(clearance: Clearance | None, today: date) -> tuple[str, str] | None:
    """The first thing missing from a clearance, as (field, message); None when complete."""
    opts = options()
    if clearance is None:
        return "clearance_name", "Record the clearance: who gave it, how, when, and the note."
    name = _core(clearance.by_name)
    if is_placeholder(clearance.by_name, opts) or len(name) < (2 if not name.isascii() else 3):
        return "clearance_name", "Name the person who cleared it (e.g. Dr Priya Patel)."
    if is_placeholder(clearance.by_role, opts):
        return "clearance_role", "Give their role (e.g. General practitioner)."
    if clearance.method not in dict(opts.methods):
        return "clearance_method", "Choose how it was cleared (letter, phone or in person)."
    if clearance.on is None:
        return "clearance_date", "Give the date of the clearance."
    if clearance.on > today:
        return "clearance_date", "The clearance date is in the future."
    note = clearance.note.strip()
    # Scripts without spaces between words (Chinese, Japanese, Thai) count by letters.
    spaced = _words(note) >= 2 or (sum(c.isalpha() for c in note) >= 4 and not note.isascii())
    if is_placeholder(note, opts) or not spaced:
        return (
            "clearance_note",
            "Write what was agreed (e.g. aspirin paused 7 days, fine to treat).",
        )
    return None
