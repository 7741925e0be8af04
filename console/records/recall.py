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

from sqlite_utils import Database

from console.clock import parse_iso
from console.context import AppContext
from console.errors import DomainError
from console.private_files import audit_or_remove, write_private


@dataclass(frozen=True)
class RecallQuery:
    lot: str
    gtin: str | None = None

    def describe(self) -> str:
        return f"lot {self.lot}" + (f", GTIN {self.gtin}" if self.gtin else "")


@dataclass(frozen=True)
class RecallHit:
    source: str  # cartridge / gel / numbing
    product: str
    gtin: str | None
    lot: str
    serial: str | None
    expiry: str | None
    visit_id: str
    visit_started_at: datetime
    visit_status: str
    practitioner: str
    patient_id: str
    patient_name: str
    date_of_birth: str
    phone: str
    email: str


def _looks_like_label(text: str) -> bool:
    """A scanner's output or a typed printed label, rather than a bare lot number."""
    if text.startswith(("]", "(", "+")) or "\x1d" in text:
        return True
    return text.isdigit() and len(text) > 16 and text.startswith("01")


def parse_query(text: str, gtin: str = "") -> RecallQuery:
    """What the recall field holds: a scanned label, or a lot typed by hand (+ optional GTIN)."""
    from console.labels import parse_label  # the Prep step's biip-based label reader

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


_SELECT = """
SELECT {source}, {product}, x.gtin, x.lot, {serial}, {expiry}, v.id, v.started_at, v.status,
       pr.display_name, p.id, p.full_name, p.date_of_birth, p.phone, p.email
FROM {table} x
JOIN visits v ON v.id = x.visit_id
JOIN patients p ON p.id = v.patient_id
JOIN practitioners pr ON pr.id = v.practitioner_id
WHERE x.lot = ? {gtin_clause}
"""


def find(db: Database, query: RecallQuery) -> list[RecallHit]:
    """Every use of the lot, newest visit first. Exact lot; GTIN narrows when given."""
    gtin_clause = "AND x.gtin = ?" if query.gtin else ""
    params: list[str] = [query.lot] + ([query.gtin] if query.gtin else [])
    cart = _SELECT.format(
        source="'cartridge'", product="x.cartridge_type_id", serial="x.serial",
        expiry="x.expiry", table="cartridges", gtin_clause=gtin_clause,
    )  # fmt: skip
    cons = _SELECT.format(
        source="x.kind", product="x.product", serial="NULL", expiry="NULL",
        table="consumables", gtin_clause=gtin_clause,
    )  # fmt: skip
    sql = f"{cart} UNION ALL {cons} ORDER BY 8 DESC"
    return [
        RecallHit(
            source=r[0],
            product=r[1],
            gtin=r[2],
            lot=r[3],
            serial=r[4],
            expiry=r[5],
            visit_id=r[6],
            visit_started_at=parse_iso(r[7]),
            visit_status=r[8],
            practitioner=r[9],
            patient_id=r[10],
            patient_name=r[11],
            date_of_birth=r[12],
            phone=r[13],
            email=r[14],
        )
        for r in db.execute(sql, params + params)
    ]


def patients_affected(hits: list[RecallHit]) -> int:
    return len({h.patient_id for h in hits})


CSV_COLUMNS = [f.name for f in fields(RecallHit)]


def to_csv_text(hits: list[RecallHit]) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    for h in hits:
        row = [getattr(h, c) for c in CSV_COLUMNS]
        w.writerow(["" if v is None else (v.isoformat() if isinstance(v, datetime) else v)
                    for v in row])  # fmt: skip
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
