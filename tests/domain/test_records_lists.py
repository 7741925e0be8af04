"""Due list (next session due or overdue, with contacts) and the day log per practitioner."""

from __future__ import annotations

from datetime import date, timedelta

from console.clock import FakeClock
from console.context import AppContext
from console.records import lists
from tests.records_support import add_patient, make_visit


def test_due_list_has_due_and_overdue_patients_only(
    ctx: AppContext, staff: list[str], clock: FakeClock
) -> None:
    week = timedelta(weeks=1).total_seconds()
    done = add_patient(ctx, "Done Three", date(1980, 1, 1), "+44 1", "three@example.org")
    late = add_patient(ctx, "Late Once", date(1981, 1, 1), "+44 2", "late@example.org")
    soon = add_patient(ctx, "Soon Twice", date(1982, 1, 1), "+44 3", "soon@example.org")
    later = add_patient(ctx, "Later Once", date(1983, 1, 1), "+44 4", "later@example.org")
    for i in range(3):  # weeks 0, 7, 14: series complete
        make_visit(ctx, clock, done, lot="L", serial=f"d{i}")
        if i == 0:
            make_visit(ctx, clock, late, lot="L", serial="late")
        clock.advance(7 * week)
    # now week 21: Late's next was due at week 7 -> overdue by 14 weeks
    clock.advance(-(7 * week) + 1)  # back to week 14 (+1 s)
    make_visit(ctx, clock, soon, lot="L", serial="s1")  # week 14 -> due week 21
    clock.advance(5 * week)
    make_visit(ctx, clock, later, lot="L", serial="l1")  # week 19 -> due week 26
    clock.advance(2 * week - 3600 * 4)  # week 21, a few hours before Soon's due date

    today = ctx.now().date()
    entries = {e.patient_name: e for e in lists.due_list(ctx.db, today=today)}
    assert set(entries) == {"Late Once", "Soon Twice"}
    assert entries["Late Once"].state == "overdue" and entries["Late Once"].days_overdue > 90
    assert entries["Soon Twice"].state == "due" and entries["Soon Twice"].done == 1
    assert entries["Late Once"].email == "late@example.org"
    assert [e.patient_name for e in lists.due_list(ctx.db, today=today)] == [
        "Soon Twice",
        "Late Once",
    ]
    # Long-lapsed patients are left out when the window is short.
    short = lists.due_list(ctx.db, today=today, overdue_up_to_days=30)
    assert {e.patient_name for e in short} == {"Soon Twice"}


def test_day_log_groups_today_by_practitioner(
    ctx: AppContext, staff: list[str], clock: FakeClock
) -> None:
    a = add_patient(ctx, "Ann One", date(1980, 1, 1))
    b = add_patient(ctx, "Bob Two", date(1981, 1, 1))
    yesterday = make_visit(ctx, clock, a, lot="L", serial="y")
    clock.advance(timedelta(days=1).total_seconds())
    first = make_visit(
        ctx,
        clock,
        a,
        lot="L",
        serial="1",
        areas=[("cheeks", "0.75", (40, 50)), ("neck", "0.75", (30,))],
    )
    ctx.practitioner_id = staff[1]
    second = make_visit(ctx, clock, b, lot="L", serial="2")
    log = lists.day_log(ctx.db, ctx.now().date())
    by_name = {name: [e.visit_id for e in entries] for name, entries in log.items()}
    assert by_name == {"Dr Amara Okafor": [first], "Nurse Chloé Martin": [second]}
    entry = log["Dr Amara Okafor"][0]
    assert (entry.areas, entry.passes, entry.seconds) == (2, 3, 120)
    assert yesterday not in {v for ids in by_name.values() for v in ids}
