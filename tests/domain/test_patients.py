"""Registering patients: what the form accepts, what it refuses and why, and the twin guard."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.context import AppContext
from console.data import audit_repo, patients_repo
from console.errors import DomainError
from console.patients import fields as pf
from console.patients.service import FormErrors, PatientForm, PatientService, PossibleDuplicate

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Zoë Brontë", "Zoë Brontë"),
        ("  Łukasz   Żuławski ", "Łukasz Żuławski"),
        ("Nguyễn Thu Trang", "Nguyễn Thu Trang"),
        ("王小明", "王小明"),
        ("O'Brien", "O'Brien"),
        ("Ó Briain", "Ó Briain"),
        ("Zoe\u0308 Bronte\u0308", "Zoë Brontë"),  # decomposed input is stored composed
        ("Jean-Luc\tPicard", "Jean-Luc Picard"),
        ("Σοφία Παπαδοπούλου", "Σοφία Παπαδοπούλου"),
        ("Ольга Иванова", "Ольга Иванова"),
        ("محمد الأحمد", "محمد الأحمد"),
        ("Kamakaʻeha", "Kamakaʻeha"),
    ],
)
def test_names_in_any_script_are_accepted_and_tidied(typed: str, stored: str) -> None:
    assert pf.clean_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type the patient's name."),
        ("    ", "Type the patient's name."),
        ("'-.", "A name needs at least one letter."),
        ("Zoe 2", "A name cannot contain digits."),
        ("Zoe ２", "A name cannot contain digits."),
        ("Zoe\x00Bronte", "The name contains an invisible control character."),
        ("Zoe\x1b[31m", "The name contains an invisible control character."),
        ("zoe@example.org", "A name cannot contain “@”."),
        ("A" * 201, "The name is 201 characters long; at most 200 fit."),
    ],
)
def test_bad_names_are_refused_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(DomainError) as err:
        pf.clean_name(typed)
    assert err.value.message == message
    assert err.value.field == "full_name"


@pytest.mark.parametrize(
    "typed",
    [
        "24.11.1990",
        "24/11/1990",
        "1990-11-24",
        "24111990",
        "24-11-1990",
        " 24 . 11 . 1990 ",
        "24 Nov 1990",
        "24 november 1990",
        "２４.１１.１９９０",
        "19901124",
    ],
)
def test_birth_dates_typed_in_the_usual_ways(typed: str) -> None:
    assert pf.parse_date_of_birth(typed, TODAY) == date(1990, 11, 24)


def test_ambiguous_dates_are_read_day_first() -> None:
    assert pf.parse_date_of_birth("11/12/1990", TODAY) == date(1990, 12, 11)
    assert "11/12/1990 is 11 December" in pf.DOB_HINT


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type the date of birth."),
        ("31.02.1990", "Month 2 of 1990 has no day 31."),
        ("29.02.1991", "Month 2 of 1991 has no day 29."),
        ("12/24/1990", "There is no month 24."),
        ("24.11.90", "Type the year with four digits"),
        ("241190", "Type the year with four digits"),
        ("25.11.2026", "The date of birth is in the future."),
        ("24.11.2026", "The date of birth is today: check the year."),
        ("23.11.1905", "That makes the patient 121 years old: check the year."),
        ("1990.5", "Not a date."),
        ("24 Novembre 1990", "“novembre” is not a month."),
        ("yesterday", "Not a date."),
    ],
)
def test_impossible_birth_dates_are_refused(typed: str, message: str) -> None:
    with pytest.raises(DomainError) as err:
        pf.parse_date_of_birth(typed, TODAY)
    assert err.value.message.startswith(message)
    assert err.value.field == "date_of_birth"


def test_exactly_120_years_is_still_accepted() -> None:
    assert pf.parse_date_of_birth("24.11.1906", TODAY) == date(1906, 11, 24)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_any_text_for_a_birth_date_gives_a_date_or_a_domain_error(text: str) -> None:
    try:
        result = pf.parse_date_of_birth(text, TODAY)
    except DomainError as e:
        assert e.field == "date_of_birth" and e.message
    else:
        assert date(1906, 11, 24) <= result < TODAY


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[0-9 ./\-]{0,14}", fullmatch=True))
def test_digit_soup_for_a_birth_date_gives_a_date_or_a_domain_error(text: str) -> None:
    try:
        pf.parse_date_of_birth(text, TODAY)
    except DomainError as e:
        assert e.field == "date_of_birth"


@pytest.mark.parametrize(
    ("typed", "ok"),
    [
        ("+44 7700 900123", True),
        ("(020) 7946-0958", True),
        ("0612345678", True),
        ("", True),
        ("12345", False),
        ("+44 7700 90012x", False),
        ("44+7700900123", False),
        ("1.5", False),
        ("1" * 21, False),
    ],
)
def test_phone_numbers(typed: str, ok: bool) -> None:
    if ok:
        assert pf.clean_phone(typed) == typed
    else:
        with pytest.raises(DomainError) as err:
            pf.clean_phone(typed)
        assert err.value.field == "phone"


@pytest.mark.parametrize(
    ("typed", "ok"),
    [
        ("zoe@example.org", True),
        ("zoë.brontë@exämple.de", True),
        ("", True),
        ("zoe@", False),
        ("zoe example.org", False),
        ("@example.org", False),
        ("a@b@c.org", False),
        ("zoe@example", False),
        ("zoe@example..org", False),
    ],
)
def test_email_sanity(typed: str, ok: bool) -> None:
    if ok:
        assert pf.clean_email(typed) == typed
    else:
        with pytest.raises(DomainError):
            pf.clean_email(typed)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("I", 1), ("iv", 4), ("VI", 6), ("3", 3), (5, 5), ("Type II", 2), ("", None), (None, None)],
)
def test_fitzpatrick_as_roman_numerals_or_digits(typed: str | int | None, value: int) -> None:
    assert pf.parse_fitzpatrick(typed) == value


@pytest.mark.parametrize("typed", ["VII", "0", "7", "4.0", "4,5", "IIII", 9, True])
def test_fitzpatrick_outside_one_to_six_is_refused(typed: str | int) -> None:
    with pytest.raises(DomainError) as err:
        pf.parse_fitzpatrick(typed)
    assert err.value.message == "Choose a skin type from I to VI."


def test_every_bad_field_is_reported_at_once_and_nothing_is_saved(
    ctx: AppContext, staff: list[str]
) -> None:
    form = PatientForm(full_name="   ", date_of_birth="31.02.1990", phone="12", fitzpatrick="VII")
    with pytest.raises(FormErrors) as err:
        PatientService(ctx).register(form)
    assert set(err.value.errors) == {"full_name", "date_of_birth", "phone", "fitzpatrick"}
    assert ctx.db.execute("SELECT COUNT(*) FROM patients").fetchone()[0] == 0
    assert not [r for r in audit_repo.rows(ctx.db) if r["action"] == "patient.create"]


def test_register_stores_clean_values_and_audits(ctx: AppContext, staff: list[str]) -> None:
    svc = PatientService(ctx)
    pid = svc.register(
        PatientForm(
            full_name=" Zoë  Brontë ",
            date_of_birth="24/11/1990",
            phone="+44 7700 900123",
            email="zoe@example.org",
            fitzpatrick="II",
            allergies="Lidocaine",
        )
    )
    p = svc.get(pid)
    assert (p.full_name, p.date_of_birth, p.fitzpatrick_roman) == (
        "Zoë Brontë",
        date(1990, 11, 24),
        "II",
    )
    audit = [r for r in audit_repo.rows(ctx.db, entity_id=pid)]
    assert [r["action"] for r in audit] == ["patient.create"]
    assert audit[0]["practitioner_id"] == staff[0]
    assert "Zoë" not in audit[0]["detail"]  # field names, never the health data itself


def test_register_needs_someone_signed_in(ctx: AppContext) -> None:
    with pytest.raises(DomainError, match="Sign in"):
        PatientService(ctx).register(PatientForm(full_name="Zoë", date_of_birth="1990-11-24"))


def test_same_name_without_accents_and_same_birth_date_is_a_possible_twin(
    ctx: AppContext, staff: list[str]
) -> None:
    svc = PatientService(ctx)
    first = svc.register(PatientForm(full_name="Zoe Bronte", date_of_birth="24.11.1990"))
    with pytest.raises(PossibleDuplicate) as err:
        svc.register(PatientForm(full_name="Zoë  BRONTË", date_of_birth="1990-11-24"))
    assert [m.id for m in err.value.matches] == [first]
    assert err.value.matches[0].full_name == "Zoe Bronte"
    assert ctx.db.execute("SELECT COUNT(*) FROM patients").fetchone()[0] == 1
    # Another birth date is another person: no question asked.
    svc.register(PatientForm(full_name="Zoë Brontë", date_of_birth="25.11.1990"))


def test_a_confirmed_different_person_is_created_and_the_confirmation_audited(
    ctx: AppContext, staff: list[str]
) -> None:
    svc = PatientService(ctx)
    first = svc.register(PatientForm(full_name="王小明", date_of_birth="1990-11-24"))
    form = PatientForm(full_name="王小明", date_of_birth="24111990")
    with pytest.raises(PossibleDuplicate):
        svc.register(form)
    second = svc.register(form, different_from=[first])
    assert second != first
    detail = json.loads(audit_repo.rows(ctx.db, entity_id=second)[0]["detail"])
    assert detail["confirmed_different_from"] == [first]


def test_update_audits_the_changed_fields_and_reindexes(ctx: AppContext, staff: list[str]) -> None:
    svc = PatientService(ctx)
    pid = svc.register(PatientForm(full_name="Zoe Bronte", date_of_birth="24.11.1990"))
    changed = svc.update(
        pid, PatientForm(full_name="Zoë Brontë", date_of_birth="24.11.1990", phone="0612 345 678")
    )
    assert changed == ["full_name", "phone"]
    assert svc.get(pid).phone == "0612 345 678"
    row = audit_repo.rows(ctx.db, entity_id=pid)[0]
    assert row["action"] == "patient.change"
    assert json.loads(row["detail"]) == {"fields": ["full_name", "phone"]}
    assert [h.id for h in svc.search("0612345")] == [pid]
    assert (
        svc.update(
            pid,
            PatientForm(full_name="Zoë Brontë", date_of_birth="24.11.1990", phone="0612 345 678"),
        )
        == []
    )


def test_update_refuses_to_become_a_twin(ctx: AppContext, staff: list[str]) -> None:
    svc = PatientService(ctx)
    svc.register(PatientForm(full_name="Zoë Brontë", date_of_birth="24.11.1990"))
    other = svc.register(PatientForm(full_name="Zoe Brontë", date_of_birth="25.11.1990"))
    with pytest.raises(PossibleDuplicate):
        svc.update(other, PatientForm(full_name="Zoe Brontë", date_of_birth="24.11.1990"))
    assert patients_repo.get(ctx.db, other)["date_of_birth"] == "1990-11-25"


def test_opening_a_patient_is_audited(ctx: AppContext, staff: list[str]) -> None:
    svc = PatientService(ctx)
    pid = svc.register(PatientForm(full_name="Ó Briain", date_of_birth="1.2.1980"))
    assert svc.open(pid).full_name == "Ó Briain"
    assert audit_repo.rows(ctx.db, entity_id=pid)[0]["action"] == "patient.open"
