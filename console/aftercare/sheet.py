"""The aftercare sheet as a PDF (reportlab): the same visit and settings give the same bytes."""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Rect
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from console.aftercare import fonts, shaped
from console.aftercare.content import Clinic, SheetContent, build_content, texts_for
from console.model.protocol import Protocol
from console.model.visit_record import VisitRecord
from console.texts.languages import Resolved

MARGIN = 18 * mm
INK = colors.HexColor("#1d2a33")
MUTED = colors.HexColor("#5b6770")
ACCENT = colors.HexColor("#2f6f73")
RULE = colors.HexColor("#c9d3d6")
SHADE = colors.HexColor("#eef3f4")
FALLBACK = colors.HexColor("#fde68a")  # preview only: a text shown in English for want of one


@dataclass(frozen=True)
class _Density:
    """Line spacing and padding of one layout; the type sizes never change."""

    leading: float  # body line height, pt
    h2_before: float  # space above a section heading, pt
    row_pad: float  # above and below each aftercare rule, pt
    visit_pad: float  # above and below each line of the visit table, pt
    qr_mm: float  # side of the booking QR code
    header_gap: float  # between the clinic's details and the title, pt


REGULAR = _Density(leading=14, h2_before=10, row_pad=4, visit_pad=3, qr_mm=28, header_gap=6)
# Tried in turn when the regular layout spills onto a second page: a few lines spilling over
# (the series, typically) would leave a near-empty page the patient may lose or not turn to.
SNUG = _Density(leading=13.5, h2_before=8, row_pad=3, visit_pad=2, qr_mm=24, header_gap=4)
COMPACT = _Density(leading=12.5, h2_before=6, row_pad=2, visit_pad=1.5, qr_mm=22, header_gap=2)
DENSITIES = (REGULAR, SNUG, COMPACT)


def _styles(rtl: bool = False, d: _Density = REGULAR) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=fonts.SANS,
        fontSize=10.5,
        leading=d.leading,
        textColor=INK,
        # A right-to-left page (Arabic) is right-aligned throughout.
        alignment=TA_RIGHT if rtl else TA_LEFT,
        # CJK wrapping also breaks long runs without spaces (a Chinese clinic address).
        wordWrap="CJK",
    )
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=9, leading=12, textColor=MUTED),
        "clinic": ParagraphStyle(
            "clinic",
            parent=body,
            fontName=fonts.SANS_BOLD,
            fontSize=15,
            leading=19,
            textColor=ACCENT,
        ),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=fonts.SANS_BOLD,
            fontSize=17,
            leading=22,
            spaceBefore=4,
            spaceAfter=8 if d is REGULAR else 5,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=fonts.SANS_BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=d.h2_before,
            spaceAfter=4 if d is REGULAR else 2,
            textColor=ACCENT,
        ),
        "label": ParagraphStyle("label", parent=body, textColor=MUTED),
        "strong": ParagraphStyle("strong", parent=body, fontName=fonts.SANS_BOLD),
        "banner": ParagraphStyle(
            "banner", parent=body, fontName=fonts.SANS_BOLD, textColor=colors.HexColor("#9a3412")
        ),
    }


def _p(text: str, style: ParagraphStyle) -> Flowable:
    """A paragraph; text that needs shaping or sits on a right-to-left page is laid out by
    ``shaped``, and a character no font has stops the sheet here, before any file exists."""
    return shaped.paragraph(text, style)


def _said(c: SheetContent, said: Resolved, style: ParagraphStyle) -> Flowable:
    """A text that may have fallen back to English: labelled on the sheet, highlighted in
    the preview, so a patient never gets an English line unannounced."""
    if not said.fallback:
        return _p(said.text, style)
    flowable = _p(f"{said.text} {c.texts('sheet.english_only')}", style)
    if not c.sample:
        return flowable
    box = Table([[flowable]], style=_table_style([("BACKGROUND", (0, 0), (-1, -1), FALLBACK)]))
    return box


def _bullets(c: SheetContent, items: tuple[str, ...], style: ParagraphStyle) -> Flowable:
    if c.rtl:
        # reportlab's right-to-left lists keep the bullet on the left: a two-column table
        # puts it at the start of each item, on the right.
        bullet = ParagraphStyle("bullet", parent=style, textColor=ACCENT, alignment=TA_RIGHT)
        rows = [[_said(c, c.say(t), style), _p("•", bullet)] for t in items]
        table = Table(rows, colWidths=[None, 12])
        table.setStyle(
            _table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return table
    return ListFlowable(
        [ListItem(_said(c, c.say(t), style), leftIndent=12, value="•") for t in items],
        bulletType="bullet",
        bulletFontName=fonts.SANS,
        bulletFontSize=9,
        leftIndent=12,
        bulletColor=ACCENT,
    )


def _row(c: SheetContent, cells: list[Any]) -> list[Any]:
    """Table cells in reading order: a right-to-left page reads its columns right to left."""
    return cells[::-1] if c.rtl else cells


def _logo(path: str, max_w: float, max_h: float) -> Flowable | None:
    # A missing or unreadable logo must never stop the sheet from printing.
    if not path or not os.path.isfile(path):
        return None
    try:
        img = Image(path)
        scale = min(max_w / img.imageWidth, max_h / img.imageHeight, 1.0)
        img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
        return img
    except Exception:  # reportlab raises various errors for a bad image file
        return None


class _QrCode(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A QR code drawn as plain rectangles.

    reportlab's graphics renderer selects Helvetica before drawing any Drawing, which would put
    a non-embedded font in the file; drawing the modules ourselves keeps every font embedded.
    """

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.width = self.height = size
        widget = QrCodeWidget(value, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        self._scale = size / max(x1 - x0, y1 - y0)
        self._rects = [
            (r.x, r.y, r.width, r.height)
            for r in widget.draw().contents
            if isinstance(r, Rect) and r.fillColor is not None and r.fillColor != colors.white
        ]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.scale(self._scale, self._scale)
        canv.setFillColor(colors.black)
        for x, y, w, h in self._rects:
            canv.rect(x, y, w, h, stroke=0, fill=1)
        canv.restoreState()


def _table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    # A table cell's own font defaults to Helvetica (never embedded) even when it only holds
    # Paragraphs: name ours so every font in the file is embedded.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS), *commands])


def _header(c: SheetContent, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    clinic = c.clinic
    lines: list[Flowable] = [_p(clinic.name, st["clinic"])]
    if clinic.address:
        lines.append(_p(clinic.address, st["small"]))
    phone = clinic.phone and c.texts("sheet.phone", phone=clinic.phone)
    contact = " · ".join(x for x in (phone, clinic.website) if x)
    if contact:
        lines.append(_p(contact, st["small"]))
    logo = _logo(clinic.logo_path, 45 * mm, 22 * mm)
    if logo is None:
        return lines
    table = Table([_row(c, [lines, logo])], colWidths=_row(c, [width - 50 * mm, 50 * mm]))
    table.setStyle(
        _table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                (
                    "ALIGN",
                    (0, 0) if c.rtl else (1, 0),
                    (0, 0) if c.rtl else (1, 0),
                    "LEFT" if c.rtl else "RIGHT",
                ),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table]


def _visit_table(
    c: SheetContent, st: dict[str, ParagraphStyle], width: float, d: _Density
) -> Table:
    t = c.texts
    rows = [
        (t("sheet.patient"), c.patient_name, st["strong"]),
        (t("sheet.visit"), c.visit_when(), st["body"]),
        (t("sheet.practitioner"), c.practitioner_name, st["body"]),
        (t("sheet.areas"), c.areas_text(), st["body"]),
    ]
    data = [_row(c, [_p(k, st["label"]), _p(v, style)]) for k, v, style in rows]
    # Labels differ in length by language ("Zonas tratadas"): the column fits the longest,
    # since CJK-style wrapping would otherwise split a word.
    longest = max(fonts.string_width(k, st["label"].fontSize) for k, _v, _s in rows)
    label_w = min(max(32 * mm, longest + 14), 55 * mm)
    # splitInRow: a visit over many areas with long names may not fit one page in one cell.
    table = Table(data, colWidths=_row(c, [label_w, width - label_w]), splitInRow=1)
    table.setStyle(
        _table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), d.visit_pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), d.visit_pad),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _timeline_table(
    c: SheetContent, st: dict[str, ParagraphStyle], width: float, d: _Density
) -> Table:
    t = c.texts
    data = [_row(c, [_p(t("sheet.when"), st["label"]), _p(t("sheet.what"), st["label"])])]
    for entry in c.timeline:
        data.append(
            _row(c, [_p(c.when(entry), st["strong"]), _said(c, c.say(entry.text), st["body"])])
        )
    table = Table(data, colWidths=_row(c, [62 * mm, width - 62 * mm]), repeatRows=1)
    table.setStyle(
        _table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), d.row_pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), d.row_pad),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _series(
    c: SheetContent, st: dict[str, ParagraphStyle], width: float, d: _Density
) -> list[Flowable]:
    text: list[Flowable] = [_said(c, line, st["body"]) for line in c.series_lines()]
    url = c.clinic.booking_url
    if not url:
        return text
    qr_size = d.qr_mm * mm
    text.append(Spacer(1, 3))
    text.append(_p(c.texts("sheet.book_online", url=url), st["small"]))
    table = Table(
        [_row(c, [text, _QrCode(url, qr_size)])],
        colWidths=_row(c, [width - qr_size - 6 * mm, qr_size + 6 * mm]),
    )
    table.setStyle(
        # The table's default cell padding lines its text up with the paragraphs above it.
        _table_style([("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return [table]


def _story(c: SheetContent, width: float, d: _Density = REGULAR) -> list[Flowable]:
    st = _styles(c.rtl, d)
    t = c.texts
    story: list[Flowable] = []
    if c.sample:
        story.append(_p(t("sheet.sample_banner"), st["banner"]))
    story += _header(c, st, width)
    story += [Spacer(1, d.header_gap), _p(t("sheet.title"), st["title"])]
    story.append(_visit_table(c, st, width, d))
    story.append(_p(t("sheet.aftercare_heading"), st["h2"]))
    story.append(_timeline_table(c, st, width, d))
    story.append(
        KeepTogether(
            [_p(t("sheet.expect_heading"), st["h2"]), _bullets(c, c.what_to_expect, st["body"])]
        )
    )
    phone = c.clinic.phone
    call = (
        t("sheet.call_phone", phone=phone)
        if phone
        else t("sheet.call_clinic", clinic=c.clinic.name)
    )
    story.append(
        KeepTogether(
            [
                _p(t("sheet.call_heading"), st["h2"]),
                _p(call, st["strong"]),
                _bullets(c, c.red_flags, st["body"]),
                _p(t("sheet.urgent"), st["small"]),
            ]
        )
    )
    story.append(KeepTogether([_p(t("sheet.series_heading"), st["h2"]), *_series(c, st, width, d)]))
    return story


def _canvas_class(c: SheetContent) -> type[Canvas]:
    """A canvas that knows the page count when it draws footers ("Page 1 of 2")."""

    class _Numbered(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # reportlab's page preamble selects Helvetica, which would be a non-embedded font.
            kwargs["initialFontName"] = fonts.SANS
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's camelCase name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            w, _h = self._pagesize
            self.saveState()
            self.setFillColor(MUTED)
            clinic = " · ".join(x for x in (c.clinic.name, c.clinic.phone) if x)
            page = c.texts("sheet.page", number=number, total=total)
            # A right-to-left page puts the clinic on the right and the page number on the left.
            left, right = (page, clinic) if c.rtl else (clinic, page)
            _draw(self, MARGIN, 10 * mm, left, 8.5)
            _draw(self, w - MARGIN, 10 * mm, right, 8.5, align="right")
            if c.sample:
                self.setFillColor(colors.Color(0.85, 0.3, 0.2, alpha=0.12))
                self.translate(w / 2, self._pagesize[1] / 2)
                self.rotate(35)
                _draw(self, 0, 0, c.texts("sheet.sample_mark"), 96, bold=True, align="centre")
            self.restoreState()

    return _Numbered


def _draw(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
) -> None:
    """One line on the canvas (footer, watermark), shaped when its script needs it."""
    if not shaped.needs_shaping(text):
        fonts.draw_string(canvas, x, y, text, size, bold=bold, align=align)
        return
    width = shaped.line_width(text, size, bold=bold)
    x -= width if align == "right" else width / 2 if align == "centre" else 0
    shaped.draw_line(canvas, x, y, text, size, bold=bold)


def render(content: SheetContent) -> bytes:
    """Lay out ``content`` as a PDF: the regular spacing, or the compact one when that saves
    a page (the same content always gives the same choice, so the same bytes)."""
    fonts.register()
    data, pages = b"", 0
    for density in DENSITIES:
        attempt, used = _render(content, density)
        if not data or used < pages:
            data, pages = attempt, used
        if pages == 1:
            break
    return data


def _render(content: SheetContent, density: _Density) -> tuple[bytes, int]:
    page = LETTER if content.clinic.paper == "Letter" else A4
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=content.texts("sheet.title"),
        author=content.clinic.name,
        subject="Aftercare after microneedling",
        creator="Treatment Room Console",
        # Fixed dates and ids inside the file: the same visit gives the same bytes and hash.
        invariant=1,
    )
    doc.build(_story(content, doc.width, density), canvasmaker=_canvas_class(content))
    return buf.getvalue(), int(doc.page)


def build_sheet(
    record: VisitRecord,
    protocol: Protocol,
    clinic: Mapping[str, Any] | Clinic,
    *,
    sample: bool = False,
    language: str | None = None,
) -> bytes:
    """The sheet for ``record`` under ``protocol`` (the version the visit was done under).

    ``clinic`` is ``settings_repo.get_all(db)`` (or a ``Clinic``). The sheet is in
    ``language``, else the patient's preferred language, else the clinic's. Pure: no
    database, no files written; the same inputs give the same bytes.
    """
    details, texts = texts_for(record, clinic, language)
    return render(build_content(record, protocol, details, sample=sample, texts=texts))
