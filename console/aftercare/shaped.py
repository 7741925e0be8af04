"""Text in scripts that need shaping (Arabic, Hebrew, Indic, Thai, stacked marks), laid out here.

reportlab shapes words through uharfbuzz, but reorders right-to-left text only with ``rlbidi``,
which is not on PyPI. So a paragraph that holds such text is broken into lines and each line
put in visual order by ``visual_order`` (the Unicode bidi rule L2 applied to whole words), each
word shaped by harfbuzz (which puts an Arabic or Hebrew word's glyphs in visual order itself).
Left-to-right runs are wrapped in a PDF ``/ActualText`` span holding their logical text, so
copying and ``pdftotext`` give a Devanagari or Thai name as typed; right-to-left runs map back
glyph by glyph (Arabic as presentation forms, which NFKC turns back into the letters typed).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.abag import ABag
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, shapeFragWord
from reportlab.platypus import Flowable

from console.aftercare import fonts

# "dlig" off: Noto Sans Arabic's discretionary ligature turns محمد into a vowelled ﷴ, which
# is not the name as written; required ligatures (lam-alef) stay on.
_FEATURES = {"kern": True, "liga": True, "dlig": False}
_SHAPED_BLOCKS = ((0x0590, 0x08FF), (0x0900, 0x0DFF), (0x0E00, 0x0EFF), (0xFB1D, 0xFEFF))


def needs_shaping(text: str) -> bool:
    """Whether ``text`` has letters that plain left-to-right glyph-by-glyph drawing gets wrong."""
    for ch in unicodedata.normalize("NFC", text):
        code = ord(ch)
        if any(lo <= code <= hi for lo, hi in _SHAPED_BLOCKS):
            return True
        if unicodedata.category(ch) in ("Mn", "Me") or unicodedata.bidirectional(ch) in (
            "R",
            "AL",
        ):
            return True
    return False


def strong_direction(text: str) -> str | None:
    """ "rtl" or "ltr" from the first strongly directional letter, None if there is none."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return None


def _is_number(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("EN", "AN") for c in text)


def visual_order(words: list[str], rtl: bool) -> list[int]:
    """Indexes of ``words`` (one line, logical order) in the order they are drawn left to right.

    Rule L2 of the Unicode bidi algorithm on word granularity: a right-to-left paragraph has
    level 1, its left-to-right words and numbers level 2; a left-to-right paragraph level 0
    and its right-to-left words level 1; a word with no strong letter takes the level of its
    neighbours when they agree, else the paragraph's.
    """
    resolved = _levels(words, rtl)
    order = list(range(len(words)))
    top = max(resolved, default=0)
    for level in range(top, 0, -1):
        i = 0
        while i < len(order):
            if resolved[order[i]] >= level:
                j = i
                while j < len(order) and resolved[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


def _levels(words: list[str], rtl: bool) -> list[int]:
    base = 1 if rtl else 0
    kinds = [strong_direction(w) or ("ltr" if _is_number(w) else None) for w in words]
    levels: list[int | None] = []
    for kind in kinds:
        if kind == "rtl":
            levels.append(1)
        elif kind == "ltr":
            levels.append(2 if rtl else 0)
        else:
            levels.append(None)
    for i, level in enumerate(levels):
        if level is None:
            before = next((x for x in reversed(levels[:i]) if x is not None), base)
            after = next((x for x in levels[i + 1 :] if x is not None), base)
            levels[i] = before if before == after else base
    return [int(x if x is not None else base) for x in levels]


@dataclass(frozen=True)
class _Piece:
    font: str
    logical: str
    text: str  # a ShapedStr when harfbuzz shaped it
    width: float


@dataclass(frozen=True)
class _Word:
    logical: str
    pieces: tuple[_Piece, ...]  # logical order, one per font run
    width: float


_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def _shape(text: str, font: str, size: float) -> _Piece:
    word = shapeFragWord(
        [pdfmetrics.stringWidth(text, font, size), (ABag(fontName=font, fontSize=size), text)],
        features=_FEATURES,
        force=True,
    )
    shaped = word[1][1]
    if isinstance(shaped, ShapedStr):
        width = sum(g.x_advance for g in shaped.__shapeData__) * size / 1000
    else:
        width = pdfmetrics.stringWidth(shaped, font, size)
    return _Piece(font, text, shaped, float(width))


def _neutral(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("ON", "CS", "ES", "ET", "WS", "S", "B")


def _split_neutrals(chunk: str) -> list[str]:
    # Punctuation becomes its own unit so the bidi order can put "3." as ".3" at the end of
    # a right-to-left sentence; marks stay on their letter.
    parts: list[str] = []
    for ch in chunk:
        kind = _neutral(ch)
        if parts and (_neutral(parts[-1][-1]) == kind or unicodedata.combining(ch)):
            parts[-1] += ch
        else:
            parts.append(ch)
    return parts


@lru_cache(maxsize=4096)  # a sheet repeats its words ("حتى", dates): shape each once
def _word(text: str, size: float, bold: bool) -> _Word:
    pieces = [
        _shape(part, font, size)
        for font, chunk in fonts.runs(text, bold=bold)
        for part in _split_neutrals(chunk)
    ]
    return _Word(text, tuple(pieces), sum(p.width for p in pieces))


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def draw_words(
    canvas: Any, x: float, y: float, words: list[_Word], space: float, size: float, rtl: bool
) -> None:
    """Draw one line: each font run is a unit of the bidi reordering, so "2026،" or
    "(الهربس)" come out right; a space separates units that came from different words."""
    units = [(n, piece) for n, word in enumerate(words) for piece in word.pieces]
    order = visual_order([piece.logical for _, piece in units], rtl)
    levels_rtl = _rtl_units([piece.logical for _, piece in units], rtl)
    previous: int | None = None
    for index in order:
        word_number, piece = units[index]
        if previous is not None and previous != word_number:
            x += space
        previous = word_number
        text = piece.text
        if levels_rtl[index] and strong_direction(piece.logical) is None:
            # Brackets in right-to-left text are drawn mirrored ("(" opens on the right).
            # Punctuation at a right-to-left level reads right to left too: ")." draws ".(".
            flipped = piece.logical[::-1].translate(_MIRROR)
            if flipped != piece.logical:
                text = _shape(flipped, piece.font, size).text
        canvas.setFont(piece.font, size)
        if levels_rtl[index]:
            # Right-to-left glyphs map back to their (presentation-form) letters one by one,
            # and readers put them in logical order themselves: an ActualText span would be
            # reversed a second time by pdftotext.
            canvas.drawString(x, y, text)
        else:
            # Indic and Thai glyphs (a reph, a reordered vowel) do not map back one to one:
            # marked content carries the run's logical text.
            canvas._code.append(f"/Span <</ActualText {_actual_text(piece.logical)}>> BDC")
            canvas.drawString(x, y, text)
            canvas._code.append("EMC")
        x += piece.width


def _rtl_units(texts: list[str], rtl: bool) -> list[bool]:
    """Whether each unit ends up at an odd (right-to-left) level."""
    return [level % 2 == 1 for level in _levels(texts, rtl)]


def line_width(text: str, size: float, *, bold: bool = False) -> float:
    words = [_word(w, size, bold) for w in text.split()]
    space = float(pdfmetrics.stringWidth(" ", fonts.SANS, size))
    return sum(w.width for w in words) + space * max(len(words) - 1, 0)


def draw_line(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    rtl: bool | None = None,
) -> None:
    """One line at (x, y), left edge at x, words in visual order."""
    fonts.register()
    words = [_word(w, size, bold) for w in text.split()]
    space = pdfmetrics.stringWidth(" ", fonts.SANS, size)
    direction = strong_direction(text) == "rtl" if rtl is None else rtl
    draw_words(canvas, x, y, words, space, size, direction)


class ShapedParagraph(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A paragraph of plain text drawn shaped and in bidi order, wrapped at spaces.

    ``rtl`` None takes the direction from the text's first strong letter; alignment is the
    style's (a right-to-left page gives its styles ``TA_RIGHT``).
    """

    def __init__(self, text: str, style: ParagraphStyle, *, rtl: bool | None = None) -> None:
        super().__init__()
        fonts.register()
        self.style = style
        self.text = unicodedata.normalize("NFC", text)
        self.bold = style.fontName == fonts.SANS_BOLD
        self.rtl = strong_direction(self.text) == "rtl" if rtl is None else rtl
        size = style.fontSize
        self._space = pdfmetrics.stringWidth(" ", fonts.SANS, size)
        self._hard_lines = [
            [_word(w, size, self.bold) for w in line.split()] for line in self.text.split("\n")
        ]
        self._lines: list[list[_Word]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        lines: list[list[_Word]] = []
        for words in self._hard_lines:
            line: list[_Word] = []
            used = 0.0
            for word in words:
                extra = word.width + (self._space if line else 0)
                if line and used + extra > avail_width:
                    lines.append(line)
                    line, used = [word], word.width
                else:
                    line.append(word)
                    used += extra
            lines.append(line)
        self._lines = lines
        self.width = avail_width
        self.height = float(len(lines) * self.style.leading)
        return avail_width, self.height

    def draw(self) -> None:
        st = self.style
        self.canv.setFillColor(st.textColor)
        for number, words in enumerate(self._lines):
            y = self.height - number * st.leading - st.fontSize
            used = sum(w.width for w in words) + self._space * max(len(words) - 1, 0)
            if st.alignment == TA_CENTER:
                x = (self.width - used) / 2
            elif st.alignment == TA_RIGHT:
                x = self.width - used
            else:
                x = 0.0
            draw_words(self.canv, x, y, words, self._space, st.fontSize, self.rtl)


def paragraph(text: str, style: ParagraphStyle, *, rtl: bool | None = None) -> Flowable:
    """The flowable for ``text`` on any page (sheet, consent): refused if a character cannot
    be printed; laid out here when it needs shaping or the page is right-to-left (a style
    aligned right), else a plain reportlab ``Paragraph`` with a font per run. ``rtl`` is the
    paragraph's direction when the page knows it; None guesses it from the first letter."""
    from reportlab.platypus import Paragraph

    fonts.require_drawable(text)
    if needs_shaping(text) or style.alignment == TA_RIGHT or rtl:
        return ShapedParagraph(text, style, rtl=rtl)
    bold = style.fontName == fonts.SANS_BOLD
    return Paragraph(fonts.markup(text, bold=bold).replace("\n", "<br/>"), style)
