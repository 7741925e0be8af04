"""The signed consent as a PDF: the exact text shown, the choices, the signatures, times, hashes.

Pure: the same signing gives the same bytes (reportlab's invariant mode), so the file's
SHA-256 kept in the database can be checked at every reprint.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, KeepTogether, SimpleDocTemplate, Spacer

from console.aftercare import fonts, shaped
from console.consent.signature import Signature
from console.model.consent_templates import Template
from console.texts import languages as language_texts
from console.texts.languages import Texts

MARGIN = 18 * mm
MUTED = colors.HexColor("#555555")


@dataclass(frozen=True)
class SignedPart:
    """One template as it was shown and signed in this session."""

    template: Template
    language: str
    text_sha256: str
    choices: dict[str, bool]


@dataclass(frozen=True)
class SigningFacts:
    clinic_name: str
    paper: str
    patient_name: str  # as on file
    signer_name: str  # as the patient typed it
    identity_check: str
    signed_utc: str
    signed_local: str
    room: str
    practitioner_name: str
    countersigned: str  # how: "PIN checked at <time>"
    witness_name: str
    library_version: int


def _styles(rtl: bool) -> dict[str, ParagraphStyle]:
    # A consent in Arabic is a right-to-left page, as the aftercare sheet is.
    body = ParagraphStyle(
        "body",
        fontName=fonts.SANS,
        fontSize=10.5,
        leading=14,
        spaceAfter=4,
        alignment=TA_RIGHT if rtl else TA_LEFT,
        wordWrap="CJK",  # a Chinese text has no spaces to break at
    )
    return {
        "body": body,
        "title": ParagraphStyle(
            "title", parent=body, fontName=fonts.SANS_BOLD, fontSize=15, leading=19, spaceAfter=6
        ),
        "h": ParagraphStyle("h", parent=body, fontName=fonts.SANS_BOLD, spaceBefore=4),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
    }


def _p(text: str, style: ParagraphStyle, *, bold: bool = False) -> Flowable:
    """Shaped and in reading order when the script needs it (the sheet's own layout); a
    character no embedded font has refuses the whole PDF here, before anything is archived.

    On a right-to-left page every paragraph is right to left, whatever its first letter: a
    choice line "[x] نعم — …" would otherwise take the "x" of its box as a left-to-right
    start, putting the box on the left and the full stop on the right."""
    if bold and style.fontName != fonts.SANS_BOLD:
        style = ParagraphStyle(f"{style.name}-bold", parent=style, fontName=fonts.SANS_BOLD)
    return shaped.paragraph(text, style, rtl=True if style.alignment == TA_RIGHT else None)


class _Canvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # reportlab's page preamble selects Helvetica, which would be a non-embedded font.
        kwargs["initialFontName"] = fonts.SANS
        super().__init__(*args, **kwargs)


def build(
    parts: list[SignedPart], signature: Signature, facts: SigningFacts, texts: Texts | None = None
) -> bytes:
    """The PDF; its words around the consent text (labels) come from ``texts``, the
    patient's language, so a page in Arabic is Arabic and right to left throughout."""
    fonts.register()
    t = texts or language_texts.load("en")
    st = _styles(t.rtl)
    story: list[object] = [_p(facts.clinic_name, st["small"])]
    for part in parts:
        w = part.template.wording(part.language)
        story.append(_p(w.title, st["title"], bold=True))
        for s in w.sections:
            story += [_p(s.heading, st["h"], bold=True), _p(s.body, st["body"])]
        for choice in part.template.choices:
            mark = t("consent.yes") if part.choices.get(choice) else t("consent.no")
            story.append(_p(f"{mark} — {w.choices[choice]}", st["body"]))
        story.append(_p(w.declaration, st["body"], bold=True))
        story.append(
            _p(
                t(
                    "consent.record",
                    template_id=part.template.id,
                    material=part.template.material_version,
                    library=facts.library_version,
                    language=part.language,
                    sha256=part.text_sha256,
                ),
                st["small"],
            )
        )
        story.append(Spacer(1, 4 * mm))
    png = signature.png()
    sig = Image(io.BytesIO(png), width=90 * mm, height=30 * mm, hAlign="RIGHT" if t.rtl else "LEFT")
    lines = [
        t("consent.signed_by", signer=facts.signer_name, patient=facts.patient_name),
        t("consent.identity", identity=facts.identity_check or "known to the practitioner"),
        t("consent.signed_at", local=facts.signed_local, utc=facts.signed_utc),
        t("consent.room", room=facts.room or "-"),
        t("consent.practitioner", practitioner=facts.practitioner_name, how=facts.countersigned),
        t("consent.witness", witness=facts.witness_name or t("consent.no_witness")),
    ]
    story.append(
        KeepTogether(
            [_p(t("consent.signature"), st["h"], bold=True), sig]
            + [_p(line, st["body"]) for line in lines]
        )
    )
    page = LETTER if facts.paper == "Letter" else A4
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title="Signed consent",
        author=facts.clinic_name,
        creator="Treatment Room Console",
        invariant=1,
    )
    doc.build(story, canvasmaker=_Canvas)
    return buf.getvalue()
