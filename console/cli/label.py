"""`label`: show what a scanned or typed cartridge label reads as, to test a clinic's scanner."""

from __future__ import annotations

import argparse
import json
import sys

from console.cli._common import fail
from console.labels.udi import LabelError, parse_label

NAME = "label"
HELP = "read a cartridge label (GS1 or HIBC) and print its GTIN, lot, expiry and serial"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        metavar="TEXT",
        help="the label as scanned or typed, e.g. '(01)09501101020917(17)270331(10)AB12'; "
        "'-' reads one line from standard input (scan into the terminal)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _read_line() -> str:
    # Bytes, not text: a scan may hold a GS or odd bytes, and the parser decides what is wrong.
    raw = sys.stdin.buffer.readline(4096)
    return raw.decode("utf-8", errors="replace").rstrip("\r\n")


def run(args: argparse.Namespace) -> int:
    text = _read_line() if args.text == "-" else args.text
    try:
        label = parse_label(text)
    except LabelError as exc:
        return fail(exc.message)
    fields = {
        "gtin": label.gtin,
        "lot": label.lot,
        "expiry": label.expiry.isoformat() if label.expiry else None,
        "serial": label.serial,
        "source": label.source,
    }
    if args.json:
        print(json.dumps(fields))
        return 0
    rows = [
        ("Format", {"gs1": "GS1", "hibc": "HIBC"}.get(label.source, label.source)),
        ("GTIN", label.gtin),
        ("Product", label.product_code) if label.product_code else None,
        ("Lot", label.lot),
        ("Expiry", fields["expiry"]),
        ("Serial", label.serial),
    ]
    for row in rows:
        if row is not None:
            print(f"{row[0]:<8} {row[1] if row[1] is not None else '-'}")
    return 0
