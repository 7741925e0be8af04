"""Every module outside console/ui stays free of Qt, even through a lazy import.

import-linter checks the contracts in pyproject.toml; this walks every file so a new module
is covered without anyone remembering to list it.
"""

from __future__ import annotations

import ast
import tomllib
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


def _ui_to_data_edges() -> set[str]:
    """``console.ui.x -> console.data.y`` for every import of the data layer in console/ui,
    lazy ones included, spelt as import-linter spells its ignore_imports."""
    edges: set[str] = set()
    for path in (CONSOLE / "ui").rglob("*.py"):
        module = ".".join(("console", *path.relative_to(CONSOLE).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                base = node.module
                targets = [
                    f"{base}.{a.name}"
                    if (CONSOLE.parent / base.replace(".", "/") / f"{a.name}.py").exists()
                    else base
                    for a in node.names
                ]
                if base == "console":
                    targets = [f"console.{a.name}" for a in node.names]
            for target in targets:
                if target == "console.data" or target.startswith("console.data."):
                    edges.add(f"{module} -> {target}")
    return edges


def _ui_data_ignore_list() -> set[str]:
    config = tomllib.loads((CONSOLE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [
        c
        for c in config["tool"]["importlinter"]["contracts"]
        if c["name"] == "The UI never imports the data layer"
    ]
    assert contract["source_modules"] == ["console.ui"]
    assert contract["forbidden_modules"] == ["console.data"]
    return set(contract.get("ignore_imports", []))


def test_the_ui_imports_the_data_layer_only_where_the_shrinking_list_allows() -> None:
    # Screens talk to services; the list names the screens not yet moved behind one.
    edges, allowed = _ui_to_data_edges(), _ui_data_ignore_list()
    assert sorted(edges - allowed) == []
    # An entry no longer needed goes: the list only shrinks.
    assert sorted(allowed - edges) == []
