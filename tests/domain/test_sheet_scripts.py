"""Names in many scripts on the sheet: shaped, in reading order, or refused before archiving."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.aftercare import build_sheet, sample_record, shaped
from console.errors import DomainError
from console.model.protocol import Protocol, default_body, from_body
from tests.conftest import require_tool

CLINIC = {"clinic.name": "Lumen Skin Clinic", "clinic.timezone": "Europe/London"}
END = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)

NAMES = {
    "Arabic": "فاطمة الزهراء",
    "Persian": "زهرا محمدی",
    "Urdu": "عمران خان",
    "Hebrew": "דוד כהן",
    "Devanagari": "राम शर्मा",
    "Bengali": "রবীন্দ্রনাথ ঠাকুর",
    "Tamil": "தமிழ்செல்வி",
    "Thai": "สมชาย ใจดี",
    "Korean": "김민준",
    "Chinese": "王小明",
    "Japanese": "山田 はなこ",
    "Greek": "Γιώργος Παπαδόπουλος",
    "Cyrillic": "Иван Петров",
    "Vietnamese": "Nguyễn Thị Minh Khai",
    "Armenian": "Արամ Սարգսյան",
    "Georgian": "ნინო ბერიძე",
    # Z with dot below and caron, no precomposed letter: two marks stacked by the shaper.
    "Latin, stacked marks": "Ẓ̌ofia Nováková",
}


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return from_body(1, default_body())


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        [require_tool("pdftotext", "poppler-utils"), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Arabic comes back as presentation forms (NFKC maps them to the letters typed); poppler
    # wraps right-to-left lines in embedding marks.
    return re.sub("[\u202a-\u202e\u200e\u200f]", "", unicodedata.normalize("NFKC", out))


@pytest.mark.parametrize("script", sorted(NAMES))
def test_name_prints_in_reading_order(script: str, protocol: Protocol, tmp_path: Path) -> None:
    name = NAMES[script]
    record = sample_record(protocol, ended_at=END, patient_name=name)
    lines = [
        line.strip()
        for line in text_of(build_sheet(record, protocol, CLINIC), tmp_path).splitlines()
    ]
    assert unicodedata.normalize("NFKC", name) in lines


def test_a_name_no_font_can_draw_is_refused_naming_the_character(protocol: Protocol) -> None:
    record = sample_record(protocol, ended_at=END, patient_name="አበበ ቢቂላ")  # Ethiopic
    with pytest.raises(DomainError) as caught:
        build_sheet(record, protocol, CLINIC)
    assert "“አ” (U+12A0 ETHIOPIC SYLLABLE GLOTTAL A)" in caught.value.message


def test_right_to_left_words_are_ordered_by_the_bidi_rule() -> None:
    # A right-to-left line: the words run right to left, a number inside stays left to right.
    assert shaped.visual_order(["من", "12", "إلى", "3"], rtl=True) == [3, 2, 1, 0]
    # Latin words inside Arabic keep their own order as a block.
    assert shaped.visual_order(["اتصل", "Lumen", "Skin", "الآن"], rtl=True) == [3, 1, 2, 0]
    # Arabic words inside a left-to-right line are reversed as a block.
    assert shaped.visual_order(["Patient", "فاطمة", "الزهراء", "ok"], rtl=False) == [0, 2, 1, 3]


def test_arabic_sheet_is_a_right_to_left_page(protocol: Protocol, tmp_path: Path) -> None:
    """The Arabic title sits against the right margin; an English one against the left."""
    import pdfplumber

    record = sample_record(protocol, ended_at=END, patient_name=NAMES["Arabic"])
    for code, right_aligned in (("ar", True), ("en", False)):
        path = tmp_path / f"{code}.pdf"
        path.write_bytes(build_sheet(record, protocol, CLINIC, language=code))
        with pdfplumber.open(path) as pdf:
            page = pdf.pages[0]
            big = [c for c in page.chars if c["size"] > 16]  # the title, 17 pt
            left, right = min(c["x0"] for c in big), max(c["x1"] for c in big)
            inner = 18 * 72 / 25.4 + 6  # the page margin plus reportlab's frame padding
            if right_aligned:
                assert abs(right - (page.width - inner)) < 1
                assert left > inner + 20
            else:
                assert abs(left - inner) < 1


def test_an_arabic_sheet_is_the_same_bytes_every_time(protocol: Protocol) -> None:
    # Archived sheets are checked by their hash: shaping (and its cache) must not change them.
    record = sample_record(protocol, ended_at=END, patient_name=NAMES["Arabic"])
    first = build_sheet(record, protocol, CLINIC, language="ar")
    assert build_sheet(record, protocol, CLINIC, language="ar") == first
