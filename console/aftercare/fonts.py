"""The sheet's embedded fonts, and splitting text into runs each font can draw.

reportlab has no font fallback: a character missing from the current font prints as a black
box. So text is split into runs by which bundled font has the glyph (DejaVu Sans for Latin,
Greek, Cyrillic, Vietnamese …; Noto Sans for Arabic, Hebrew, Devanagari, Thai, Bengali and
Tamil; WenQuanYi Micro Hei for Chinese, Japanese and Korean), and each run is drawn in its own
font. Runs in scripts that need shaping are drawn by ``console.aftercare.shaped``.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from console.errors import DomainError
from console.resources import RESOURCES

FONT_DIR = RESOURCES / "fonts"

SANS = "TRC-Sans"
SANS_BOLD = "TRC-Sans-Bold"
CJK = "TRC-CJK"

# Scripts whose letters must come from their own Noto face even where DejaVu has a glyph
# (DejaVu's Arabic has no shaping tables worth the name): (first, last code point, face).
_SCRIPTS = (
    (0x0590, 0x05FF, "Hebrew"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x08A0, 0x08FF, "Arabic"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0xA8E0, 0xA8FF, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0E00, 0x0E7F, "Thai"),
)
_SCRIPT_NAMES = ("Arabic", "Hebrew", "Devanagari", "Thai", "Bengali", "Tamil")


@dataclass(frozen=True)
class _FontFile:
    name: str
    path: Path
    subfont: int = 0


_FILES = (
    _FontFile(SANS, FONT_DIR / "DejaVuSans.ttf"),
    _FontFile(SANS_BOLD, FONT_DIR / "DejaVuSans-Bold.ttf"),
    # A .ttc holds several faces; face 0 is the proportional Micro Hei.
    _FontFile(CJK, FONT_DIR / "wqy-microhei.ttc", subfont=0),
    *(
        _FontFile(f"TRC-{script}{suffix}", FONT_DIR / f"NotoSans{script}-{weight}.ttf")
        for script in _SCRIPT_NAMES
        for suffix, weight in (("", "Regular"), ("-Bold", "Bold"))
    ),
)


def script_font(ch: str, *, bold: bool = False) -> str | None:
    """The Noto face for ``ch``'s script, or None for scripts DejaVu or Micro Hei draw."""
    code = ord(ch)
    for first, last, script in _SCRIPTS:
        if first <= code <= last:
            return f"TRC-{script}-Bold" if bold else f"TRC-{script}"
    return None


_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}


def register() -> None:
    """Register the bundled fonts with reportlab once per process (cheap after the first)."""
    if len(_coverage) == len(_FILES):
        return
    with _lock:
        for f in _FILES:
            if f.name in _coverage:
                continue
            font = TTFont(f.name, str(f.path), subfontIndex=f.subfont)
            pdfmetrics.registerFont(font)
            face: Any = font.face
            _coverage[f.name] = frozenset(face.charToGlyph)


def _covers(font: str, ch: str) -> bool:
    return ord(ch) in _coverage[font]


def _neutral(ch: str) -> bool:
    # Spaces and joiners stay with the run they are in, so "王 小明" is one run, not three;
    # combining marks stay with the letter they sit on, so the shaper can place them.
    return ch.isspace() or unicodedata.category(ch) in ("Zs", "Cf", "Mn", "Me")


def runs(text: str, *, bold: bool = False) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font name, text)`` runs that the fonts can draw.

    Text is NFC-normalised first so "Nguyễn" typed with combining marks uses the precomposed
    letters the font has.
    """
    register()
    base = SANS_BOLD if bold else SANS
    out: list[tuple[str, str]] = []
    for ch in unicodedata.normalize("NFC", text):
        script = script_font(ch, bold=bold)
        if out and _neutral(ch) and _covers(out[-1][0], ch):
            font = out[-1][0]
        elif script is not None and _covers(script, ch):
            font = script
        elif _covers(base, ch):
            font = base
        elif _covers(SANS, ch):  # a glyph the bold face lacks: regular beats a box
            font = SANS
        elif _covers(CJK, ch):
            font = CJK
        else:
            font = base  # neither has it: see missing_glyphs()
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def missing_glyphs(text: str) -> set[str]:
    """Characters no bundled font can draw (a screen can warn before printing)."""
    register()
    return {
        ch
        for ch in unicodedata.normalize("NFC", text)
        if not ch.isspace() and not any(_covers(f.name, ch) for f in _FILES)
    }


def require_drawable(text: str) -> None:
    """Refuse ``text`` with a message naming the first character no embedded font can draw.

    Called for every piece of text before a sheet is laid out, so a sheet is never archived
    or printed with an empty box where a letter of a name should be.
    """
    missing = missing_glyphs(text)
    if not missing:
        return
    ch = next(c for c in unicodedata.normalize("NFC", text) if c in missing)
    name = unicodedata.name(ch, "unnamed character")
    raise DomainError(
        f"“{ch}” (U+{ord(ch):04X} {name}) in “{text.strip()[:60]}” cannot be printed: none of "
        "the sheet's fonts has it. Correct the text, or ask for a font that covers it."
    )


def markup(text: str, *, bold: bool = False) -> str:
    """Paragraph markup for ``text`` with a ``<font>`` tag around each run not in the base font."""
    base = SANS_BOLD if bold else SANS
    parts: list[str] = []
    for font, chunk in runs(text, bold=bold):
        escaped = escape(chunk)
        parts.append(escaped if font == base else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def string_width(text: str, size: float, *, bold: bool = False) -> float:
    return float(
        sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in runs(text, bold=bold))
    )


def draw_string(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
) -> None:
    """``canvas.drawString`` that switches font per run; ``align`` left, right or centre."""
    if align == "right":
        x -= string_width(text, size, bold=bold)
    elif align == "centre":
        x -= string_width(text, size, bold=bold) / 2
    for font, chunk in runs(text, bold=bold):
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, font, size)
