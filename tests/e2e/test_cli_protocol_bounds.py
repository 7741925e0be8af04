"""`protocol import` of files past the bounds, as another room might send them: refused whole."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from console.context import open_context
from console.protocol.edit import export_file
from tests.e2e.test_cli_basics import run_console


def _zone_name_of_5_mb(doc: dict[str, Any]) -> None:
    doc["library"]["zones"][0]["name"] = "x" * 5_000_000


def _ten_thousand_zones(doc: dict[str, Any]) -> None:
    first = doc["library"]["zones"][0]
    doc["library"]["zones"] = [dict(first, id=f"z{i}", name=f"Zone {i}") for i in range(10_000)]


def _rule_until(doc: dict[str, Any]) -> None:
    doc["library"]["aftercare_rules"][0]["until_h"] = 1e308


def _device_max(doc: dict[str, Any]) -> None:
    doc["library"]["devices"][0]["max_mm"] = 1e308


FILES: dict[str, Callable[[dict[str, Any]], None] | None] = {
    "until_h 1e308": _rule_until,
    "max_mm 1e308": _device_max,
    "5 MB zone name": _zone_name_of_5_mb,
    "10,000 zones": _ten_thousand_zones,
    "100,000 deep": None,  # written as text below: json.dumps itself would recurse
}


def _versions(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM protocol_versions").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("case", list(FILES))
def test_an_oversized_library_file_is_refused_whole(case: str, tmp_path: Path) -> None:
    db = tmp_path / "console.sqlite3"
    ctx = open_context(db)
    exported = tmp_path / "export.json"
    export_file(ctx, exported)
    ctx.db.close()
    doc = json.loads(exported.read_text(encoding="utf-8"))
    incoming = tmp_path / "from-another-room.json"
    change = FILES[case]
    if change is None:
        doc["library"] = "@"
        text = json.dumps(doc).replace('"@"', "[" * 100_000 + "]" * 100_000)
    else:
        change(doc)
        text = json.dumps(doc)
    incoming.write_text(text, encoding="utf-8")
    versions = _versions(db)

    result = run_console("protocol", "import", str(incoming), "--db", str(db))

    assert result.returncode == 4
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.startswith("Not imported:")
    assert len(result.stderr.splitlines()) <= 3  # the refusal and the place, not a flood
    assert _versions(db) == versions
