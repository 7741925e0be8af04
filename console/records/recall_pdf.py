"""The recall list as a plain printable PDF (A4 landscape), names in any script."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from console.context import AppContext
from console.files.private import audit_or_remove, write_private
from console.records.recall import RecallHit, RecallQuery, patients_affected

_FALLBACK_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)


def _font_and_markup() -> tuple[str, object]:
    """The aftercare sheet's fonts (Latin + CJK runs) when present, else system DejaVu Sans."""
    try:
        from console.aftercare import fonts

        fonts.register()
        return fonts.SANS, fonts.markup
    except (ImportError, OSError):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for path in _FALLBACK_FONTS:
            if path.exists():
                pdfmetrics.registerFont(TTFont("RecallSans", str(path)))
                return "RecallSans", escape
        return "Helvetica", escape


def render(
    query: RecallQuery, hits: list[RecallHit], *, generated_at: datetime, clinic: str = ""
) -> bytes:
    import io

    font, markup = _font_and_markup()
    mk = markup if callable(markup) else escape
    body = ParagraphStyle("b", fontName=font, fontSize=8, leading=10)
    head = ParagraphStyle("h", fontName=font, fontSize=14, leading=18)
    small = ParagraphStyle("s", fontName=font, fontSize=9, leading=12)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(str(mk(text)), style)

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=f"Recall list: {query.describe()}",
    )
    story: list[object] = [
        p(f"Lot recall: {query.describe()}", head),
        p(
            f"{clinic + ' · ' if clinic else ''}Generated {generated_at:%d %b %Y %H:%M} UTC · "
            f"{len({h.visit_id for h in hits})} visits, {patients_affected(hits)} patients",
            small,
        ),
        Spacer(1, 4 * mm),
    ]
    header = ["Patient", "Born", "Phone", "Email", "Visit", "Practitioner", "Item", "Lot", "Serial"]
    rows: list[list[object]] = [[p(h) for h in header]]
    for h in hits:
        rows.append(
            [
                p(h.patient_name),
                p(h.date_of_birth),
                p(h.phone),
                p(h.email),
                p(f"{h.visit_started_at:%d %b %Y}"),
                p(h.practitioner),
                p(f"{h.source}: {h.product}"),
                p(h.lot),
                p(h.serial or ""),
            ]
        )
    if not hits:
        rows.append([p("No visit used this lot.")] + [p("")] * (len(header) - 1))
    widths = [w * mm for w in (42, 20, 30, 52, 22, 34, 38, 18, 17)]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    doc.build(story)
    return buf.getvalue()


def export_pdf(
    ctx: AppContext, query: RecallQuery, hits: list[RecallHit], path: Path, *, clinic: str = ""
) -> Path:
    write_private(path, render(query, hits, generated_at=ctx.now(), clinic=clinic))
    detail = {"gtin": query.gtin, "format": "pdf", "rows": len(hits)}
    audit_or_remove(
        path, lambda: ctx.audit("recall.export", entity="lot", entity_id=query.lot, detail=detail)
    )
    return path
