"""`recall`: which visits and patients got a lot (cartridge, gel or numbing), with contacts."""

from __future__ import annotations

import argparse
from pathlib import Path

from console.cli import add_db_argument
from console.cli._common import context_for, fail
from console.errors import DomainError
from console.records import recall

NAME = "recall"
HELP = "list every visit and patient that used a lot (cartridge, gel or numbing cream)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--lot", required=True, help="the lot number, or a scanned label")
    parser.add_argument("--gtin", default="", help="narrow to this product (GTIN)")
    parser.add_argument("--csv", type=Path, help="write the list (with contacts) to this CSV")


def run(args: argparse.Namespace) -> int:
    ctx = context_for(args.db)
    try:
        query = recall.parse_query(args.lot, args.gtin)
    except DomainError as exc:
        return fail(exc.message)
    hits = recall.search(ctx, query)
    if args.csv:
        try:
            recall.export_csv(ctx, query, hits, args.csv)
        except DomainError as exc:
            return fail(exc.message)
    for h in hits:
        print(f"{h.visit_started_at:%Y-%m-%d}  {h.source:<9} {h.lot:<12} {h.patient_id}")
    print(
        f"{query.describe()}: {len({h.visit_id for h in hits})} visits, "
        f"{recall.patients_affected(hits)} patients"
    )
    return 0
