"""Cartridge labels: a scanned or typed UDI label (GS1 or HIBC) read into GTIN, lot, expiry, serial.

Any text gives a ``Label`` or a ``LabelError`` with a message for the practitioner, never a
misread lot: a keyboard-wedge scanner that drops the GS1 field separator is detected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from biip import ParseConfig
from biip.gs1_element_strings import GS1ElementString
from biip.gs1_messages import GS1Message

from console.errors import DomainError
from console.labels.dates import BadDate, checked_date
from console.labels.hibc import HibcError, parse_hibc_scan, two_digit_year

GS = "\x1d"
MAX_INPUT = 1000

_CONFIG = ParseConfig(separator_chars=(GS,))

# How scanners and people write the group separator when the real character cannot be typed:
# "<GS>" (many scanner configuration tools), "^]" (a terminal echoing Ctrl-]), "␝" (U+241D, the
# control picture) and a literal backslash escape. None of "^", "]", "\\", "␝" is in the GS1
# character set 82 a lot or serial may use; "<GS>" could in theory be part of a lot, but a lot
# spelled "<GS>" is far less likely than a scanner configured to type it.
_GS_SPELLINGS = re.compile(r"<GS>|\^\]|\u241d|\\x1[dD]", re.IGNORECASE)

# AIM symbology identifiers (ISO/IEC 15424) whose content is GS1 element strings, and those that
# carry a bare EAN/UPC product number. Others (]d1, ]C0, ]A0, ]Q1 …) are read by their content.
_GS1_SYMBOLOGIES = {"d2", "C1", "Q3", "e0", "J1"}
_EAN_SYMBOLOGIES = {"E0", "E1", "E2", "E3", "E4", "X0"}

UNREADABLE = (
    "This barcode could not be read as a cartridge label (GS1 or HIBC). "
    "Rescan it, or type the label by hand."
)
EMPTY = "Scan the cartridge box's label, or type it by hand."
TOO_LONG = "This is far too long for a cartridge label: scan the box's label again."
CONTROL = (
    "The scan contains control characters a label does not have: check the scanner's "
    "settings, or type the label by hand."
)
FOREIGN = (
    "The scan contains characters that are not on a label: check that the scanner uses the "
    "same keyboard layout as this computer, or type the label by hand."
)
NO_LOT = (
    "This barcode has no lot number: scan the box's UDI label (the DataMatrix) or type the lot."
)
BAD_GTIN = (
    "The product number (GTIN) on this label fails its check digit: the scan is garbled. "
    "Rescan it, or type the label by hand."
)
TYPED_FORM = (
    "This typed label could not be read: type it as printed, e.g. "
    "(01)09501101020917(17)270331(10)AB12(21)0042."
)
# What each field is called in a message, so a refusal names the field at fault.
_FIELD_NAMES = {
    "01": "product number (GTIN)",
    "10": "lot number",
    "11": "production date",
    "17": "expiry date",
    "21": "serial number",
}
_DATE_AIS = ("11", "17")


class LabelError(DomainError):
    """A label that cannot be read safely; shown next to the label field."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="label")


@dataclass(frozen=True)
class Label:
    gtin: str | None
    lot: str | None
    expiry: date | None
    serial: str | None
    source: str  # "gs1", "hibc" or "manual"
    product_code: str | None = None  # HIBC labeler + product code + unit, when source == "hibc"


def dropped_separator(field_ai: str, swallowed: tuple[str, ...] = ()) -> LabelError:
    """The field ``field_ai`` ran into the next; ``swallowed`` names what it seems to hold."""
    name = _FIELD_NAMES.get(field_ai, "a variable-length field")
    if not swallowed:
        swallowed = ("10",) if field_ai == "21" else ("21",)
    others = " and the ".join(_FIELD_NAMES.get(ai, f"field ({ai})") for ai in swallowed)
    return LabelError(
        f"The scanner dropped a field separator: the {name} may contain the {others}. "
        "Rescan with the scanner in GS1 mode or type the label by hand."
    )


def _bad_date(ai: str, yymmdd: str, today: date) -> LabelError | None:
    """A refusal naming the date field and its fault ("month 13"), or None if it is a date."""
    try:
        gs1_date(yymmdd, today)
    except BadDate as exc:
        name = _FIELD_NAMES.get(ai, "date")
        return LabelError(f"The {name} on this label, {yymmdd}, is not a real date: {exc.problem}.")
    except ValueError:
        return LabelError(f"The {_FIELD_NAMES.get(ai, 'date')} on this label must be 6 digits.")
    return None


def parse_label(text: str, *, today: date | None = None) -> Label:
    """Read a scan or a typed printed form; raise ``LabelError`` if it cannot be read safely.

    ``today`` places two-digit years (GS1's sliding century window); it defaults to today (UTC).
    """
    today = today or datetime.now(UTC).date()
    if not isinstance(text, str):
        raise LabelError(UNREADABLE)
    if len(text) > MAX_INPUT:
        raise LabelError(TOO_LONG)
    # Whitespace around a scan (Enter, Tab, a space the wedge or a person added) is not part of
    # the label. One exception: a space can be an HIBC check character, so whether the scan had
    # a space right after its last visible character is remembered for the HIBC reader.
    # str.strip() also removes GS (Python counts it as whitespace): a GS at either end is an
    # FNC1 that separates nothing.
    spelled = _GS_SPELLINGS.sub(GS, text)
    data = spelled.strip()
    if not data.strip(GS):
        raise LabelError(EMPTY)
    lead = len(spelled) - len(spelled.lstrip())
    trailing_space = spelled[lead + len(data) :].startswith(" ")
    if not data.isascii():
        raise LabelError(FOREIGN)

    symbology = None
    if data.startswith("]"):
        match = re.match(r"\]([A-Za-z][0-9A-Za-z])", data)
        if match is None:
            raise LabelError(UNREADABLE)
        symbology = match.group(1)
        # Some scanners also send the leading FNC1 as a GS: it separates nothing.
        data = data[3:].strip()
        if not data:
            raise LabelError(EMPTY)
    if symbology not in _GS1_SYMBOLOGIES and data.lstrip("*").startswith("+"):
        return _from_hibc(data, trailing_space, today)
    if any((ord(c) < 32 or ord(c) == 127) and c != GS for c in data):
        raise LabelError(CONTROL)
    if symbology in _GS1_SYMBOLOGIES:
        pass  # GS1 by its symbology: even all digits are element strings, never a bare GTIN
    elif _reads_as_gs1_with_lot(data, today):
        pass  # e.g. "17270331101234": expiry and lot without a GTIN, not a product number
    elif _is_bare_gtin(data):
        raise LabelError(NO_LOT)
    if symbology in _EAN_SYMBOLOGIES:
        raise LabelError(UNREADABLE)
    if data.startswith("("):
        return _from_elements(_read_typed(data, today), today)
    return _from_elements(_read_scanned(data, today), today)


def _from_hibc(data: str, trailing_space: bool, today: date) -> Label:
    try:
        hibc = parse_hibc_scan(data, today=today, trailing_space=trailing_space)
    except HibcError as exc:
        raise LabelError(f"{exc} Rescan it, or type the label by hand.") from exc
    if not hibc.lot:
        raise LabelError(NO_LOT)
    return Label(None, hibc.lot, hibc.expiry, hibc.serial, "hibc", hibc.product)


def _reads_as_gs1_with_lot(data: str, today: date) -> bool:
    """All digits that read completely as GS1 element strings including a lot."""
    if not data.isdigit():
        return False
    try:
        elements = _read_scanned(data, today)
    except LabelError:
        return False
    return any(e.ai.ai == "10" for e in elements)


def _is_bare_gtin(data: str) -> bool:
    """An EAN/UPC product number alone (8, 12, 13 or 14 digits); True if its check digit holds."""
    if not (data.isdigit() and len(data) in (8, 12, 13, 14)):
        return False
    if gtin_check_digit_ok(data):
        return True
    if len(data) == 14:
        return False  # 14 digits may still be GS1 element strings, e.g. (17)…(10)…
    raise LabelError(BAD_GTIN)


_TYPED_FIELD = re.compile(r"\((\d{2,4})\)([^(]*)")


def _read_typed(data: str, today: date) -> list[GS1ElementString]:
    """The printed form "(01)…(17)…(10)…": the brackets delimit every field, nothing to guess.

    biip drops a space inside a value ("(10)AB 12" reads as lot AB12); GS1 character set 82
    has no space, so a lot or serial typed with one is refused, not silently changed. Spaces
    around a value only separate fields. Dates are checked first so the refusal names them.
    """
    for ai, raw_value in _TYPED_FIELD.findall(data.replace(GS, "")):
        value = raw_value.strip()
        name = _FIELD_NAMES.get(ai, f"field ({ai})")
        if ai in ("10", "21") and re.search(r"\s", value):
            raise LabelError(
                f"The {name} “{value}” contains a space, and a GS1 {name} cannot hold one: "
                "type it without the space (a gap on the print is not part of it)."
            )
        if ai in _DATE_AIS and (problem := _bad_date(ai, value, today)) is not None:
            raise problem
    try:
        message = GS1Message.parse_hri(data.replace(GS, ""), config=_CONFIG)
    except Exception as exc:  # biip raises ParseError, and IndexError/ValueError on odd input
        raise LabelError(TYPED_FORM) from exc
    return list(message.element_strings)


def _read_scanned(data: str, today: date) -> list[GS1ElementString]:
    """Element strings in a row, variable-length ones ended by GS (or by the end of the scan).

    A person typing the plain form may put spaces between fields; no GS1 field can hold a
    space (character set 82 has none), so a run of spaces is read as a separator.
    """
    data = re.sub(r"\s+", GS, data)
    had_separator = GS in data
    elements: list[GS1ElementString] = []
    rest = data
    ended_by_gs = True
    while rest:
        previous = elements[-1] if elements else None
        unterminated = previous is not None and previous.ai.separator_required and not ended_by_gs
        try:
            element = GS1ElementString.extract(rest, config=_CONFIG)
        except Exception as exc:  # ParseError, and IndexError/ValueError on odd input
            if unterminated and previous is not None:
                raise dropped_separator(previous.ai.ai) from exc
            if rest[:2] in _DATE_AIS and (problem := _bad_date(rest[:2], rest[2:8], today)):
                raise problem from exc
            raise LabelError(UNREADABLE) from exc
        if unterminated and previous is not None:
            # A variable-length field followed by another without a GS: the scanner dropped it.
            raise dropped_separator(previous.ai.ai)
        elements.append(element)
        rest = rest[len(element) :]
        ended_by_gs = rest.startswith(GS)
        rest = rest.lstrip(GS)
    if not had_separator and elements:
        last = elements[-1]
        seen = {e.ai.ai for e in elements}
        hidden = _hidden_fields(last.value, seen) if last.ai.separator_required else None
        if hidden:
            raise dropped_separator(last.ai.ai, hidden)
    return elements


# The swallowed-field heuristic. A scan with no GS at all, whose last field is variable-length
# (lot 10, serial 21), is ambiguous: "10AB12210042" is lot "AB12210042", or lot "AB12" plus
# serial "0042" whose separator the scanner dropped. We refuse it when some tail of that field
# reads completely as fields a cartridge label carries (01 GTIN with a valid check digit,
# 10 lot, 11 production date, 17 expiry with a real date, 21 serial) that the label does not
# already have. So a lot with "17" + a non-date ("LOT1799999"), a lot starting with "21"
# ("2112A", nothing before it), or a lot on a label that already has a serial elsewhere passes,
# while "AB12" + "21" + "0042" is refused. A legitimate lot such as "L2103" with no serial on
# the label is refused too (it really is ambiguous); scanning with GS1 mode on does not help
# there, typing the label by hand does. A scan that contains any GS comes from a scanner that
# transmits them, so it is trusted.
_SUSPECT_AIS = frozenset({"01", "10", "11", "17", "21"})


def _hidden_fields(value: str, seen: set[str]) -> tuple[str, ...] | None:
    """The fields (AIs) some tail of ``value`` reads as, so the message can name them.

    A serial (21) or lot (10) reads from almost anything, so a reading that holds a field
    with its own check (a GTIN's check digit, a real date) is the likelier one to name.
    """
    readings = [r for k in range(1, len(value)) if (r := _reads_as_fields(value[k:], seen))]
    checked = [r for r in readings if {"01", "11", "17"} & set(r)]
    best = checked or readings
    return best[0] if best else None


def _reads_as_fields(tail: str, seen: set[str]) -> tuple[str, ...] | None:
    if not tail:
        return ()
    if tail[:2] not in _SUSPECT_AIS or tail[:2] in seen:
        return None
    try:
        element = GS1ElementString.extract(tail, config=_CONFIG)
    except Exception:  # not a valid field: this split hides nothing
        return None
    if element.ai.ai == "01" and element.gtin is None:
        return None
    rest = _reads_as_fields(tail[len(element) :], seen | {element.ai.ai})
    return None if rest is None else (element.ai.ai, *rest)


def _from_elements(elements: list[GS1ElementString], today: date) -> Label:
    values: dict[str, GS1ElementString] = {}
    for element in elements:
        ai = element.ai.ai
        if ai in values and values[ai].value != element.value:
            raise LabelError(UNREADABLE)  # two different lots (or GTINs …) on one label
        values[ai] = element
    gtin = values.get("01")
    if gtin is not None and gtin.gtin is None:
        raise LabelError(BAD_GTIN)
    expiry = None
    if "17" in values:
        problem = _bad_date("17", values["17"].value, today)
        if problem is not None:
            raise problem
        expiry = gs1_date(values["17"].value, today)
    lot = values["10"].value if "10" in values else None
    if not lot:
        raise LabelError(NO_LOT)
    return Label(
        gtin=gtin.value if gtin is not None else None,
        lot=lot,
        expiry=expiry,
        serial=values["21"].value if "21" in values else None,
        source="gs1",
    )


def gs1_date(yymmdd: str, today: date) -> date:
    """A GS1 date; day 00 is the month's last day. Raises ValueError (BadDate with the reason
    when the digits are there) if it is not a date."""
    if len(yymmdd) != 6 or not (yymmdd.isascii() and yymmdd.isdigit()):
        raise ValueError(yymmdd)
    year = two_digit_year(int(yymmdd[:2]), today)
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    return checked_date(yymmdd, year, month, day or None)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_day(d: date) -> str:
    """ "31 Mar 2026": English month names whatever the process locale (Qt sets it)."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def check_not_expired(label: Label, today: date) -> None:
    """Refuse an expired cartridge; the expiry day itself is still usable."""
    if label.expiry is None:
        raise DomainError(
            "This label has no expiry date: type the expiry printed on the box.", field="expiry"
        )
    if label.expiry < today:
        raise DomainError(
            f"This cartridge expired on {format_day(label.expiry)}. Use another one.",
            field="expiry",
        )


# GS1 character set 82: what a lot or serial may contain (no space, no accents).
CSET82 = re.compile(r"[!-\"%-?A-Z_a-z]{1,20}")


def gtin_check_digit_ok(digits: str) -> bool:
    """GS1 mod-10: weights 3,1,3… from the right, not counting the check digit."""
    if not (digits.isascii() and digits.isdigit()) or len(digits) < 2:
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


__all__ = [
    "GS",
    "Label",
    "LabelError",
    "check_not_expired",
    "format_day",
    "gs1_date",
    "gtin_check_digit_ok",
    "parse_label",
]
