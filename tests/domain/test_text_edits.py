"""The clinic edits the texts of a language: state shown, placeholders kept, audited."""

from __future__ import annotations

import pytest

from console.context import AppContext
from console.data import audit_repo, settings_repo
from console.errors import DomainError
from console.texts import edits as text_edits
from console.texts import languages as language_texts


def state(ctx: AppContext, code: str, key: str) -> tuple[str, str]:
    row = next(r for r in text_edits.rows(ctx, code) if r.key == key)
    return row.text, row.state


def test_every_text_is_listed_as_shipped_until_the_clinic_edits_it(
    ctx: AppContext, staff: list[str]
) -> None:
    listed = text_edits.rows(ctx, "es")
    assert {r.state for r in listed} == {language_texts.SHIPPED}
    assert "protocol:Fever" in {r.key for r in listed}  # the protocol's texts are there too
    assert state(ctx, "es", "sheet.title")[0] == "Cuidado de la piel después del microneedling"

    changed = text_edits.save(
        ctx,
        "es",
        {"sheet.title": "Su piel tras la sesión", "protocol:Fever": "Fiebre (38 °C o más)"},
    )
    assert changed == ["sheet.title", "protocol:Fever"]
    assert state(ctx, "es", "sheet.title") == ("Su piel tras la sesión", language_texts.EDITED)
    assert state(ctx, "es", "protocol:Fever") == ("Fiebre (38 °C o más)", language_texts.EDITED)
    texts = language_texts.load("es", settings_repo.get_all(ctx.db))
    assert texts.protocol("Fever").text == "Fiebre (38 °C o más)"
    actions = [r["action"] for r in audit_repo.rows(ctx.db)]
    assert actions.count("settings.text_change") == 2

    # The shipped wording again means "as shipped" again.
    text_edits.save(ctx, "es", {"sheet.title": "Cuidado de la piel después del microneedling"})
    assert state(ctx, "es", "sheet.title")[1] == language_texts.SHIPPED


def test_a_lost_placeholder_or_unprintable_text_is_refused_and_nothing_saved(
    ctx: AppContext, staff: list[str]
) -> None:
    with pytest.raises(text_edits.TextsInvalid) as caught:
        text_edits.save(ctx, "de", {"sheet.page": "Seite {number}", "sheet.title": "Pflege ሀ"})
    assert caught.value.problems["sheet.page"] == "Keep {total}: the sheet fills it in."
    assert "“ሀ”" in caught.value.problems["sheet.title"]
    assert state(ctx, "de", "sheet.page")[1] == language_texts.SHIPPED


def test_only_an_admin_edits_texts(ctx: AppContext, staff: list[str]) -> None:
    ctx.practitioner_id = staff[1]
    with pytest.raises(DomainError, match="Only an admin"):
        text_edits.save(ctx, "fr", {"sheet.title": "Après le microneedling"})


def test_the_clinics_language_is_a_checked_setting_and_the_patients_default(
    ctx: AppContext, staff: list[str]
) -> None:
    from console.settings import service as settings_service

    _tidy, problems = settings_service.check({"clinic.language": "elvish"})
    assert problems["clinic.language"].startswith("No texts in the language 'elvish'")
    settings_service.save(ctx, {"clinic.language": "es-ES"})
    settings = settings_repo.get_all(ctx.db)
    assert settings["clinic.language"] == "es"
    assert language_texts.clinic_language(settings) == "es"  # over the en_GB date locale
