"""Search while typing over name, birth date, phone and email, on a real database file."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.context import AppContext
from console.data import patients_repo
from console.data.db import open_database
from console.patients.service import PatientForm, PatientService


def _add(svc: PatientService, name: str, dob: str, phone: str = "", email: str = "") -> str:
    return svc.register(PatientForm(full_name=name, date_of_birth=dob, phone=phone, email=email))


def _visit(ctx: AppContext, patient_id: str, started: str, status: str = "completed") -> str:
    vid = str(uuid.uuid4())
    ctx.db.execute(
        "INSERT INTO visits (id, patient_id, practitioner_id, protocol_version, status, "
        "started_at) VALUES (?, ?, ?, (SELECT MAX(version) FROM protocol_versions), ?, ?)",
        [vid, patient_id, ctx.practitioner_id, status, started],
    )
    return vid


@pytest.fixture
def svc(ctx: AppContext, staff: list[str]) -> PatientService:
    return PatientService(ctx)


def names(svc: PatientService, typed: str) -> list[str]:
    return [h.full_name for h in svc.search(typed)]


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("Zoë Brontë", "zoe"),
        ("Zoë Brontë", "ZOË BRON"),
        ("Zoë Brontë", "bronte"),
        ("Łukasz Żuławski", "lukasz zul"),
        ("Łukasz Żuławski", "zuł"),
        ("Nguyễn Thu Trang", "ngu"),
        ("Nguyễn Thu Trang", "trang nguyen"),
        ("王小明", "王"),
        ("王小明", "王小"),
        ("Øvergård", "overg"),
        ("Emma O'Brien", "obrien"),
        ("Emma O'Brien", "o'bri"),
        ("Emma O'Brien", "O’Brien"),
        ("Σοφία Παπαδοπούλου", "σοφια"),
    ],
)
def test_accents_case_and_order_are_ignored(svc: PatientService, name: str, typed: str) -> None:
    _add(svc, "Someone Else", "01.01.1970")
    _add(svc, name, "24.11.1990")
    assert names(svc, typed) == [name]


@pytest.mark.parametrize(
    "typed", ["24.11.1990", "24/11/1990", "1990-11-24", "24111990", "1990-11", "24.11", "1990"]
)
def test_birth_date_in_the_forms_people_type(svc: PatientService, typed: str) -> None:
    _add(svc, "Other Person", "11.12.1991")
    pid = _add(svc, "Zoë Brontë", "24.11.1990")
    assert [h.id for h in svc.search(typed)] == [pid]


@pytest.mark.parametrize("typed", ["07700 900", "0770090", "+44 7700", "447700900123", "900123"])
def test_phone_digits_typed_with_or_without_spaces(svc: PatientService, typed: str) -> None:
    _add(svc, "Other Person", "11.12.1991", phone="+33 6 12 34 56 78")
    pid = _add(svc, "Zoë Brontë", "24.11.1990", phone="+44 7700 900123")
    hits = [h.id for h in svc.search(typed)]
    if typed == "900123":
        assert hits == []  # digits are matched from the start of the number, not inside it
    else:
        assert hits == [pid]


def test_an_international_number_is_found_by_its_national_form(svc: PatientService) -> None:
    pid = _add(svc, "Chloé Lefèvre", "02.03.1985", phone="+33 6 12 34 56 78")
    assert [h.id for h in svc.search("0612")] == [pid]
    assert [h.id for h in svc.search("06 12 34")] == [pid]


def test_email_parts(svc: PatientService) -> None:
    pid = _add(svc, "Zoë Brontë", "24.11.1990", email="z.bronte@clinic-mail.example")
    assert [h.id for h in svc.search("clinic")] == [pid]
    assert [h.id for h in svc.search("z.bronte@")] == [pid]


def test_exact_name_first_then_name_prefix_then_other_fields(svc: PatientService) -> None:
    _add(svc, "Annabel Zoe", "01.01.1980")  # "zoe" is a later name
    _add(svc, "Zoey Adams", "01.01.1981")
    _add(svc, "Zoe", "01.01.1982")
    _add(svc, "Amelia Jones", "01.01.1983", email="zoe.fan@example.org")
    _add(svc, "Zoë Abbott", "01.01.1984")
    assert names(svc, "zoe") == ["Zoe", "Zoë Abbott", "Zoey Adams", "Annabel Zoe", "Amelia Jones"]


def test_every_result_carries_the_newest_visit(ctx: AppContext, svc: PatientService) -> None:
    a = _add(svc, "Zoë Brontë", "24.11.1990")
    b = _add(svc, "Zoë Abbott", "24.11.1991")
    _visit(ctx, a, "2026-03-01T10:00:00+00:00")
    _visit(ctx, a, "2026-10-20T09:30:00+00:00")
    _visit(ctx, a, "2026-05-01T10:00:00+00:00")
    hits = {h.id: h for h in svc.search("zoe")}
    assert hits[a].last_visit == datetime(2026, 10, 20, 9, 30, tzinfo=UTC)
    assert hits[b].last_visit is None


def test_nothing_typed_or_nothing_found(svc: PatientService) -> None:
    _add(svc, "Zoë Brontë", "24.11.1990")
    assert svc.search("") == []
    assert svc.search("   ") == []
    assert svc.search("xyz") == []
    for odd in ['"', "*", "-", "NEAR(", "zoe OR", "^", "_", ":", "()"]:
        svc.search(odd)  # FTS syntax never leaks out as an error


def test_at_most_fifty_results(ctx: AppContext, svc: PatientService) -> None:
    from console.demo import clinic as demo

    demo.create_patients(ctx.db, 400, seed=3, now=ctx.now(), by=ctx.practitioner_id)
    assert len(svc.search("example")) == 50  # every demo email
    assert len(svc.search("1")) == 50


def test_anonymised_patients_are_not_found(ctx: AppContext, svc: PatientService) -> None:
    pid = _add(svc, "Zoë Brontë", "24.11.1990")
    ctx.db.execute("UPDATE patients SET anonymised_at = ? WHERE id = ?", ["2026-11-01", pid])
    assert svc.search("zoe") == []
    assert svc.search("24.11.1990") == []


def test_migration_reindexes_patients_stored_before_it(tmp_path: object) -> None:
    from pathlib import Path

    from console.data.migrations import MIGRATIONS

    path = Path(str(tmp_path)) / "old.sqlite3"
    db = open_database(path, migrate=False)
    MIGRATIONS.apply(db, stop_before="0006_patient_search")
    with db.conn:
        db.execute(
            "INSERT INTO patients (id, full_name, date_of_birth, phone, search_text, created_at, "
            "updated_at) VALUES ('p1', 'Emma O''Brien', '1990-11-24', '+33 6 12 34 56 78', "
            "'emma o''brien 1990-11-24', 'x', 'x')"
        )
    MIGRATIONS.apply(db)
    hits = patients_repo.search(db, "obrien")
    assert [h["id"] for h in hits] == ["p1"]
    assert [h["id"] for h in patients_repo.search(db, "0612")] == ["p1"]
    assert patients_repo.search(db, "emma", birth_date=date(1990, 11, 24))[0]["id"] == "p1"


def test_the_name_range_ends_right_after_the_prefix(svc: PatientService) -> None:
    _add(svc, "Zoë Brontë", "24.11.1990")
    _add(svc, "Zoë Brontës", "24.11.1990")
    _add(svc, "Zoë Brontf", "24.11.1990")
    assert names(svc, "zoe bronte") == ["Zoë Brontë", "Zoë Brontës"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.text(max_size=12) | st.sampled_from(["\ud7ff", "\U0010ffff", "a\ud7ff"]))
def test_any_typed_text_gives_a_short_list(svc: PatientService, typed: str) -> None:
    hits = svc.search(typed)
    assert isinstance(hits, list) and len(hits) <= 50


def test_editing_allergies_leaves_the_search_index_alone(
    ctx: AppContext, svc: PatientService
) -> None:
    pid = _add(svc, "Zoë Brontë", "24.11.1990")
    _add(svc, "Someone Else", "01.01.1970")  # so a re-inserted row gets a new rowid

    def fts_rowid() -> int:
        sql = "SELECT rowid FROM patients_fts WHERE patient_id = ?"
        return int(ctx.db.execute(sql, [pid]).fetchone()[0])

    before = fts_rowid()
    svc.update(
        pid, PatientForm(full_name="Zoë Brontë", date_of_birth="24.11.1990", allergies="Lidocaine")
    )
    assert fts_rowid() == before  # no delete + insert (a scan of the index per edit)
    svc.update(
        pid,
        PatientForm(
            full_name="Zoë Brontë",
            date_of_birth="24.11.1990",
            phone="0612 345 678",
            allergies="Lidocaine",
        ),
    )
    assert fts_rowid() != before
    assert [h.id for h in svc.search("0612")] == [pid]
