"""The aftercare sheet in each shipped language: its words, its dates, and English fallbacks."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.aftercare import build_sheet, sample_record
from console.errors import DomainError
from console.model.protocol import Protocol, default_body, from_body
from console.texts import languages as language_texts
from tests.conftest import require_tool

CLINIC = {
    "clinic.name": "Lumen Skin Clinic",
    "clinic.phone": "0117 496 0123",
    "clinic.timezone": "Europe/London",
    "clinic.paper": "A4",
}
END = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)  # Tuesday 24 November 2026

# The visit's weekday and month as a reader of each language expects them (CLDR via Babel).
DATE_WORDS = {
    "en": ("Tuesday", "November"),
    "es": ("martes", "noviembre"),
    "fr": ("mardi", "novembre"),
    "de": ("Dienstag", "November"),
    "it": ("martedì", "novembre"),
    "pt": ("terça-feira", "novembro"),
    "pl": ("wtorek", "listopada"),
    "ar": ("الثلاثاء", "نوفمبر"),
    "zh": ("星期二", "11月"),
    "vi": ("Thứ Ba", "tháng 11"),
}
TITLES = {
    "en": "Caring for your skin after microneedling",
    "es": "Cuidado de la piel después del microneedling",
    "fr": "Prendre soin de votre peau après le microneedling",
    "de": "Hautpflege nach dem Microneedling",
    "it": "Come curare la pelle dopo il microneedling",
    "pt": "Cuidados com a pele depois do microneedling",
    "pl": "Pielęgnacja skóry po mikronakłuwaniu",
    "ar": "العناية ببشرتك بعد الوخز بالإبر الدقيقة",
    "zh": "微针治疗后的皮肤护理",
    "vi": "Chăm sóc da sau khi lăn kim",
}
FEVER = {
    "en": "Fever",
    "es": "Fiebre",
    "fr": "De la fièvre",
    "de": "Fieber",
    "it": "Febbre",
    "pt": "Febre",
    "pl": "Gorączka",
    "ar": "حمى",
    "zh": "发烧",
    "vi": "Sốt",
}


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return from_body(1, default_body())


def text_of(data: bytes, tmp_path: Path) -> str:
    """pdftotext's words, NFKC (Arabic comes back as presentation forms), one space apart."""
    path = tmp_path / "sheet.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        [require_tool("pdftotext", "poppler-utils"), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    out = re.sub("[\u202a-\u202e\u200e\u200f]", "", unicodedata.normalize("NFKC", out))
    return " ".join(out.split())


def test_every_shipped_language_is_listed_with_its_review_state() -> None:
    codes = [lang.code for lang in language_texts.languages()]
    assert codes[0] == "en"
    assert set(codes) == set(TITLES)
    for lang in language_texts.languages():
        # Honest data: only English has been read by a person who writes it.
        assert bool(lang.review) == (lang.code != "en"), lang.code
    assert language_texts.language("ar").rtl


@pytest.mark.parametrize("code", sorted(TITLES))
def test_sheet_in_each_language_has_its_words_and_its_dates(
    code: str, protocol: Protocol, tmp_path: Path
) -> None:
    record = sample_record(protocol, ended_at=END)
    text = text_of(build_sheet(record, protocol, CLINIC, language=code), tmp_path)
    assert TITLES[code] in text
    weekday, month = DATE_WORDS[code]
    assert weekday in text
    assert month in text
    assert FEVER[code] in text
    # Labels are never split inside a word, whatever their length ("Zonas tratadas").
    texts = language_texts.load(code)
    for key in ("sheet.patient", "sheet.visit", "sheet.practitioner", "sheet.areas"):
        assert texts(key) in text
    # Nothing fell back to English for the shipped protocol.
    english_only = language_texts.load(code)("sheet.english_only")
    assert english_only not in text or code == "en"


def test_patient_language_comes_from_the_record_unless_asked_otherwise(
    protocol: Protocol, tmp_path: Path
) -> None:
    from dataclasses import replace

    record = replace(sample_record(protocol, ended_at=END), patient_language="de")
    assert TITLES["de"] in text_of(build_sheet(record, protocol, CLINIC), tmp_path)
    assert TITLES["fr"] in text_of(build_sheet(record, protocol, CLINIC, language="fr"), tmp_path)
    # No preference: the clinic's language, here from its date locale.
    plain = sample_record(protocol, ended_at=END)
    spanish_clinic = {**CLINIC, "clinic.locale": "es_ES"}
    assert TITLES["es"] in text_of(build_sheet(plain, protocol, spanish_clinic), tmp_path)


def test_a_rule_with_no_translation_is_labelled_english_on_the_sheet(
    protocol: Protocol, tmp_path: Path
) -> None:
    body = default_body()
    rule = body["aftercare_rules"][0]
    rule["text"] = "No makeup at all on the treated skin, not even mineral powder."
    edited = from_body(2, body)
    record = sample_record(edited, ended_at=END)
    text = text_of(build_sheet(record, edited, CLINIC, language="es"), tmp_path)
    assert f"{rule['text']} (en inglés: aún sin traducción)" in text
    # The preview shows it too (highlighted), so the clinic sees it before a patient does.
    sample = text_of(build_sheet(record, edited, CLINIC, language="es", sample=True), tmp_path)
    assert "(en inglés: aún sin traducción)" in sample


def test_a_clinic_edit_wins_over_the_shipped_text(protocol: Protocol, tmp_path: Path) -> None:
    settings = {**CLINIC, language_texts.edit_key("es", "sheet.title"): "Su piel tras la sesión"}
    record = sample_record(protocol, ended_at=END)
    text = text_of(build_sheet(record, protocol, settings, language="es"), tmp_path)
    assert "Su piel tras la sesión" in text
    texts = language_texts.load("es", settings)
    assert texts.resolve("sheet.title").state == language_texts.EDITED
    assert texts.resolve("sheet.patient").state == language_texts.SHIPPED


def test_unknown_language_is_refused_with_the_choices(protocol: Protocol) -> None:
    record = sample_record(protocol, ended_at=END)
    with pytest.raises(DomainError, match="choose one of ar, de, en"):
        build_sheet(record, protocol, CLINIC, language="xx")
    assert language_texts.normalise_code("zh-Hans") == "zh"
    assert language_texts.normalise_code("pt_BR") == "pt"


def test_calendar_file_is_in_the_patients_language(protocol: Protocol) -> None:
    from dataclasses import replace

    from icalendar import Calendar

    from console.aftercare import next_session_ics

    record = replace(sample_record(protocol, ended_at=END), patient_language="es")
    event = Calendar.from_ical(next_session_ics(record, protocol, CLINIC)).walk("VEVENT")[0]
    assert (
        str(event["summary"]) == "Sesión de microneedling 2 de 3 en Lumen Skin Clinic (recomendada)"
    )
    assert "llame al 0117 496 0123" in str(event["description"])
    german = next_session_ics(record, protocol, CLINIC, language="de")
    summary = str(Calendar.from_ical(german).walk("VEVENT")[0]["summary"])
    assert summary.startswith("Microneedling-Sitzung 2 von 3")
