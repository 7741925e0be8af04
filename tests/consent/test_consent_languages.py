"""The consent in the patient's language: the text shown, hashed, stored and printed in it."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from console.consent.service import ConsentService
from console.context import AppContext
from console.data import consents_repo, patients_repo, settings_repo
from console.errors import DomainError
from console.model.consent_templates import RESOURCE
from console.visit.service import VisitService
from tests.conftest import no_contraindications, require_tool
from tests.consent_support import request

TRANSLATED = ("es", "fr", "de", "it", "pt", "pl", "ar", "zh", "vi")
SHIPPED = json.loads(RESOURCE.read_text("utf-8"))


def _words(template_id: str, code: str) -> dict:  # type: ignore[type-arg]
    raw = next(t for t in SHIPPED["templates"] if t["id"] == template_id)
    return raw["texts"][code]  # type: ignore[no-any-return]


def _expected_text(template_id: str, code: str) -> str:
    """The text a patient reads, put together from the resource file itself."""
    raw = next(t for t in SHIPPED["templates"] if t["id"] == template_id)
    w = raw["texts"][code]
    lines = [w["title"], ""]
    for s in w["sections"]:
        lines += [s["heading"], s["body"], ""]
    lines += [f"[ ] {w['choices'][c]}" for c in raw.get("choices", [])]
    if raw.get("choices"):
        lines.append("")
    lines.append(w["declaration"])
    return "\n".join(lines)


def _visit(ctx: AppContext, staff: list[str], name: str, language: str | None) -> str:
    pid = patients_repo.insert(
        ctx.db,
        full_name=name,
        date_of_birth=date(1990, 5, 1),
        preferred_language=language,
        now=ctx.now(),
        by=staff[0],
    )
    svc = VisitService(ctx)
    vid = svc.start_visit(pid)
    svc.answer_screening(vid, no_contraindications(ctx, vid))
    return vid


def _pdftotext(path: Path) -> str:
    out = subprocess.run(
        [require_tool("pdftotext", "poppler-utils"), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Arabic comes back as presentation forms: NFKC gives the letters typed.
    out = re.sub("[\u202a-\u202e\u200e\u200f]", "", unicodedata.normalize("NFKC", out))
    return " ".join(out.split())


def test_every_translation_is_marked_for_review_and_tied_to_its_material_version() -> None:
    for raw in SHIPPED["templates"]:
        for code in TRANSLATED:
            w = raw["texts"][code]
            assert "needs clinic review" in w["review"]
            assert w["translated_from_material_version"] == raw["material_version"]


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_consent_is_shown_signed_and_stored_in_the_patients_language(
    ctx: AppContext, staff: list[str], code: str
) -> None:
    vid = _visit(ctx, staff, "Zoë Łukasz-Nguyễn", code)
    svc = ConsentService(ctx)
    shown = svc.shown_language(vid)
    assert (shown.code, shown.note) == (code, "")
    taken = svc.take(vid, request(ctx, language=code))
    for cid in taken.consent_ids:
        c = consents_repo.get(ctx.db, cid)
        assert c.language == code
        expected = _expected_text(c.template_id, code)
        assert c.text_sha256 == hashlib.sha256(expected.encode("utf-8")).hexdigest()
    text = _pdftotext(taken.pdf_path)
    if code != "ar":  # Arabic's reading order has its own test below
        squeezed = text.replace(" ", "")
        for template_id in ("microneedling", "photos"):
            assert _words(template_id, code)["title"].replace(" ", "") in squeezed
        assert _words("microneedling", code)["sections"][6]["heading"].replace(" ", "") in squeezed


def test_the_arabic_pdf_reads_in_order_right_to_left(
    ctx: AppContext, staff: list[str], tmp_path: Path
) -> None:
    vid = _visit(ctx, staff, "ليلى حداد", "ar")
    taken = ConsentService(ctx).take(vid, request(ctx, language="ar", signer_name="ليلى حداد"))
    text = _pdftotext(taken.pdf_path)
    w = _words("microneedling", "ar")
    assert w["title"] in text
    assert w["sections"][2]["heading"] in text  # المخاطر الشائعة
    assert "ليلى حداد" in text
    # The page is right to left: the title's first word is drawn at the right edge.
    bbox = subprocess.run(
        [require_tool("pdftotext", "poppler-utils"), "-bbox", str(taken.pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    xs = [
        float(m[1])
        for m in re.finditer(r'<word xMin="([\d.]+)" [^>]*>([^<]*)</word>', bbox)
        if unicodedata.normalize("NFKC", m[2])[::-1] == "الموافقة"  # glyphs in visual order
    ]
    assert xs and xs[0] > 595 / 2  # the title's first word: on the right half of A4 (595 pt)


def test_no_text_in_the_patients_language_falls_back_to_the_clinics_visibly(
    ctx: AppContext, staff: list[str]
) -> None:
    svc = ConsentService(ctx)
    body = copy.deepcopy(svc.template_body())
    for raw in body["templates"]:
        del raw["texts"]["ar"]
    with ctx.db.atomic():
        settings_repo.put(ctx.db, "clinic.language", "fr", now=ctx.now(), by=None)
    svc.save_templates(body, "Arabic withdrawn for review")
    vid = _visit(ctx, staff, "ليلى حداد", "ar")
    shown = svc.shown_language(vid)
    assert shown.code == "fr"
    assert "No consent text in Arabic" in shown.note and "shown in French" in shown.note
    with pytest.raises(DomainError, match="no current text"):
        svc.take(vid, request(ctx, language="ar"))
    assert (
        consents_repo.for_patient(ctx.db, consents_repo.visit_row(ctx.db, vid)["patient_id"]) == []
    )


def test_a_material_change_in_english_retires_the_translations_until_they_say_it(
    ctx: AppContext, staff: list[str]
) -> None:
    svc = ConsentService(ctx)
    body = copy.deepcopy(svc.template_body())
    raw = next(t for t in body["templates"] if t["id"] == "microneedling")
    raw["material_version"] += 1
    svc.save_templates(body, "New risk added in English")
    vid = _visit(ctx, staff, "Ana García", "es")
    shown = svc.shown_language(vid)
    assert shown.code == "en" and "Spanish" in shown.note
    assert "es" not in [code for code, _ in svc.languages()]
    states = dict(svc.language_states())
    assert states["Español (Spanish)"] == "missing: English shown"


def test_a_practitioner_can_switch_the_language_and_the_hash_follows(
    ctx: AppContext, staff: list[str]
) -> None:
    vid = _visit(ctx, staff, "Ana García", "es")
    svc = ConsentService(ctx)
    shown = svc.shown_language(vid, chosen="de")
    assert shown.code == "de" and "practitioner's choice" in shown.note
    taken = svc.take(vid, request(ctx, language="de"))
    c = consents_repo.get(ctx.db, taken.consent_ids[0])
    assert c.language == "de"
    assert (
        c.text_sha256
        == hashlib.sha256(_expected_text("microneedling", "de").encode("utf-8")).hexdigest()
    )


def test_a_name_no_font_can_draw_is_refused_before_anything_is_archived(
    ctx: AppContext, staff: list[str]
) -> None:
    vid = _visit(ctx, staff, "Ana García", "zh")
    with pytest.raises(DomainError, match=r"U\+10000 LINEAR B"):
        ConsentService(ctx).take(vid, request(ctx, language="zh", signer_name="王小明 \U00010000"))
    assert not list((ctx.data_dir / "consents").rglob("*.pdf"))
    assert consents_repo.linked_consent_id(ctx.db, vid) is None


def test_settings_show_each_languages_state(ctx: AppContext) -> None:
    states = dict(ConsentService(ctx).language_states())
    assert states["English (English)"] == "as shipped"
    assert states["العربية (Arabic)"] == "as shipped, needs clinic review"


def test_a_name_on_file_no_font_can_draw_stops_the_consent(
    ctx: AppContext, staff: list[str]
) -> None:
    vid = _visit(ctx, staff, "አበበ ቢቂላ", None)
    with pytest.raises(DomainError, match=r"U\+12A0"):
        ConsentService(ctx).take(vid, request(ctx))
    assert not list((ctx.data_dir / "consents").rglob("*.pdf"))
