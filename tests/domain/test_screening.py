from __future__ import annotations

from datetime import date

import pytest

from console.errors import DomainError
from console.protocol import default_body, from_body
from console.visit.screening import Answer, add_months, evaluate

PROTOCOL = from_body(1, default_body())
TODAY = date(2026, 11, 24)


def answers(**present: Answer) -> list[Answer]:
    return [present.get(c.id, Answer(c.id, False)) for c in PROTOCOL.contraindications]


def test_all_clear_proceeds() -> None:
    assert evaluate(PROTOCOL, answers(), TODAY).can_proceed


def test_a_hard_stop_blocks_with_its_reason() -> None:
    outcome = evaluate(PROTOCOL, answers(pregnant_nursing=Answer("pregnant_nursing", True)), TODAY)
    assert not outcome.can_proceed
    assert "pregnant or nursing" in outcome.hard_stops[0].message


def test_waiting_period_gives_the_earliest_safe_date() -> None:
    stopped = Answer("isotretinoin_recent", True, event_date=date(2026, 8, 31))
    outcome = evaluate(PROTOCOL, answers(isotretinoin_recent=stopped), TODAY)
    assert not outcome.can_proceed
    assert outcome.earliest_safe_date == date(2027, 2, 28)  # 31 Aug + 6 months, clamped
    assert "Safe from 28 Feb 2027" in outcome.blocking[0].message


def test_waiting_period_over_proceeds() -> None:
    burnt = Answer("sunburn_tan", True, event_date=date(2026, 11, 10))
    assert evaluate(PROTOCOL, answers(sunburn_tan=burnt), TODAY).can_proceed
    burnt = Answer("sunburn_tan", True, event_date=date(2026, 11, 11))
    assert not evaluate(PROTOCOL, answers(sunburn_tan=burnt), TODAY).can_proceed


def test_waiting_period_needs_a_date_that_is_not_in_the_future() -> None:
    with pytest.raises(DomainError, match="Enter the date"):
        evaluate(PROTOCOL, answers(sunburn_tan=Answer("sunburn_tan", True)), TODAY)
    with pytest.raises(DomainError, match="in the future"):
        evaluate(
            PROTOCOL,
            answers(sunburn_tan=Answer("sunburn_tan", True, event_date=date(2026, 12, 1))),
            TODAY,
        )


def test_clearance_needs_a_written_note() -> None:
    bare = Answer("anticoagulants", True)
    assert not evaluate(PROTOCOL, answers(anticoagulants=bare), TODAY).can_proceed
    cleared = Answer("anticoagulants", True, note="Dr Patel: aspirin paused 7 days, OK to treat")
    assert evaluate(PROTOCOL, answers(anticoagulants=cleared), TODAY).can_proceed


def test_anaesthetic_allergy_rules_out_numbing() -> None:
    allergy = Answer("anaesthetic_allergy", True)
    outcome = evaluate(PROTOCOL, answers(anaesthetic_allergy=allergy), TODAY)
    assert outcome.can_proceed and outcome.no_numbing


def test_every_question_must_be_answered() -> None:
    with pytest.raises(DomainError, match="unanswered"):
        evaluate(PROTOCOL, answers()[1:], TODAY)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [(date(2026, 1, 31), 1, date(2026, 2, 28)), (date(2024, 8, 31), 6, date(2025, 2, 28)),
     (date(2023, 8, 31), 6, date(2024, 2, 29)), (date(2026, 11, 24), 12, date(2027, 11, 24))],
)  # fmt: skip
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected
