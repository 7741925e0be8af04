"""The aftercare sheet PDF: what a patient reads on it, its fonts, pages and paper."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pdfplumber
import pytest

from console.aftercare import Clinic, build_sheet, sample_record
from console.aftercare.pdf import page_count, page_sizes_pt
from console.errors import DomainError
from console.model.protocol import Protocol, default_body, from_body
from tests.conftest import require_tool

CLINIC = {
    "clinic.name": "Lumen Skin Clinic",
    "clinic.address": "12 Harbour Street\nBristol BS1 4QA",
    "clinic.phone": "0117 496 0123",
    "clinic.website": "lumen-skin.example",
    "clinic.booking_url": "https://lumen-skin.example/book",
    "clinic.timezone": "Europe/London",
    "clinic.paper": "A4",
}
# Tuesday 24 November 2026, 14:00 in London (GMT, no DST in play).
END = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return from_body(1, default_body())


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(data)
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_sheet_states_the_visit_and_every_rule_with_its_time(
    protocol: Protocol, tmp_path: Path
) -> None:
    record = sample_record(protocol, ended_at=END, zone_ids=("cheeks", "periorbital", "neck"))
    text = text_of(build_sheet(record, protocol, CLINIC), tmp_path)
    lines = text.splitlines()

    assert "Patient Zoë Łukasz-Nguyễn" in lines
    assert "Visit Tuesday 24 November 2026, 13:10 to 14:00" in lines
    assert "Practitioner Sample Practitioner" in lines
    # Plain words: the clinical parenthesis "(outside the orbital rim)" is not on the sheet.
    # Patients read plain words: the protocol's plain_name, not the clinical "periorbital".
    assert "Areas treated Cheeks, Around the eyes and Neck" in lines
    # Each rule beside its own computed local date and time.
    for expected in [
        "Until Wed 25 Nov, 14:00 No makeup on the treated skin.",
        "Until Wed 25 Nov, 14:00 No creams or ointments other than the ones the clinic",
        "Until Wed 25 Nov, 14:00 Keep out of direct sun.",
        "Until Wed 25 Nov, 14:00 No strenuous exercise and no swimming.",
        "Until Thu 26 Nov, 14:00 Use only the gentle products the clinic approved. Pat the",
        "From Wed 25 Nov, 14:00 Sunscreen may go on from now: SPF 30 or higher every",
        "until Tue 8 Dec, 14:00 day for the next two weeks.",
    ]:
        assert expected in lines, expected
    flat = " ".join(text.split())
    assert "Call us on 0117 496 0123 straight away" in flat
    for flag in protocol.red_flags:
        assert flag in flat
    for item in protocol.what_to_expect:
        assert " ".join(item.split()) in flat
    assert "This was session 1 of 3." in flat
    assert "recommended on or around Tuesday 12 January 2027 (7 weeks after this one)" in flat
    assert "Book online: https://lumen-skin.example/book" in flat
    pages = page_count(build_sheet(record, protocol, CLINIC))
    assert f"Page {pages} of {pages}" in flat and "Page 1 of" in flat


def test_last_session_of_series_offers_no_next_date(protocol: Protocol, tmp_path: Path) -> None:
    record = sample_record(protocol, ended_at=END, series_number=3)
    flat = " ".join(text_of(build_sheet(record, protocol, CLINIC), tmp_path).split())
    assert "This was session 3 of 3. This completes the planned series." in flat
    assert "recommended on or around" not in flat


def test_rule_text_comes_from_the_protocol_version(protocol: Protocol, tmp_path: Path) -> None:
    body = default_body()
    body["aftercare_rules"] = [
        {"id": "x", "section": "avoid", "from_h": 2, "until_h": 72, "text": "No sauna or steam."}
    ]
    body["series"]["interval_weeks"] = 5
    edited = from_body(2, body)
    text = text_of(build_sheet(sample_record(edited, ended_at=END), edited, CLINIC), tmp_path)
    assert "From Tue 24 Nov, 16:00 No sauna or steam." in text.splitlines()
    assert "until Fri 27 Nov, 14:00" in text.splitlines()
    flat = " ".join(text.split())
    assert "No makeup" not in flat
    assert "Tuesday 29 December 2026 (5 weeks after this one)" in flat


def test_chinese_and_diacritic_names_print_with_embedded_fonts(
    protocol: Protocol, tmp_path: Path
) -> None:
    pdftotext = require_tool("pdftotext", "poppler-utils")
    pdffonts = require_tool("pdffonts", "poppler-utils")
    clinic = {**CLINIC, "clinic.name": "光明皮肤诊所 Lumen"}
    record = sample_record(protocol, ended_at=END, patient_name="王小明 (Zoë Łukasz-Nguyễn)")
    path = tmp_path / "cjk.pdf"
    path.write_bytes(build_sheet(record, protocol, clinic))
    text = subprocess.run(
        [pdftotext, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "王小明 (Zoë Łukasz-Nguyễn)" in text
    assert "光明皮肤诊所 Lumen" in text
    report = subprocess.run(
        [pdffonts, str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    names = [row.split()[0] for row in report]
    assert any("DejaVuSans" in n for n in names)
    assert any("WenQuanYiMicroHei" in n for n in names)
    # Columns: name type encoding emb sub uni object ID; every font embedded.
    for row in report:
        assert re.search(r"\byes\s+yes\s+yes\s+\d+\s+\d+\s*$", row), row


def test_same_input_gives_the_same_bytes(protocol: Protocol) -> None:
    record = sample_record(protocol, ended_at=END)
    assert build_sheet(record, protocol, CLINIC) == build_sheet(record, protocol, CLINIC)


def test_paper_setting_sets_the_page_size(protocol: Protocol) -> None:
    record = sample_record(protocol, ended_at=END)
    a4 = page_sizes_pt(build_sheet(record, protocol, CLINIC))
    letter = page_sizes_pt(build_sheet(record, protocol, {**CLINIC, "clinic.paper": "Letter"}))
    assert {(round(w), round(h)) for w, h in a4} == {(595, 842)}
    assert {(round(w), round(h)) for w, h in letter} == {(612, 792)}
    with pytest.raises(DomainError):
        build_sheet(record, protocol, {**CLINIC, "clinic.paper": "A5"})
    with pytest.raises(DomainError) as err:
        build_sheet(record, protocol, {**CLINIC, "clinic.locale": "xx_NOPE"})
    assert err.value.field == "clinic.locale"


def test_us_clinic_gets_us_clock_and_letter(protocol: Protocol, tmp_path: Path) -> None:
    clinic = {
        **CLINIC,
        "clinic.timezone": "America/New_York",
        "clinic.locale": "en_US",
        "clinic.paper": "Letter",
    }
    # 14:00 UTC is 09:00 in New York.
    text = text_of(build_sheet(sample_record(protocol, ended_at=END), protocol, clinic), tmp_path)
    assert "Until Wed Nov 25, 9:00" in text
    assert "Visit Tuesday, November 24, 2026, 8:10" in text


def test_sample_is_marked_and_open_visit_is_refused(protocol: Protocol, tmp_path: Path) -> None:
    record = sample_record(protocol, ended_at=END)
    flat = " ".join(text_of(build_sheet(record, protocol, CLINIC, sample=True), tmp_path).split())
    assert "SAMPLE: made-up patient and visit" in flat
    from dataclasses import replace

    with pytest.raises(DomainError, match="not finished"):
        build_sheet(replace(record, ended_at=None, completed_at=None), protocol, CLINIC)


def test_missing_logo_and_empty_settings_still_print(protocol: Protocol, tmp_path: Path) -> None:
    clinic = Clinic.from_settings({"clinic.logo_path": str(tmp_path / "gone.png")})
    flat = " ".join(
        text_of(
            build_sheet(sample_record(protocol, ended_at=END), protocol, clinic), tmp_path
        ).split()
    )
    assert "Your clinic" in flat
    assert "Call Your clinic straight away" in flat


def test_logo_is_placed_in_the_header(protocol: Protocol, tmp_path: Path) -> None:
    from PIL import Image as PilImage  # reportlab's own image dependency

    logo = tmp_path / "logo.png"
    PilImage.new("RGB", (400, 120), (47, 111, 115)).save(logo)
    clinic = {**CLINIC, "clinic.logo_path": str(logo)}
    path = tmp_path / "logo.pdf"
    path.write_bytes(build_sheet(sample_record(protocol, ended_at=END), protocol, clinic))
    with pdfplumber.open(path) as pdf:
        (image,) = pdf.pages[0].images
        page_width = pdf.pages[0].width
    # Top right, at most 45 mm wide, aspect ratio kept.
    assert image["x1"] > page_width / 2 and image["top"] < 100
    assert image["x1"] - image["x0"] <= 45 * 72 / 25.4 + 0.5
    ratio = (image["x1"] - image["x0"]) / (image["bottom"] - image["top"])
    assert abs(ratio - 400 / 120) < 0.05
