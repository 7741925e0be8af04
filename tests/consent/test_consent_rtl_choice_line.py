"""An Arabic consent's ticked photo choice, "[x] نعم — …", reads right to left like the page:
the box at the start (right), the full stop at the end (left)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from console.consent.service import ConsentService
from console.context import AppContext
from tests.conftest import require_tool
from tests.consent.test_consent_languages import _pdftotext, _visit, _words
from tests.consent_support import request


def _words_on_line_of(pdf: Path, marker: str) -> list[tuple[float, float, str]]:
    """(xMin, xMax, text) of every word on the first line of page 1 that holds ``marker``."""
    bbox = subprocess.run(
        [require_tool("pdftotext", "poppler-utils"), "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = [
        (float(m[1]), float(m[3]), float(m[2]), unicodedata.normalize("NFKC", m[4]))
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" [^>]*>([^<]*)</word>', bbox
        )
    ]
    y = next(w[2] for w in words if w[3] == marker)
    return [(x0, x1, text) for x0, x1, top, text in words if abs(top - y) < 1]


def test_the_ticked_choice_starts_with_its_box_and_ends_with_its_full_stop(
    ctx: AppContext, staff: list[str]
) -> None:
    vid = _visit(ctx, staff, "ليلى حداد", "ar")
    taken = ConsentService(ctx).take(vid, request(ctx, language="ar", signer_name="ليلى حداد"))
    sentence = _words("photos", "ar")["choices"]["clinical_record"]
    assert sentence.endswith(".")
    # Logical order (what pdftotext and a copy give): the answer, then the sentence with its
    # full stop last.
    assert f"نعم — {sentence}" in _pdftotext(taken.pdf_path)
    # Drawn: the box is the rightmost thing on its line, the full stop the leftmost.
    line = _words_on_line_of(taken.pdf_path, "[x]")
    box = next(w for w in line if w[2] == "[x]")
    assert box[0] == max(x0 for x0, _x1, _t in line)
    leftmost = min(line)
    assert leftmost[2].startswith("."), line
