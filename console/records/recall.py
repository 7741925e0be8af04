"""Lot recall: every visit and patient that used a cartridge, gel or numbing lot.

A recall notice names a lot (sometimes with the GTIN). The clinic scans a box from the same
lot or types the lot; both cartridges and consumables are searched, exact match on the lot.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path

from console.context import AppContext
from console.data import records_repo
from console.data.store import Db
from console.errors import DomainError
from console.files.private import audit_or_remove, write_private
from console.model.records import RecallHit as RecallHit  # re-exported


@dataclass(frozen=True)
class RecallQuery:
    lot: str
    gtin: str | None = None

    def describe(self) -> str:
        return f"lot {self.lot}" + (f", GTIN {self.gtin}" if self.gtin else "")


def _looks_like_label(text: str) -> bool:
    """A scanner's output or a typed printed label, rather than a bare lot number."""
    if text.startswith(("]", "(", "+")) or "\x1d" in text:
        return True
    return text.isdigit() and len(text) > 16 and text.startswith("01")


def parse_query(text: str, gtin: str = "") -> RecallQuery:
    """What the recall field holds: a scanned label, or a lot typed by hand (+ optional GTIN)."""
    from console.labels.udi import parse_label  # the Prep step's biip-based label reader

    text = text.strip()
    gtin = gtin.strip()
    if not text:
        raise DomainError("Scan a box from the recalled lot or type the lot number.", "lot")
    if _looks_like_label(text):
        try:
            label = parse_label(text)
        except DomainError as exc:
            raise DomainError(exc.message, "lot") from exc
        lot = getattr(label, "lot", None)
        if not lot:
            raise DomainError("This label has no lot number: type the lot.", "lot")
        return RecallQuery(str(lot), gtin or getattr(label, "gtin", None) or None)
    if gtin and not (gtin.isdigit() and len(gtin) in (8, 12, 13, 14)):
        raise DomainError("A GTIN has 8, 12, 13 or 14 digits.", "gtin")
    return RecallQuery(lot=text, gtin=gtin.zfill(14) if gtin else None)


def find(db: Db, query: RecallQuery) -> list[RecallHit]:
    """Every use of the lot, newest visit first. Exact lot; GTIN narrows when given."""
    return records_repo.lot_uses(db, query.lot, query.gtin)


def patients_affected(hits: list[RecallHit]) -> int:
    return len({h.patient_id for h in hits})


CSV_COLUMNS = [f.name for f in fields(RecallHit)]


def to_csv_text(hits: list[RecallHit]) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    for h in hits:
        row = [getattr(h, c) for c in CSV_COLUMNS]
        w.writerow(
            ["" if v is None else (v.isoformat() if isinstance(v, datetime) else v) for v in row]
        )
    return out.getvalue()


def search(ctx: AppContext, query: RecallQuery) -> list[RecallHit]:
    """Run a recall search and audit it: it reveals which patients got the lot."""
    hits = find(ctx.db, query)
    ctx.audit(
        "recall.search",
        entity="lot",
        entity_id=query.lot,
        detail={
            "gtin": query.gtin,
            "visits": len({h.visit_id for h in hits}),
            "patients": patients_affected(hits),
        },
    )
    return hits


def export_csv(ctx: AppContext, query: RecallQuery, hits: list[RecallHit], path: Path) -> Path:
    """Write the recall list (with contact details) as CSV, private, and audit the export."""
    write_private(path, to_csv_text(hits).encode("utf-8"))
    detail = {"gtin": query.gtin, "format": "csv", "rows": len(hits)}
    audit_or_remove(
        path, lambda: ctx.audit("recall.export", entity="lot", entity_id=query.lot, detail=detail)
    )
    return path
