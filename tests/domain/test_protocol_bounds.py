"""Bounds on what a protocol library may hold: refused whole, with the place, never a traceback."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from console.aftercare import build_sheet
from console.aftercare.pdf import page_count
from console.model.protocol import default_body, from_body
from console.protocol import bounds as bounds
from console.protocol.edit import FORMAT, read_document, validate
from tests.domain.protocol_largest import largest_body, largest_sheet_inputs, text


def _body() -> dict[str, Any]:
    return copy.deepcopy(default_body())


def _set(section: str, index: int, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        body[section][index][key] = value

    return change


def _nested(depth: int) -> Any:
    value: Any = [0.25, 0.5]
    for _ in range(depth):
        value = [value]
    return value


def _too_many(section: str) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        first = body[section][0]
        body[section] = [
            dict(first, id=f"x{i}", name=f"Item {i}", text=f"Item {i}")
            for i in range(bounds.MAX_ITEMS[section] + 1)
        ]

    return change


Change = Callable[[dict[str, Any]], None]
Where = tuple[str | int, ...]


def _at(name: str, section: str, index: int, key: str, value: Any) -> tuple[str, Change, Where]:
    """A case that sets one value; the problem must be reported at (or inside) that value."""
    return name, _set(section, index, key, value), (section, index, key)


RULES, DEVICES, ZONES, SCREENING = "aftercare_rules", "devices", "zones", "contraindications"
# (what is wrong, the change, where the problem must be reported)
OVER_THE_BOUNDS: list[tuple[str, Change, Where]] = [
    _at("until_h 1e308", RULES, 0, "until_h", 1e308),
    _at("until_h a year and a day", RULES, 0, "until_h", 24 * 367),
    _at("from_h 1e308", RULES, 0, "from_h", 1e308),
    _at("max_mm 1e308", DEVICES, 0, "max_mm", 1e308),
    _at("min_mm -1e308", DEVICES, 0, "min_mm", -1e308),
    _at("max_mm 6", DEVICES, 0, "max_mm", 6),
    _at("min_mm 7", DEVICES, 1, "min_mm", 7),
    _at("step 0.001 mm", DEVICES, 2, "step_mm", 0.001),
    _at("needles 1e9", "cartridge_types", 0, "needle_count", 10**9),
    _at("typical to 1e308", ZONES, 0, "typical", {"general": [0.25, 1e308]}),
    _at("typical to 6 mm", ZONES, 0, "typical", {"general": [0.25, 6]}),
    _at("wait 25 months", SCREENING, 7, "wait", {"months": 25}),
    _at("wait 800 days", SCREENING, 8, "wait", {"days": 800}),
    _at("zone name too long", ZONES, 0, "name", "x" * (bounds.MAX_NAME + 1)),
    _at("5 MB zone name", ZONES, 0, "name", "x" * 5_000_000),
    _at("rule text too long", RULES, 1, "text", "y" * (bounds.MAX_TEXT + 1)),
    _at("note too long", ZONES, 2, "note", "z" * (bounds.MAX_TEXT + 1)),
    _at("id too long", ZONES, 0, "id", "a" * (bounds.MAX_ID + 1)),
    _at("deep nesting", ZONES, 0, "typical", {"general": _nested(200)}),
    _at("a NaN", RULES, 0, "from_h", float("nan")),
    ("10,000 zones", lambda b: b.update(zones=b["zones"] * 715), (ZONES,)),
    ("one zone too many", _too_many(ZONES), (ZONES,)),
    ("one rule too many", _too_many(RULES), (RULES,)),
]


@pytest.mark.parametrize(
    ("change", "where"), [c[1:] for c in OVER_THE_BOUNDS], ids=[c[0] for c in OVER_THE_BOUNDS]
)
def test_a_value_past_its_bound_is_refused_where_it_is(change: Change, where: Where) -> None:
    body = _body()
    change(body)
    problems = validate(body)
    assert problems, "accepted"
    # Named at the value, or inside it (the too-deep level, the too-large number)
    assert any(p.path[: len(where)] == where for p in problems), [
        (p.path, p.message) for p in problems
    ]
    assert all(p.where(body) is not None for p in problems)  # the report can name every place


def test_the_largest_allowed_library_is_accepted_and_its_sheet_builds() -> None:
    assert validate(largest_body()) == []
    record, protocol = largest_sheet_inputs()
    assert len(record.areas) == bounds.MAX_ITEMS["zones"]
    pdf = build_sheet(record, protocol, {"clinic.name": text(bounds.MAX_NAME, 7)})
    # Every rule, line and area at its longest still makes a sheet a patient can carry.
    assert 1 < page_count(pdf) <= 10


def test_every_number_the_shipped_library_holds_is_inside_its_bounds() -> None:
    # The bounds are room around the defaults, not a squeeze on them.
    protocol = from_body(1, default_body())
    assert max(d.max_mm for d in protocol.devices) < bounds.MAX_DEPTH_MM
    assert max(r.until_h or 0 for r in protocol.aftercare_rules) <= 24 * 31
    for section, limit in bounds.MAX_ITEMS.items():
        assert len(default_body()[section]) <= limit, section


def _export(tmp_path: Path, library_json: str) -> Path:
    path = tmp_path / "library.json"
    path.write_text(
        f'{{"format": "{FORMAT}", "format_version": 1, "library": {library_json}}}',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("library_json", "words"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested far deeper"),
        ('{"x": ' + "9" * 10_000 + "}", "not a JSON document"),
        ('{"until_h": Infinity}', "Infinity is not a number"),
        ('{"until_h": NaN}', "NaN is not a number"),
        ('{"name": "' + "x" * (bounds.MAX_FILE_BYTES + 1) + '"}', "larger than a protocol"),
    ],
    ids=["100,000 deep", "10,000 digits", "Infinity", "NaN", "over the size limit"],
)
def test_a_file_no_library_could_be_is_refused_before_it_is_read_whole(
    tmp_path: Path, library_json: str, words: str
) -> None:
    doc, reason = read_document(_export(tmp_path, library_json))
    assert doc is None
    assert words in reason


def test_a_library_at_its_bounds_reads_back_from_a_file(tmp_path: Path) -> None:
    path = _export(tmp_path, json.dumps(largest_body(), ensure_ascii=False))
    assert path.stat().st_size < bounds.MAX_FILE_BYTES
    doc, reason = read_document(path)
    assert reason == "" and doc is not None
    assert validate(doc["library"]) == []
