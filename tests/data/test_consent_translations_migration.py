"""m0020: a database whose consent templates were seeded English-only gets the shipped
translations as a new library version, unless the clinic rewrote the wording."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from console.consent import languages
from console.data import consents_repo
from console.data.db import open_database
from console.data.migrations import MIGRATIONS, m0013_consents
from console.model.consent_templates import default_body, from_body
from console.texts import languages as language_texts

# resources/consent/templates.json as m0013 first shipped it: English only, no short labels.
ENGLISH_ONLY = Path(__file__).parent / "fixtures" / "consent_templates_0013.json"
SHIPPED_CODES = [lang.code for lang in language_texts.languages()]


def _before_m0020(path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(m0013_consents, "_DEFAULTS", ENGLISH_ONLY)
    db = open_database(path, migrate=False)
    MIGRATIONS.apply(db, stop_before="0020_consent_translations")
    return db


def _bodies(db: Database) -> dict[int, str]:
    rows = db.execute("SELECT version, body FROM consent_template_versions").fetchall()
    return {int(v): str(b) for v, b in rows}


def _states(db: Database) -> list[tuple[str, str]]:
    return languages.states(consents_repo.current_templates(db), from_body(0, default_body()))


def test_english_only_templates_gain_the_shipped_translations_as_a_new_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _before_m0020(tmp_path / "old.sqlite3", monkeypatch)
    assert languages.available(consents_repo.current_templates(db)) == ["en"]
    before = _bodies(db)
    v1_sha = consents_repo.templates_at(db, 1).get("microneedling").text_sha256("en")

    MIGRATIONS.apply(db)

    after = _bodies(db)
    assert sorted(after) == [1, 2]
    assert after[1] == before[1]  # the version signed consents name is untouched
    current = consents_repo.current_templates(db)
    assert current.version == 2
    assert languages.available(current) == SHIPPED_CODES
    shipped = from_body(0, default_body())
    for code in ("de", "ar", "zh"):
        assert current.get("microneedling").shown_text(code) == shipped.get(
            "microneedling"
        ).shown_text(code)
    # English as the patient reads it is the same text, so the same hash as before.
    assert current.get("microneedling").text_sha256("en") == v1_sha
    # Settings shows every language as shipped (none as edited, none falling back).
    assert {state.split(",")[0] for _name, state in _states(db)} == {language_texts.SHIPPED}
    note = db.execute("SELECT note FROM consent_template_versions WHERE version = 2").fetchone()
    assert "ar" in note[0] and "de" in note[0]


def test_a_template_the_clinic_rewrote_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _before_m0020(tmp_path / "edited.sqlite3", monkeypatch)
    body = json.loads(ENGLISH_ONLY.read_text(encoding="utf-8"))
    treatment = next(t for t in body["templates"] if t["id"] == "microneedling")
    treatment["texts"]["en"]["declaration"] = "I have read this and had my questions answered."
    with db.conn:
        consents_repo.save_templates(
            db, body, now=datetime(2026, 6, 1, tzinfo=UTC), by=None, note="our wording"
        )
    states_before = _states(db)

    MIGRATIONS.apply(db)

    current = consents_repo.current_templates(db)
    assert current.version == 3
    assert list(current.get("microneedling").texts) == ["en"]
    assert current.get("microneedling").wording().declaration == (
        "I have read this and had my questions answered."
    )
    assert sorted(current.get("photos").texts) == sorted(SHIPPED_CODES)
    # Still English only for signing (a signing shows every template in one language), and
    # Settings shows the same states as before: English edited, the others English shown.
    assert languages.available(current) == ["en"]
    assert _states(db) == states_before
    assert dict(states_before)["English (English)"] == language_texts.EDITED


def test_a_database_seeded_with_the_translations_gets_no_new_version(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    assert sorted(_bodies(db)) == [1]
    assert languages.available(consents_repo.current_templates(db)) == SHIPPED_CODES
