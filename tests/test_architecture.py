"""SQL lives in console/data/ only: no other module under console/ holds a query or runs one.

Walks every file (so a new module is covered without anyone listing it) and looks at what the
parser sees: string literals (f-strings included) that read as SQL, and calls that run SQL or
reach a sqlite-utils table (``.execute(``, ``.query(``, ``db["table"]`` …).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

CONSOLE = Path(__file__).resolve().parents[1] / "console"

_SQL = re.compile(
    r"\b(SELECT\s.*\bFROM\b|SELECT\s+1\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\S+\s+SET\b"
    r"|DELETE\s+FROM\b|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW|VIRTUAL)\b|DROP\s+(TABLE|INDEX|TRIGGER)\b"
    r"|ALTER\s+TABLE\b|PRAGMA\s+\w+|BEGIN\s+IMMEDIATE\b)",
    re.DOTALL,
)
_RUNS_SQL = frozenset({"execute", "executemany", "executescript", "query"})
_TABLE_CALLS = frozenset({"table", "create_table"})


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "x"
            for v in node.values
        )
    return None


def _is_db(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id in {"db", "conn"}) or (
        isinstance(node, ast.Attribute) and node.attr in {"db", "conn"}
    )


def sql_sites(source: str) -> list[str]:
    """Lines (``n: what``) where ``source`` holds or runs SQL."""
    found: list[str] = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        text = _text(node)
        if text is not None and _SQL.search(text):
            found.append(f"{node.lineno}: SQL string {text[:50]!r}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            if name in _RUNS_SQL or (name in _TABLE_CALLS and _is_db(node.func.value)):
                found.append(f"{node.lineno}: .{name}(")
        elif isinstance(node, ast.Subscript) and _is_db(node.value):
            found.append(f"{node.lineno}: table access db[...]")
    # f-string parts are walked too: report each line once.
    return sorted(set(found), key=lambda s: int(s.split(":")[0]))


def test_no_sql_outside_console_data() -> None:
    offenders = []
    for path in sorted(CONSOLE.rglob("*.py")):
        rel = path.relative_to(CONSOLE).as_posix()
        if rel.startswith("data/"):
            continue
        offenders += [f"console/{rel}:{site}" for site in sql_sites(path.read_text("utf-8"))]
    assert offenders == [], "SQL belongs in console/data/ repositories:\n" + "\n".join(offenders)


def test_the_scan_sees_sql_written_the_ways_this_code_writes_it() -> None:
    # The check itself must be able to fail: each of these is SQL outside a repository.
    samples = [
        'db.execute("SELECT id FROM patients WHERE id = ?", [pid])',
        "rows = db.query(f'SELECT * FROM \"{t}\" WHERE x IN ({marks})')",
        "sql = ('UPDATE visits SET status = ? '\n       'WHERE id = ?')",
        'db["patients"].insert(row)',
        "self.ctx.db.conn.executemany(stmt, rows)",
        'db.table("photos").upsert(row, pk="id")',
        "X = 'INSERT OR IGNORE INTO settings (key) VALUES (?)'",
    ]
    for sample in samples:
        assert sql_sites(sample), sample
    assert sql_sites('label = "Select a patient from the list"') == []
    assert sql_sites('msg = "Update the console first."') == []


def _audit_writes(source: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "record"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "audit_repo"
    ]


def test_audit_rows_are_written_only_through_ctx_audit() -> None:
    # context.py holds ctx.audit itself: the one place that calls the repository's writer.
    offenders = []
    for path in sorted(CONSOLE.rglob("*.py")):
        rel = path.relative_to(CONSOLE).as_posix()
        if rel.startswith("data/") or rel == "context.py":
            continue
        offenders += [f"console/{rel}:{n}" for n in _audit_writes(path.read_text("utf-8"))]
    assert offenders == [], "write audit rows with ctx.audit(...):\n" + "\n".join(offenders)
    assert _audit_writes("audit_repo.record(db, at=now, by=None, action='x')") == [1]
