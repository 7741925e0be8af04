"""The aftercare sheet's layout: one page when it fits, the series on it, words for any clinic."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.aftercare import build_sheet, sample_record
from console.aftercare.pdf import page_count
from console.demo import clinic as demo
from console.model.protocol import Protocol, default_body, from_body
from console.texts import languages as language_texts
from tests.conftest import require_tool

# A clinic that fills every line of the header, with a booking link (and so a QR code).
CLINIC = {
    "clinic.name": "Lumen Skin Clinic",
    "clinic.address": "12 Harbour Street\nBristol BS1 4QA",
    "clinic.phone": "0117 496 0123",
    "clinic.website": "lumen-skin.example",
    "clinic.booking_url": "https://lumen-skin.example/book",
    "clinic.timezone": "Europe/London",
    "clinic.paper": "A4",
}
END = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
# What a patient reads as the first line of the series block, per language.
SERIES_LINE = {"en": "This was session 1 of 3.", "zh": "这是 3 次疗程中的第 1 次。"}

# "Dermatologist" in each shipped language: the sheet must not name one, since a nurse or an
# aesthetician may have treated; the words a translator would use for it.
DERMATOLOGIST = {
    "en": "dermatolog",
    "ar": "طبيب الجلدية",
    "de": "dermatolog",
    "es": "dermatólogo",
    "fr": "dermatologue",
    "it": "dermatologo",
    "pl": "dermatolog",
    "pt": "dermatologista",
    "vi": "da liễu",
    "zh": "皮肤科",
}


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return from_body(1, default_body())


def page_texts(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(data)
    tool = require_tool("pdftotext", "poppler-utils")
    pages = []
    for number in range(1, page_count(data) + 1):
        out = subprocess.run(
            [tool, "-f", str(number), "-l", str(number), "-layout", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        pages.append(" ".join(out.stdout.split()))
    return pages


@pytest.mark.parametrize("language", ["en", "ar", "zh"])
@pytest.mark.parametrize("zones", [("cheeks",), ("cheeks", "periorbital", "neck")])
def test_a_usual_visit_fits_one_page_with_the_series_on_it(
    protocol: Protocol, tmp_path: Path, language: str, zones: tuple[str, ...]
) -> None:
    record = sample_record(protocol, ended_at=END, zone_ids=zones, series_number=1)
    pages = page_texts(build_sheet(record, protocol, CLINIC, language=language), tmp_path)
    assert len(pages) == 1
    # The booking link sits in the series block, the last thing on the sheet.
    assert "https://lumen-skin.example/book" in pages[0]
    if language in SERIES_LINE:
        assert SERIES_LINE[language] in pages[0]


def test_a_sheet_too_long_for_one_page_still_numbers_its_pages(
    protocol: Protocol, tmp_path: Path
) -> None:
    body = default_body()
    # Three times the rules: no spacing makes that fit, and nothing may be lost.
    rules = body["aftercare_rules"]
    body["aftercare_rules"] = [dict(r, id=f"{r['id']}_{i}") for i in range(3) for r in rules]
    long_protocol = from_body(1, body)
    record = sample_record(long_protocol, ended_at=END, series_number=1)
    pages = page_texts(build_sheet(record, long_protocol, CLINIC), tmp_path)
    assert len(pages) == 2
    assert "Page 1 of 2" in pages[0] and "Page 2 of 2" in pages[1]
    assert "This was session 1 of 3." in pages[1]


@pytest.mark.parametrize("language", sorted(DERMATOLOGIST))
def test_the_shipped_aftercare_names_the_clinic_not_a_dermatologist(
    protocol: Protocol, language: str
) -> None:
    texts = language_texts.load(language)
    said = [
        texts.protocol(t).text
        for t in (
            *(rule.text for rule in protocol.aftercare_rules),
            *protocol.what_to_expect,
            *protocol.red_flags,
            protocol.series.maintenance,
        )
    ]
    for text in said:
        assert DERMATOLOGIST[language] not in text.lower(), text


def test_the_demo_clinic_has_a_name_and_phone_on_its_sheet(
    protocol: Protocol, tmp_path: Path
) -> None:
    record = sample_record(protocol, ended_at=END, series_number=2)
    settings = {**demo.DEMO_CLINIC, "clinic.timezone": "Europe/London"}
    pages = page_texts(build_sheet(record, protocol, settings), tmp_path)
    assert len(pages) == 1
    assert "Harbour Skin Clinic (demo)" in pages[0]
    assert "Call us on 020 7946 0123 straight away" in pages[0]
    assert "This was session 2 of 3." in pages[0]


@pytest.mark.parametrize(
    ("number", "expected", "absent"),
    [
        (3, "This was session 3 of 3. This completes the planned series.", "beyond"),
        (4, "This was session 4, beyond the planned series of 3.", "4 of 3"),
    ],
)
def test_a_session_past_the_plan_is_never_n_of_fewer(
    protocol: Protocol, tmp_path: Path, number: int, expected: str, absent: str
) -> None:
    # Deep scarring may need more sessions than planned: a fourth within the interval is the
    # same series, and the sheet says so instead of "session 4 of 3 … completes the series".
    record = sample_record(protocol, ended_at=END, series_number=number)
    text = " ".join(page_texts(build_sheet(record, protocol, CLINIC), tmp_path))
    assert expected in text
    assert absent not in text
    assert "next session is recommended" not in text
