"""A cartridge label typed by hand from a box that will not scan: GTIN, lot, expiry, serial.

Checked as a scan of the same label would be (``labels.py``), so a typed cartridge is stored,
and found again by the single-use check, exactly as its scan would be.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from console.errors import DomainError
from console.labels.dates import BadDate, checked_date
from console.labels.udi import CSET82, Label, gs1_date, gtin_check_digit_ok

_EXPIRY_FORMS = (
    # (pattern, order of year/month/day groups); a missing day means the month's last day
    (re.compile(r"(\d{4})-(\d{1,2})"), "ym"),
    (re.compile(r"(\d{1,2})/(\d{4})"), "my"),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), "ymd"),
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), "dmy"),
)
EXPIRY_HELP = (
    "Type the expiry as printed on the box, e.g. 2027-03-31, 31.03.2027, 2027-03 or 03/2027."
)


def manual_label(
    gtin_text: str,
    lot_text: str,
    expiry_text: str,
    *,
    today: date | None = None,
    serial_text: str = "",
) -> Label:
    """A label typed from a box that will not scan. GTIN and serial optional; lot and expiry
    required. Lot and serial are checked as GS1 reads them, so a typed cartridge is stored
    (and found again for the single-use check) exactly as its scan would be.

    A GTIN-8, -12 or -13 is padded with zeros to the 14 digits a UDI label carries (the check
    digit does not change), so one product is stored one way whichever form was typed.
    """
    today = today or datetime.now(UTC).date()
    digits = re.sub(r"[\s-]", "", gtin_text or "")
    gtin = None
    if digits:
        if not (digits.isascii() and digits.isdigit() and len(digits) in (8, 12, 13, 14)):
            raise DomainError(
                "A GTIN has 14 digits (printed after (01) on the label); leave it empty if the "
                "box has none.",
                field="gtin",
            )
        if not gtin_check_digit_ok(digits):
            raise DomainError(
                "This GTIN's last digit (the check digit) does not match: check for a typing "
                "mistake.",
                field="gtin",
            )
        gtin = digits.zfill(14)
    lot = (lot_text or "").strip()
    if not lot:
        raise DomainError("Type the lot number (printed after LOT or (10) on the box).", "lot")
    if len(lot) > 20:
        raise DomainError("A lot number has at most 20 characters.", field="lot")
    if not CSET82.fullmatch(lot):
        raise DomainError(
            "A lot number uses letters, digits and punctuation, with no spaces or accents: "
            "type it as printed after LOT or (10).",
            field="lot",
        )
    serial = (serial_text or "").strip() or None
    if serial is not None and not CSET82.fullmatch(serial):
        raise DomainError(
            "A serial number has at most 20 letters, digits or punctuation, with no spaces or "
            "accents: type it as printed after SN or (21).",
            field="serial",
        )
    return Label(gtin, lot, parse_expiry_text(expiry_text, today=today), serial, "manual")


def parse_expiry_text(text: str, *, today: date) -> date:
    """An expiry typed by hand: 2027-03, 03/2027, 2027-03-31, 31.03.2027 or YYMMDD (GS1)."""
    s = (text or "").strip()
    if not s:
        raise DomainError(EXPIRY_HELP, field="expiry")
    try:
        if len(s) == 6 and s.isascii() and s.isdigit():
            return gs1_date(s, today)
        for pattern, order in _EXPIRY_FORMS:
            match = pattern.fullmatch(s)
            if match is None or not s.isascii():
                continue
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            year, month = parts["y"], parts["m"]
            if not 2000 <= year <= 2199:
                break
            return checked_date(s, year, month, parts.get("d"))
    except BadDate as exc:
        raise DomainError(
            f"{s} is not a real date: {exc.problem}. {EXPIRY_HELP}", field="expiry"
        ) from exc
    except ValueError as exc:
        raise DomainError(f"{s} is not a real date. {EXPIRY_HELP}", field="expiry") from exc
    raise DomainError(EXPIRY_HELP, field="expiry")
