"""patients_repo: what is registered is found again, by any way a practitioner types it."""

from __future__ import annotations

from datetime import date

import pytest

from console.clock import FakeClock
from console.data import patients_repo
from console.data.store import Db
from tests.data.contract.conftest import Store

NAMES = (
    "王小明",
    "Иван Петров",
    "محمد علي",
    "Zoë Brontë",
    "Anna Nguyễn",
    "Ivana Novak",
    "Seán O'Brien",
    "Zoe Adams",
)


def _add(db: Db, clock: FakeClock, name: str, born: date = date(1990, 2, 1)) -> str:
    with db.atomic():
        return patients_repo.insert(
            db, full_name=name, date_of_birth=born, now=clock.now(), by=None
        )


def names(db: Db, typed: str, **kw: object) -> list[str]:
    return [h["full_name"] for h in patients_repo.search(db, typed, **kw)]  # type: ignore[arg-type]


def test_what_is_registered_is_read_back(store: Store, practitioner: str) -> None:
    with store.db.atomic():
        pid = patients_repo.insert(
            store.db,
            full_name="Zoë Łukasz-Nguyễn",
            date_of_birth=date(1988, 3, 14),
            phone="+44 7700 900123",
            email="zoe@example.org",
            fitzpatrick=3,
            allergies="Lidocaïne",
            notes="Prefers mornings",
            preferred_language="fr",
            now=store.ctx.now(),
            by=practitioner,
        )
    row = patients_repo.get(store.db, pid)
    assert row is not None
    assert (row["full_name"], row["date_of_birth"], row["phone"], row["email"]) == (
        "Zoë Łukasz-Nguyễn",
        "1988-03-14",
        "+44 7700 900123",
        "zoe@example.org",
    )
    assert (row["fitzpatrick"], row["allergies"], row["notes"], row["preferred_language"]) == (
        3,
        "Lidocaïne",
        "Prefers mornings",
        "fr",
    )
    assert row["created_by"] == practitioner
    assert patients_repo.get(store.db, "no-such-id") is None


def test_two_patients_cannot_share_an_id(store: Store, clock: FakeClock) -> None:
    _add(store.db, clock, "First")
    first = patients_repo.search(store.db, "first")[0]["id"]
    with pytest.raises(store.refused), store.db.atomic():
        patients_repo.insert(
            store.db,
            full_name="Second",
            date_of_birth=date(1990, 1, 1),
            now=clock.now(),
            by=None,
            patient_id=first,
        )
    assert names(store.db, "second") == []


def test_an_edit_is_read_back_and_search_follows_it(store: Store, clock: FakeClock) -> None:
    pid = _add(store.db, clock, "Maria Lopez")
    clock.advance(60)
    with store.db.atomic():
        patients_repo.update(
            store.db,
            pid,
            {"full_name": "María López-Vidal", "phone": "07700 900456"},
            now=clock.now(),
        )
    row = patients_repo.get(store.db, pid)
    assert row is not None and row["full_name"] == "María López-Vidal"
    assert row["updated_at"] > row["created_at"]
    assert names(store.db, "vidal") == ["María López-Vidal"]
    assert names(store.db, "07700 900456") == ["María López-Vidal"]
    assert names(store.db, "lopez") == ["María López-Vidal"]


def test_an_edit_refuses_unknown_columns_and_patients(store: Store, clock: FakeClock) -> None:
    pid = _add(store.db, clock, "Maria Lopez")
    with pytest.raises(ValueError):
        patients_repo.update(store.db, pid, {"anonymised_at": "now"}, now=clock.now())
    with pytest.raises(KeyError):
        patients_repo.update(store.db, "no-such-id", {"notes": "x"}, now=clock.now())


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("zoe", ["Zoe Adams", "Zoë Brontë"]),  # accents ignored, alphabetical
        ("ZOË B", ["Zoë Brontë"]),
        ("nguyen", ["Anna Nguyễn"]),
        ("小明", ["王小明"]),
        ("ivan", ["Ivana Novak", "Иван Петров"]),  # the name that starts with it first
        ("petrov", ["Иван Петров"]),
        ("muhammad", ["محمد علي"]),
        ("obrien", ["Seán O'Brien"]),
        ("xylophone", []),
        ("", []),
    ],
)
def test_search_folds_case_accents_and_scripts(
    store: Store, clock: FakeClock, typed: str, found: list[str]
) -> None:
    for name in NAMES:
        _add(store.db, clock, name)
    assert names(store.db, typed) == found


def test_search_by_phone_email_birth_date_and_limit(store: Store, clock: FakeClock) -> None:
    with store.db.atomic():
        patients_repo.insert(
            store.db,
            full_name="Inès Moreau",
            date_of_birth=date(1975, 12, 24),
            phone="+33 6 12 34 56 78",
            email="ines.moreau@example.fr",
            now=clock.now(),
            by=None,
        )
    for i in range(5):
        _add(store.db, clock, f"Moreau Cousin {i}")
    assert names(store.db, "06 12 34") == ["Inès Moreau"]  # dialled at home, trunk 0
    assert names(store.db, "ines.moreau") == ["Inès Moreau"]
    assert names(store.db, "24.12.1975") == ["Inès Moreau"]
    assert names(store.db, "x", birth_date=date(1975, 12, 24)) == ["Inès Moreau"]
    assert len(names(store.db, "moreau", limit=3)) == 3
    assert names(store.db, "moreau", limit=0) == []


def test_with_birth_date_lists_namesakes(store: Store, clock: FakeClock) -> None:
    _add(store.db, clock, "Ann Lee", date(1980, 5, 5))
    _add(store.db, clock, "Anne Lee", date(1980, 5, 5))
    _add(store.db, clock, "Ann Lee", date(1981, 5, 5))
    born = patients_repo.with_birth_date(store.db, date(1980, 5, 5))
    assert sorted(r["full_name"] for r in born) == ["Ann Lee", "Anne Lee"]


def test_recent_visits_newest_first_with_their_areas(
    store: Store, patient_id: str, clock: FakeClock
) -> None:
    from tests.conftest import one_area_visit

    first = one_area_visit(store.ctx, patient_id, clock, serial="0001", zone="forehead")
    clock.advance(86400 * 30)
    second = one_area_visit(store.ctx, patient_id, clock, serial="0002", zone="cheeks")
    visits = patients_repo.recent_visits(store.db, patient_id)
    assert [v["id"] for v in visits] == [second, first]
    assert visits[0]["status"] == "completed"
    assert [(a["passes"], a["endpoint"]) for a in visits[1]["areas"]] == [(1, "erythema")]
    assert [v["id"] for v in patients_repo.recent_visits(store.db, patient_id, limit=1)] == [second]
