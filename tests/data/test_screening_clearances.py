"""Clearances and reminders as the service stores them (issue 11)."""

from __future__ import annotations

from datetime import date

import pytest

from console.context import AppContext
from console.model.clearance import Clearance
from console.model.screening import Answer
from console.records import history
from console.visit.service import VisitService
from tests.conftest import no_contraindications


def with_answers(ctx: AppContext, visit_id: str, **given: Answer) -> list[Answer]:
    return [given.get(a.item_id, a) for a in no_contraindications(ctx, visit_id)]


CLEARED = Clearance(
    by_name="Dr Priya Patel",
    by_role="General practitioner",
    method="letter",
    on=date(2026, 11, 20),
    note="Aspirin paused for 7 days, fine to treat",
)


def test_a_placeholder_clearance_is_stored_as_blocking(ctx: AppContext, patient: str) -> None:
    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient)
    fake = Clearance("n/a..", "n/a..", "phone", date(2026, 11, 20), "n/a..")
    outcome = svc.answer_screening(
        visit_id,
        with_answers(ctx, visit_id, anticoagulants=Answer("anticoagulants", True, clearance=fake)),
    )
    assert not outcome.can_proceed
    assert not svc.screening_passed(visit_id)
    assert "Screening" in svc.prep_missing(visit_id)[0]


def test_a_clearance_and_an_answered_reminder_are_recorded_and_shown(
    ctx: AppContext, patient: str
) -> None:
    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient)
    outcome = svc.answer_screening(
        visit_id,
        with_answers(
            ctx,
            visit_id,
            anticoagulants=Answer("anticoagulants", True, clearance=CLEARED),
            cold_sores=Answer("cold_sores", True, prompt_answer="cover_confirmed"),
        ),
    )
    assert outcome.can_proceed and svc.screening_passed(visit_id)
    notes = {e.item_id: e.note for e in history.screening_history(ctx.db, patient)}
    assert notes["anticoagulants"] == (
        "Cleared by Dr Priya Patel (General practitioner), letter or e-mail on file, "
        "2026-11-20: Aspirin paused for 7 days, fine to treat"
    )
    assert notes["cold_sores"] == "Antiviral cover confirmed"


@pytest.mark.parametrize("item", ["anticoagulants", "cold_sores"])
def test_answers_stored_before_the_details_existed_are_asked_again(
    ctx: AppContext, patient: str, item: str
) -> None:
    """A visit left open across the upgrade: its 'seen' reminder or bare note no longer passes."""
    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient)
    svc.answer_screening(
        visit_id,
        with_answers(
            ctx,
            visit_id,
            anticoagulants=Answer("anticoagulants", True, clearance=CLEARED),
            cold_sores=Answer("cold_sores", True, prompt_answer="cover_confirmed"),
        ),
    )
    assert svc.screening_passed(visit_id)
    ctx.db.execute(
        "UPDATE screening_answers SET blocks = NULL WHERE visit_id = ? AND item_id = ?",
        [visit_id, item],
    )
    assert not svc.screening_passed(visit_id)
