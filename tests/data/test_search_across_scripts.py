"""Search across scripts: parts of CJK/Hangul names, Latin spellings of other scripts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from console.context import AppContext
from console.data import patients_repo
from console.data.db import open_database
from console.patients.service import PatientForm, PatientService


@pytest.fixture
def svc(ctx: AppContext, staff: list[str]) -> PatientService:
    service = PatientService(ctx)
    for name in (
        "王小明",
        "김민준",
        "Иван Петров",
        "Γιώργος Παπαδόπουλος",
        "محمد علي",
        "فاطمة الزهراء",
        "Ivana Novak",
        "Zoë Brontë",
        "Anna Nguyễn",
        "דוד כהן",
        "小林 明",
    ):
        service.register(PatientForm(full_name=name, date_of_birth="01.02.1990"))
    return service


def names(svc: PatientService, typed: str) -> set[str]:
    return {h.full_name for h in svc.search(typed)}


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("小明", {"王小明"}),  # a given name inside a name written without spaces
        ("王", {"王小明"}),
        ("明", {"王小明", "小林 明"}),
        ("민준", {"김민준"}),
        ("ivan", {"Иван Петров", "Ivana Novak"}),
        ("petrov", {"Иван Петров"}),
        ("giorgos", {"Γιώργος Παπαδόπουλος"}),
        ("papadopoulos", {"Γιώργος Παπαδόπουλος"}),
        ("muhammad", {"محمد علي"}),
        ("mohamed", {"محمد علي"}),
        ("fatima zahra", {"فاطمة الزهراء"}),
        ("xiaoming", {"王小明"}),
        ("david", {"דוד כהן"}),
        ("zoe", {"Zoë Brontë"}),  # accents still ignored
        ("ANNA", {"Anna Nguyễn"}),  # case too; and "anna" is no consonant key of ن names
    ],
)
def test_search_finds_across_scripts(svc: PatientService, typed: str, found: set[str]) -> None:
    assert names(svc, typed) == found


def test_migration_reindexes_patients_stored_before_it(tmp_path: Path) -> None:
    from console.data.migrations import MIGRATIONS

    db = open_database(tmp_path / "old.sqlite3", migrate=False)
    MIGRATIONS.apply(db, stop_before="0016_search_across_scripts")
    with db.conn:
        patients_repo.insert(
            db,
            full_name="王小明",
            date_of_birth=date(1990, 2, 1),
            now=datetime(2026, 1, 1, tzinfo=UTC),
            by=None,
        )
        # As the search text was before: the folded name and birth date forms only.
        db.execute("UPDATE patients SET search_text = '王小明 1990-02-01'")
    assert patients_repo.search(db, "小明") == []
    MIGRATIONS.apply(db)
    assert [h["full_name"] for h in patients_repo.search(db, "小明")] == ["王小明"]
    assert [h["full_name"] for h in patients_repo.search(db, "wang")] == ["王小明"]
