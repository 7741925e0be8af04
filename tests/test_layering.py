"""Every module outside console/ui stays free of Qt, even through a lazy import.

import-linter checks the contracts in pyproject.toml; this walks every file so a new module
is covered without anyone remembering to list it.
"""

from __future__ import annotations

import ast
from pathlib import Path

CONSOLE = Path(__file__).resolve().parents[1] / "console"
QT = ("PySide6", "shiboken6", "pyqtgraph")
# The two entry points hand over to the UI after checking the display.
MAY_START_UI = {"app.py", "__main__.py"}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_domain_and_data_never_import_qt_or_the_ui() -> None:
    offenders = []
    for path in CONSOLE.rglob("*.py"):
        rel = path.relative_to(CONSOLE)
        if rel.parts[0] == "ui":
            continue
        for name in _imports(path):
            top = name.split(".")[0]
            into_ui = name == "console.ui" or name.startswith("console.ui.")
            if top in QT or (into_ui and str(rel) not in MAY_START_UI):
                offenders.append(f"{rel}: {name}")
    assert offenders == []
