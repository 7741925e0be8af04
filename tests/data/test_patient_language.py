"""A patient's preferred language: stored, validated, and used for the archived sheet."""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from console.aftercare import archive
from console.clock import FakeClock
from console.context import AppContext
from console.data import handouts_repo, patients_repo
from console.errors import DomainError
from console.patients.service import FormErrors, PatientForm, PatientService, form_from
from tests.conftest import one_area_visit, require_tool

FORM = PatientForm(full_name="Lucía Fernández", date_of_birth="12.03.1985")


def _text(path: Path) -> str:
    out = subprocess.run(
        [require_tool("pdftotext", "poppler-utils"), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


def test_preferred_language_is_stored_and_defaults_to_the_clinics(
    ctx: AppContext, staff: list[str]
) -> None:
    svc = PatientService(ctx)
    plain = svc.get(svc.register(FORM))
    assert plain.preferred_language is None  # the clinic's, whatever it becomes later
    pid = svc.register(
        PatientForm(full_name="Ana Souza", date_of_birth="01.02.1990", preferred_language="pt-BR")
    )
    assert svc.get(pid).preferred_language == "pt"
    spanish = replace(form_from(svc.get(pid)), preferred_language="es")
    assert svc.update(pid, spanish) == ["preferred_language"]
    assert svc.get(pid).preferred_language == "es"


def test_unknown_language_is_refused_next_to_its_field(ctx: AppContext, staff: list[str]) -> None:
    with pytest.raises(FormErrors) as caught:
        PatientService(ctx).register(
            PatientForm(full_name="X Y", date_of_birth="01.02.1990", preferred_language="klingon")
        )
    assert "choose one of" in caught.value.errors["preferred_language"]
    assert patients_repo.search(ctx.db, "x y") == []  # nothing half-saved


def test_archived_sheet_is_in_the_patients_language(
    ctx: AppContext, staff: list[str], clock: FakeClock
) -> None:
    svc = PatientService(ctx)
    pid = svc.register(
        PatientForm(full_name="فاطمة الزهراء", date_of_birth="01.02.1990", preferred_language="ar")
    )
    visit_id = one_area_visit(ctx, pid, clock, serial="0101")
    info = archive.create_handout(ctx, visit_id)
    text = _text(info.path)
    assert "العناية ببشرتك بعد الوخز بالإبر الدقيقة" in text
    assert "فاطمة الزهراء" in text


def test_unprintable_name_stops_the_sheet_before_anything_is_archived(
    ctx: AppContext, staff: list[str], clock: FakeClock
) -> None:
    # The signed consent refuses the name first (tests/consent/test_consent_languages.py): the
    # name is corrected to Ethiopic after the visit, so the sheet is what meets it here.
    service = PatientService(ctx)
    pid = service.register(PatientForm(full_name="Abebe Bikila", date_of_birth="01.02.1990"))
    visit_id = one_area_visit(ctx, pid, clock, serial="0102")
    service.update(pid, PatientForm(full_name="አበበ ቢቂላ", date_of_birth="01.02.1990"))
    with pytest.raises(DomainError, match="“አ” \\(U\\+12A0"):
        archive.create_handout(ctx, visit_id)
    assert handouts_repo.count_for_visit(ctx.db, visit_id) == 0
    folder = ctx.data_dir / "handouts"
    assert not folder.exists() or not any(folder.rglob("*.pdf"))
