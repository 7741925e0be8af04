"""Contraindication screening: what each answer means for today's treatment.

Asked afresh at every visit. A hard stop ends the visit; a waiting period gives the earliest
safe date; a needs-clearance item needs a recorded clearance (who, role, how, when, note); a
prompt needs its answer (e.g. antiviral cover confirmed / not needed).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from console.errors import DomainError
from console.model import clearance as clearances
from console.model.clearance import Clearance
from console.model.protocol import Contraindication, Protocol


@dataclass(frozen=True)
class Answer:
    item_id: str
    present: bool  # "yes, this applies to the patient"
    event_date: date | None = None  # waiting periods: when it happened
    clearance: Clearance | None = None  # needs clearance: who, role, how, when, note
    prompt_answer: str = ""  # prompts: the id of the answer given


@dataclass(frozen=True)
class Finding:
    item: Contraindication
    answer: Answer
    blocks: bool
    message: str
    safe_from: date | None = None
    field: str = ""  # the part of the answer at fault when it blocks (e.g. "clearance_role")
    answer_text: str = ""  # prompts: the answer given, in words


@dataclass(frozen=True)
class Outcome:
    findings: tuple[Finding, ...]

    @property
    def can_proceed(self) -> bool:
        return not any(f.blocks for f in self.findings)

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.blocks)

    @property
    def hard_stops(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.blocking if f.item.kind == "hard_stop")

    @property
    def earliest_safe_date(self) -> date | None:
        dates = [f.safe_from for f in self.blocking if f.safe_from]
        return max(dates) if dates else None

    @property
    def no_numbing(self) -> bool:
        return any(f.item.blocks_numbing and f.answer.present for f in self.findings)


def add_months(day: date, months: int) -> date:
    """Calendar months, clamped to the month's end (31 Aug + 6 months = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def safe_from(item: Contraindication, event: date) -> date:
    result = event
    if "months" in item.wait:
        result = add_months(result, int(item.wait["months"]))
    if "weeks" in item.wait:
        result += timedelta(weeks=int(item.wait["weeks"]))
    if "days" in item.wait:
        result += timedelta(days=int(item.wait["days"]))
    return result


def _fmt(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def evaluate(protocol: Protocol, answers: list[Answer], today: date) -> Outcome:
    """Check a complete set of answers; raises DomainError for a missing or impossible one."""
    by_id = {a.item_id: a for a in answers}
    findings: list[Finding] = []
    for item in protocol.contraindications:
        answer = by_id.get(item.id)
        if answer is None:
            raise DomainError(f"Answer every question: “{item.text}” is unanswered.", item.id)
        if not answer.present:
            continue
        findings.append(_finding(item, answer, today))
    unknown = set(by_id) - {c.id for c in protocol.contraindications}
    if unknown:
        raise DomainError(f"Unknown screening item(s): {', '.join(sorted(unknown))}.")
    return Outcome(tuple(findings))


def _finding(item: Contraindication, answer: Answer, today: date) -> Finding:
    if item.kind == "hard_stop":
        return Finding(item, answer, True, f"Do not treat: {item.text.lower()}.")
    if item.kind == "waiting_period":
        if answer.event_date is None:
            raise DomainError(f"Enter the date for “{item.text}”.", item.id)
        if answer.event_date > today:
            raise DomainError(f"The date for “{item.text}” is in the future.", item.id)
        ok_from = safe_from(item, answer.event_date)
        if ok_from > today:
            return Finding(
                item,
                answer,
                True,
                f"Not yet: {item.text.lower()}. Safe from {_fmt(ok_from)}.",
                ok_from,
            )
        return Finding(item, answer, False, f"Waiting period over since {_fmt(ok_from)}.", ok_from)
    if item.kind == "needs_clearance":
        missing = clearances.problem(answer.clearance, today)
        if missing is not None:
            field, message = missing
            return Finding(item, answer, True, message, field=field)
        c = answer.clearance
        assert c is not None  # problem() returned None
        how = clearances.options().method_text(c.method).lower()
        return Finding(
            item,
            answer,
            False,
            f"Cleared by {c.by_name.strip()} ({c.by_role.strip()}), {how}, {_fmt(c.on or today)}: "
            f"{c.note.strip()}",
        )
    if item.kind == "prompt":
        given = dict(clearances.options().answers_for(item)).get(answer.prompt_answer)
        if given is None:
            return Finding(
                item,
                answer,
                True,
                f"Answer the reminder: {item.prompt or item.text}",
                field="prompt_answer",
            )
        return Finding(
            item, answer, False, f"{item.prompt or item.text} {given}.", answer_text=given
        )
    raise DomainError(f"Unknown kind {item.kind!r} for {item.id}.")
