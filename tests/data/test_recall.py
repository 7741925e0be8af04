"""Lot recall finds exactly the visits that used the lot, in cartridges and consumables."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.context import AppContext
from console.data import audit_repo
from console.errors import DomainError
from console.records import recall
from console.records.recall_pdf import export_pdf
from tests.records_support import GTIN_A, GTIN_B, add_patient, make_visit, scan


@pytest.fixture
def clinic(ctx: AppContext, staff: list[str], clock: FakeClock) -> dict[str, str]:
    a = add_patient(ctx, "Anna Kowalczyk", date(1980, 1, 2), "+44 7700 900001", "anna@example.org")
    b = add_patient(ctx, "王小明", date(1975, 5, 6), "+44 7700 900002", "wang@example.org")
    c = add_patient(ctx, "Seán Ó Briain", date(1990, 7, 8), "+44 7700 900003", "sean@example.org")
    return {
        "a1": make_visit(ctx, clock, a, lot="LOT7", serial="1", gtin=GTIN_A, gel_lot="G1"),
        "b1": make_visit(
            ctx, clock, b, lot="LOT7", serial="2", gtin=GTIN_B, gel_lot="G1", numbing_lot="N9"
        ),
        "c1": make_visit(
            ctx, clock, c, lot="LOT8", serial="3", gtin=GTIN_A, gel_lot="G2", numbing_lot="LOT7"
        ),
        "a2": make_visit(ctx, clock, a, lot="LOT77", serial="4", gtin=GTIN_A, gel_lot="G2"),
    }


def _visits(hits: list[recall.RecallHit]) -> set[str]:
    return {h.visit_id for h in hits}


def test_a_lot_finds_cartridges_and_consumables_and_nothing_else(
    ctx: AppContext, clinic: dict[str, str]
) -> None:
    hits = recall.find(ctx.db, recall.RecallQuery("LOT7"))
    # LOT77 is another lot, not a prefix match; c1 used LOT7 as numbing cream, not cartridge.
    assert _visits(hits) == {clinic["a1"], clinic["b1"], clinic["c1"]}
    assert {(h.visit_id, h.source) for h in hits} == {
        (clinic["a1"], "cartridge"),
        (clinic["b1"], "cartridge"),
        (clinic["c1"], "numbing"),
    }
    wang = next(h for h in hits if h.visit_id == clinic["b1"])
    assert (wang.patient_name, wang.phone, wang.email) == (
        "王小明",
        "+44 7700 900002",
        "wang@example.org",
    )
    assert wang.gtin == GTIN_B and wang.serial == "2"


def test_gtin_and_lot_narrow_to_that_product(ctx: AppContext, clinic: dict[str, str]) -> None:
    assert _visits(recall.find(ctx.db, recall.RecallQuery("LOT7", GTIN_B))) == {clinic["b1"]}
    assert recall.find(ctx.db, recall.RecallQuery("LOT8", GTIN_B)) == []


def test_gel_lot_recall(ctx: AppContext, clinic: dict[str, str]) -> None:
    hits = recall.find(ctx.db, recall.RecallQuery("G2"))
    assert _visits(hits) == {clinic["c1"], clinic["a2"]}
    assert {h.source for h in hits} == {"gel"}


def test_a_scanned_label_is_read_as_gtin_and_lot(ctx: AppContext, clinic: dict[str, str]) -> None:
    query = recall.parse_query(scan(GTIN_B, "LOT7", "999"))
    assert query == recall.RecallQuery("LOT7", GTIN_B)
    assert _visits(recall.find(ctx.db, query)) == {clinic["b1"]}
    typed = recall.parse_query(f"(01){GTIN_A}(17)291231(10)LOT8")
    assert _visits(recall.find(ctx.db, typed)) == {clinic["c1"]}


def test_empty_field_and_bad_gtin_are_plain_errors() -> None:
    with pytest.raises(DomainError) as e:
        recall.parse_query("   ")
    assert e.value.field == "lot"
    with pytest.raises(DomainError) as e:
        recall.parse_query("LOT7", "12ab")
    assert e.value.field == "gtin"


def test_search_and_exports_are_audited_and_carry_contacts(
    ctx: AppContext, clinic: dict[str, str], tmp_path: Path
) -> None:
    query = recall.RecallQuery("LOT7")
    hits = recall.search(ctx, query)
    out = recall.export_csv(ctx, query, hits, tmp_path / "recall.csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["visit_id"] for r in rows} == _visits(hits)
    assert {r["email"] for r in rows} == {
        "anna@example.org",
        "wang@example.org",
        "sean@example.org",
    }
    pdf = export_pdf(ctx, query, hits, tmp_path / "recall.pdf")
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    assert "Lot recall: lot LOT7" in text
    assert "Anna Kowalczyk" in text and "sean@example.org" in text
    actions = [r["action"] for r in audit_repo.rows(ctx.db) if r["entity_id"] == "LOT7"]
    assert sorted(actions) == ["recall.export", "recall.export", "recall.search"]
