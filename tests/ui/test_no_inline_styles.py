"""One visual language: every style rule lives in console/ui/widgets/theme.py, none in a screen."""

from __future__ import annotations

import ast
from pathlib import Path

import console

UI = Path(console.__file__).parent / "ui"
# Calls of setStyleSheet( left outside the theme, each with why it stays.
ALLOWED = {
    # The Treat timer's font size is computed from the window's size at every resize, so the
    # digits fill the space readable from two metres; a style sheet has no such rule.
    ("steps/treat.py", 2),
}


def style_calls(root: Path = UI) -> dict[str, int]:
    """setStyleSheet( calls per file below ``root``, theme.py excepted."""
    found: dict[str, int] = {}
    for path in sorted(root.rglob("*.py")):
        if path.name == "theme.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "setStyleSheet"
            ):
                name = str(path.relative_to(root))
                found[name] = found.get(name, 0) + 1
    return found


def test_no_style_string_outside_the_theme() -> None:
    assert set(style_calls().items()) <= ALLOWED


def test_the_check_finds_a_style_string_in_a_screen(tmp_path: Path) -> None:
    (tmp_path / "settings").mkdir()
    (tmp_path / "settings" / "tab.py").write_text('w.setStyleSheet("color: red;")\n')
    (tmp_path / "theme.py").write_text('app.setStyleSheet("QWidget {}")\n')
    assert style_calls(tmp_path) == {"settings/tab.py": 1}
