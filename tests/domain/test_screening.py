from __future__ import annotations

from datetime import date

import pytest

from console.errors import DomainError
from console.model.clearance import Clearance, options
from console.model.protocol import default_body, from_body
from console.model.screening import Answer, add_months, evaluate

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


def cleared(**changes: object) -> Answer:
    fields: dict[str, object] = {
        "by_name": "Dr Priya Patel",
        "by_role": "General practitioner",
        "method": "phone",
        "on": date(2026, 11, 20),
        "note": "Aspirin paused 7 days, fine to treat",
    }
    fields.update(changes)
    return Answer("anticoagulants", True, clearance=Clearance(**fields))  # type: ignore[arg-type]


def test_a_complete_clearance_proceeds_and_says_who_how_and_when() -> None:
    outcome = evaluate(PROTOCOL, answers(anticoagulants=cleared()), TODAY)
    assert outcome.can_proceed
    (finding,) = outcome.findings
    assert finding.message == (
        "Cleared by Dr Priya Patel (General practitioner), phone call, 20 Nov 2026: "
        "Aspirin paused 7 days, fine to treat"
    )


def test_a_clearance_without_its_details_blocks() -> None:
    bare = Answer("anticoagulants", True)
    outcome = evaluate(PROTOCOL, answers(anticoagulants=bare), TODAY)
    assert not outcome.can_proceed
    assert outcome.blocking[0].field == "clearance_name"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"by_name": "n/a.."}, "clearance_name"),
        ({"by_name": "xxxxx"}, "clearance_name"),
        ({"by_name": "Dr"}, "clearance_name"),
        ({"by_name": "   "}, "clearance_name"),
        ({"by_role": "-----"}, "clearance_role"),
        ({"by_role": "asdasd"}, "clearance_role"),
        ({"method": ""}, "clearance_method"),
        ({"method": "telepathy"}, "clearance_method"),
        ({"on": None}, "clearance_date"),
        ({"on": date(2026, 11, 25)}, "clearance_date"),
        ({"note": "n/a.."}, "clearance_note"),
        ({"note": "xxxxx"}, "clearance_note"),
        ({"note": "....."}, "clearance_note"),
        ({"note": "aaaaaaaaaa"}, "clearance_note"),
        ({"note": "ok"}, "clearance_note"),
        ({"note": "12345 67890"}, "clearance_note"),
        ({"note": "see notes"}, "clearance_note"),
        ({"note": "cleared"}, "clearance_note"),
    ],
)
def test_placeholders_are_not_a_clearance(changes: dict[str, object], field: str) -> None:
    outcome = evaluate(PROTOCOL, answers(anticoagulants=cleared(**changes)), TODAY)
    assert not outcome.can_proceed
    assert outcome.blocking[0].field == field


@pytest.mark.parametrize(
    "changes",
    [
        {"by_name": "王小明", "note": "阿司匹林已停用七天"},  # no spaces between words
        {"by_name": "Dr Li", "by_role": "GP", "method": "letter"},
        {"method": "in_person", "on": TODAY, "note": "Warfarin INR 2.1 today, treat gently"},
    ],
)
def test_real_clearances_in_any_script_pass(changes: dict[str, object]) -> None:
    assert evaluate(PROTOCOL, answers(anticoagulants=cleared(**changes)), TODAY).can_proceed


def test_a_prompt_records_its_answer_not_just_seen() -> None:
    seen = Answer("cold_sores", True)
    outcome = evaluate(PROTOCOL, answers(cold_sores=seen), TODAY)
    assert not outcome.can_proceed
    assert outcome.blocking[0].field == "prompt_answer"
    assert "antiviral cover" in outcome.blocking[0].message
    made_up = Answer("cold_sores", True, prompt_answer="seen")
    assert not evaluate(PROTOCOL, answers(cold_sores=made_up), TODAY).can_proceed
    for answer_id, words in (
        ("cover_confirmed", "Antiviral cover confirmed"),
        ("not_needed", "Antiviral cover not needed"),
    ):
        given = Answer("cold_sores", True, prompt_answer=answer_id)
        outcome = evaluate(PROTOCOL, answers(cold_sores=given), TODAY)
        assert outcome.can_proceed
        assert outcome.findings[0].answer_text.startswith(words)


def test_the_answer_options_are_data() -> None:
    opts = options()
    assert [m for m, _ in opts.methods] == ["letter", "phone", "in_person"]
    cold = next(c for c in PROTOCOL.contraindications if c.id == "cold_sores")
    assert [a for a, _ in opts.answers_for(cold)] == ["cover_confirmed", "not_needed"]
    for item in PROTOCOL.contraindications:
        if item.kind == "prompt":
            assert opts.answers_for(item), item.id


def test_anaesthetic_allergy_rules_out_numbing() -> None:
    allergy = Answer("anaesthetic_allergy", True, prompt_answer="no_numbing")
    outcome = evaluate(PROTOCOL, answers(anaesthetic_allergy=allergy), TODAY)
    assert outcome.can_proceed and outcome.no_numbing


def test_every_question_must_be_answered() -> None:
    with pytest.raises(DomainError, match="unanswered"):
        evaluate(PROTOCOL, answers()[1:], TODAY)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2026, 11, 24), 12, date(2027, 11, 24)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected
