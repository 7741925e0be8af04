"""Text is split into runs each bundled font can draw: no black boxes for any name."""

from __future__ import annotations

from console.aftercare import fonts


def test_latin_greek_cyrillic_vietnamese_stay_in_dejavu() -> None:
    text = "Zoë Łukasz-Nguyễn Θεοδώρα Александра"
    assert fonts.runs(text) == [(fonts.SANS, text)]
    assert fonts.missing_glyphs(text) == set()


def test_cjk_gets_its_own_run_and_spaces_do_not_split() -> None:
    assert fonts.runs("王 小明 (Wang)") == [(fonts.CJK, "王 小明 "), (fonts.SANS, "(Wang)")]
    assert fonts.runs("김민준", bold=True) == [(fonts.CJK, "김민준")]
    assert fonts.runs("さくら Ana", bold=True) == [(fonts.CJK, "さくら "), (fonts.SANS_BOLD, "Ana")]


def test_combining_marks_are_composed_before_lookup() -> None:
    decomposed = "Nguye\u0302\u0303n"  # ễ typed as e + circumflex + tilde
    assert fonts.runs(decomposed) == [(fonts.SANS, "Nguyễn")]


def test_markup_escapes_and_tags_runs() -> None:
    assert fonts.markup("A&B <王>") == 'A&amp;B &lt;<font name="TRC-CJK">王</font>&gt;'


def test_missing_glyphs_reports_what_no_font_has() -> None:
    # Sinhala is in neither bundled font: a screen can warn before printing.
    assert fonts.missing_glyphs("Zoë ශ්‍රී") >= {"ශ"}
