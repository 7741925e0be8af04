"""HIBC (Health Industry Bar Code) labels: the product code, lot, expiry and serial they carry.

biip 5 no longer reads HIBC, so this follows the HIBC LIC standard (ANSI/HIBC 2.x) directly.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from console.labels.dates import BadDate, checked_date

# Every HIBC character has a value (its index here); the check character is the sum mod 43.
CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%"
_VALUE = {c: i for i, c in enumerate(CHARSET)}

# Labeler code (4, letter first), product code (1–18), unit of measure (1 digit).
_PRIMARY = re.compile(r"[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9]")
_LOT_OR_SERIAL = re.compile(r"[A-Z0-9\-.]{1,18}")


class HibcError(ValueError):
    """The text is not a readable HIBC label; the message is for the practitioner."""


@dataclass(frozen=True)
class HibcData:
    product: str | None = None
    lot: str | None = None
    expiry: date | None = None
    serial: str | None = None


def check_character(data: str) -> str:
    """The mod-43 check character over ``data`` (leading "+" included)."""
    return CHARSET[sum(_VALUE[c] for c in data) % 43]


def parse_hibc(text: str, *, today: date) -> HibcData:
    """Read ``+…`` HIBC data: primary alone, secondary alone, or both joined by "/"."""
    s = text
    if len(s) >= 2 and s.startswith("*") and s.endswith("*"):  # Code 39 start/stop as printed
        s = s[1:-1]
    # HIBC has no lower case: a scanner with Caps Lock on inverts every letter, nothing else.
    s = s.upper()
    if not s.startswith("+") or len(s) < 4:
        raise HibcError("This HIBC label is too short to hold a product or a lot.")
    if any(c not in _VALUE for c in s):
        raise HibcError("This HIBC label contains characters HIBC does not use.")
    body, check = s[:-1], s[-1]
    if check_character(body) != check:
        raise HibcError("This HIBC label fails its check character: the scan is garbled.")
    content = body[1:]
    if content[:1].isalpha():  # primary data starts with the labeler code's letter
        primary, joined, secondary = content.partition("/")
        if not _PRIMARY.fullmatch(primary):
            raise HibcError("This HIBC product code is not in the HIBC format.")
        if not joined:
            return HibcData(product=primary)
        return replace(_secondary(secondary, today), product=primary)
    # Secondary data on its own ends with a link character (the primary's check character).
    return _secondary(content[:-1], today)


def parse_hibc_scan(text: str, *, today: date, trailing_space: bool = False) -> HibcData:
    """One scan: an HIBC label, or a primary and a secondary that the scanner sent as one string.

    A scanner set to join two barcodes sends "+A123…C" then "+$$…C" (Code 39 stars, a line
    break or spaces may sit between them). That reading is accepted only when each part passes
    its own check character and the secondary's link character is the primary's check
    character, which is how HIBC ties the two barcodes of one label together.
    ``trailing_space``: the scan had a space after ``text``, which may be its check character.
    """
    try:
        return _one(text, today, trailing_space)
    except HibcError as whole_error:
        for match in re.finditer(r"\s*\*?\+", text):
            if match.start() == 0:
                continue
            first, second = text[: match.start()], text[match.start() :].strip()
            try:
                primary = parse_hibc(first, today=today)
                secondary = _one(second, today, trailing_space)
            except HibcError:
                continue
            if primary.product is None or secondary.product is not None or primary.lot:
                continue
            check = first.strip("*").upper()[-1]
            link = second.strip("*").upper()[-2:-1]
            if link == check:
                return replace(secondary, product=primary.product)
        raise whole_error from None


def _one(text: str, today: date, trailing_space: bool) -> HibcData:
    try:
        return parse_hibc(text, today=today)
    except HibcError:
        if not trailing_space:
            raise
        return parse_hibc(text + " ", today=today)


def _secondary(s: str, today: date) -> HibcData:
    main, *supplements = s.split("/")
    expiry: date | None = None
    serial_mode = False
    if main.startswith("$$"):
        rest = main[2:]
        if rest.startswith("+"):
            serial_mode, rest = True, rest[1:]
        if rest[:1] == "8":  # quantity, 2 digits, then the date
            rest = _skip_digits(rest[1:], 2)
        elif rest[:1] == "9":  # quantity, 5 digits
            rest = _skip_digits(rest[1:], 5)
        expiry, value = _flagged_date(rest, today)
    elif main.startswith("$+"):
        serial_mode, value = True, main[2:]
    elif main.startswith("$"):
        value = main[1:]
    elif len(main) >= 5 and main[:5].isdigit():  # the oldest form: YYJJJ then the lot
        expiry, value = _julian(main[:5], today), main[5:]
    else:
        raise HibcError("This HIBC lot/expiry barcode is not in a format we know.")
    if value and not _LOT_OR_SERIAL.fullmatch(value):
        raise HibcError("This HIBC lot or serial number is not in the HIBC format.")
    data = HibcData(
        lot=None if serial_mode else value or None,
        serial=value or None if serial_mode else None,
        expiry=expiry,
    )
    for extra in supplements:
        # Supplemental fields: S = serial, 14D = expiry YYYYMMDD; others (16D made on,
        # quantities) say nothing about lot or expiry and are left out.
        if extra.startswith("S") and _LOT_OR_SERIAL.fullmatch(extra[1:]):
            data = replace(data, serial=extra[1:])
        elif extra.startswith("14D"):
            data = replace(data, expiry=_yyyymmdd(extra[3:]))
    return data


def _skip_digits(s: str, n: int) -> str:
    if len(s) < n or not s[:n].isdigit():
        raise HibcError("This HIBC quantity field is malformed.")
    return s[n:]


def _flagged_date(s: str, today: date) -> tuple[date | None, str]:
    """After "$$": MMYY directly, or a flag digit saying which date format follows."""
    flag = s[:1]
    if not s:  # "$$" + quantity and nothing else: no date, no lot
        return None, ""
    # flag -> (characters taken including the flag, digits that hold the date)
    widths = {"2": 7, "3": 7, "4": 9, "5": 6, "6": 8}
    try:
        if flag in ("0", "1"):
            # MMYY, a month with no day: read as the month's last day, as GS1 reads day 00.
            # Source: ANSI/HIBC 2.6-2016, "The Health Industry Supplier Labeling Standard",
            # secondary data structure: after "$$" a first digit 0 or 1 starts an MMYY
            # expiration date (flag digits 2-7 select MMDDYY, YYMMDD, YYMMDDHH, YYJJJ,
            # YYJJJHH, none). The standard's own sentence on which day of the month an MMYY
            # date means could not be retrieved while writing this (only the format table
            # was); public parsers disagree (one takes the 1st), so the rule is pinned by
            # tests/domain/test_labels.py::test_hibc_month_only_expiry_is_the_months_last_day
            # and must be checked against the standard's text before it is relied on.
            _require_digits(s[:4], 4)
            month, year = int(s[0:2]), two_digit_year(int(s[2:4]), today)
            return checked_date(s[:4], year, month, None), s[4:]
        if flag in widths:
            n = widths[flag]
            digits = s[1:n]
            _require_digits(digits, n - 1)
            if flag == "2":  # MMDDYY
                year = two_digit_year(int(digits[4:6]), today)
                d = checked_date(digits, year, int(digits[:2]), int(digits[2:4]))
            elif flag in ("3", "4"):  # YYMMDD, YYMMDDHH (the hour does not matter for a day)
                year = two_digit_year(int(digits[:2]), today)
                d = checked_date(digits, year, int(digits[2:4]), int(digits[4:6]))
            else:  # YYJJJ, YYJJJHH
                d = _julian(digits[:5], today)
            return d, s[n:]
        if flag == "7":  # no date
            return None, s[1:]
    except BadDate as exc:
        raise HibcError(
            f"The expiry date on this HIBC label, {exc.text}, is not a real date: {exc.problem}."
        ) from exc
    except ValueError as exc:
        raise HibcError("The expiry date on this HIBC label is not a real date.") from exc
    raise HibcError("This HIBC lot/expiry barcode is not in a format we know.")


def _require_digits(s: str, n: int) -> None:
    if len(s) != n or not (s.isdigit() and s.isascii()):
        raise ValueError(s)


def _julian(yyjjj: str, today: date) -> date:
    try:
        _require_digits(yyjjj, 5)
        year = two_digit_year(int(yyjjj[:2]), today)
        day = int(yyjjj[2:5])
        if not 1 <= day <= (366 if calendar.isleap(year) else 365):
            raise ValueError(yyjjj)
    except ValueError as exc:
        raise HibcError("The expiry date on this HIBC label is not a real date.") from exc
    return date(year, 1, 1) + timedelta(days=day - 1)


def _yyyymmdd(s: str) -> date:
    try:
        _require_digits(s, 8)
        return checked_date(s, int(s[:4]), int(s[4:6]), int(s[6:8]))
    except BadDate as exc:
        raise HibcError(
            f"The expiry date on this HIBC label, {s}, is not a real date: {exc.problem}."
        ) from exc
    except ValueError as exc:
        raise HibcError("The expiry date on this HIBC label is not a real date.") from exc


def two_digit_year(yy: int, today: date) -> int:
    """GS1's sliding window (General Specifications 7.12): 49 years back to 50 ahead."""
    century = today.year - today.year % 100
    diff = yy - today.year % 100
    if 51 <= diff <= 99:
        return century - 100 + yy
    if -99 <= diff <= -50:
        return century + 100 + yy
    return century + yy
