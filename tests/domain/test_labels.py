"""Cartridge label reading: GS1 scans and typed forms, HIBC, dropped separators, garbage."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.errors import DomainError
from console.labels.hibc import check_character
from console.labels.typed import manual_label
from console.labels.udi import Label, LabelError, check_not_expired, parse_label

TODAY = date(2026, 11, 24)
GS = "\x1d"
GTIN = "09501101020917"  # GS1's own example GTIN, valid check digit


def read(text: str) -> Label:
    return parse_label(text, today=TODAY)


def refusal(text: str) -> str:
    with pytest.raises(LabelError) as info:
        read(text)
    assert info.value.field == "label"
    return info.value.message


# -- GS1: what scanners and people actually send -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"]d201{GTIN}1727033110AB12{GS}210042",  # DataMatrix, GS after the lot
        f"]C101{GTIN}1727033110AB12{GS}210042",  # GS1-128
        f"]Q301{GTIN}1727033110AB12{GS}210042",  # GS1 QR
        f"01{GTIN}1727033110AB12{GS}210042",  # no symbology prefix
        f"]d2{GS}01{GTIN}1727033110AB12{GS}210042{GS}",  # FNC1 sent as GS at both ends
        f"01{GTIN}1727033110AB12<GS>210042",  # scanner tool's spelling of GS
        f"01{GTIN}1727033110AB12^]210042",  # a terminal echoing Ctrl-]
        f"01{GTIN}1727033110AB12\u241d210042",  # the GS control picture
        f"01{GTIN} 17270331 10AB12 210042",  # plain form typed with spaces between fields
        f"(01){GTIN}(17)270331(10)AB12(21)0042",  # printed form typed by hand
        f"(01) {GTIN} (17) 270331 (10) AB12 (21) 0042",  # … with spaces
        f"  (01){GTIN}(17)270331(10)AB12(21)0042\r\n",  # Enter from a keyboard wedge
        f"(01){GTIN}(17)270331(21)0042(10)AB12",  # serial before lot
    ],
)
def test_gs1_forms_read_the_same_label(text: str) -> None:
    assert read(text) == Label(GTIN, "AB12", date(2027, 3, 31), "0042", "gs1")


def test_conftest_scan_helper_reads() -> None:
    scan = f"]d201095011010209171728123110LOT42A{GS}210001"
    assert read(scan) == Label(GTIN, "LOT42A", date(2028, 12, 31), "0001", "gs1")


@pytest.mark.parametrize(
    ("yymmdd", "expected"),
    [
        ("270300", date(2027, 3, 31)),  # day 00 = the month's last day
        ("270200", date(2027, 2, 28)),
        ("280200", date(2028, 2, 29)),  # leap year
        ("271200", date(2027, 12, 31)),
        ("760101", date(2076, 1, 1)),  # GS1 window: up to 50 years ahead …
        ("770101", date(1977, 1, 1)),  # … beyond that, the past century
    ],
)
def test_expiry_dates(yymmdd: str, expected: date) -> None:
    assert read(f"(01){GTIN}(17){yymmdd}(10)A1").expiry == expected


def test_lot_without_expiry_is_read_and_has_no_expiry() -> None:
    label = read(f"01{GTIN}10A1")
    assert (label.lot, label.expiry, label.serial) == ("A1", None, None)


def test_invalid_dates_are_refused() -> None:
    refusal(f"(01){GTIN}(17)270230(10)A1")  # 30 February
    refusal(f"01{GTIN}1727130110A1")  # month 13


def test_gtin_check_digit_is_checked() -> None:
    bad = GTIN[:-1] + "8"
    assert "check digit" in refusal(f"]d201{bad}1727033110AB12")
    assert "check digit" in refusal("5901234123458")  # an EAN-13 with a wrong last digit


# -- a keyboard-wedge scanner that drops the group separator --------------------------------


def test_swallowed_serial_is_refused_not_misread() -> None:
    message = refusal(f"]d201{GTIN}1727033110AB12210042")
    assert message == (
        "The scanner dropped a field separator: the lot number may contain the serial number. "
        "Rescan with the scanner in GS1 mode or type the label by hand."
    )


def test_swallowed_expiry_and_serial_after_a_lot_first_label() -> None:
    message = refusal(f"01{GTIN}10AB1217270331210042")
    assert "the lot number may contain the expiry date and the serial number" in message


def test_an_expiry_swallowed_into_the_lot_is_named_as_the_expiry() -> None:
    # "AB1" + serial "7270331" would also read, but a real date is the likelier field.
    message = refusal(f"01{GTIN}10AB1217270331")
    assert "the lot number may contain the expiry date." in message
    assert "serial" not in message


def test_serial_that_swallowed_the_lot_is_refused() -> None:
    message = refusal(f"01{GTIN}1727033121004210AB12")
    assert "the serial number may contain the lot number" in message


def test_long_lot_and_serial_without_separator_are_refused() -> None:
    # The lot takes its 20 characters, the rest does not read as a field: still the same cause.
    assert "dropped a field separator" in refusal(f"01{GTIN}10ABCDEFGHIJKLMNOPQ21XYZ")
    assert "dropped a field separator" in refusal(f"01{GTIN}10LOT12345678901232112345")


@pytest.mark.parametrize(
    "lot",
    [
        "LOT1799999",  # "17" + six digits, but 99/99 is no date
        "2112A",  # starts with "21": nothing before it, so no lot was cut
        "A1727",  # "17" + too few digits for a date
        "X11ABC",  # "11" + letters
        "ABCDEF",
    ],
)
def test_legitimate_lots_scanned_without_separator_pass(lot: str) -> None:
    assert read(f"]d201{GTIN}1727033110{lot}").lot == lot


def test_lot_with_21_passes_when_the_label_already_has_a_serial() -> None:
    # The scanner sent a GS, so it transmits them: the lot ending the scan is whole.
    assert read(f"01{GTIN}1727033121S1{GS}10L2103").lot == "L2103"


def test_lot_with_17_and_a_date_passes_when_the_label_has_an_expiry() -> None:
    assert read(f"01{GTIN}1727033110A17280101").lot == "A17280101"


def test_ambiguous_lot_without_serial_is_refused_and_typed_form_resolves_it() -> None:
    # "L2103" might be lot "L" + serial "03": genuinely ambiguous without a separator.
    assert "dropped a field separator" in refusal(f"01{GTIN}1727033110L2103")
    assert read(f"(01){GTIN}(17)270331(10)L2103").lot == "L2103"


# -- HIBC ------------------------------------------------------------------------------------


def hibc(data: str) -> str:
    return data + check_character(data)


def test_hibc_examples_with_known_check_characters() -> None:
    # Check characters as printed in public HIBC test data.
    assert check_character("+E20831269/$$8020423286539") == "+"
    label = read("+E20831269/$$8020423286539+")
    assert label == Label(None, "286539", date(2023, 4, 30), None, "hibc", "E20831269")
    assert read("+E20831339/$$8020223283831T").expiry == date(2023, 2, 28)


@pytest.mark.parametrize(
    ("secondary", "expiry", "lot", "serial"),
    [
        ("$$3270331AB12", date(2027, 3, 31), "AB12", None),  # YYMMDD
        ("$$2033127AB12", date(2027, 3, 31), "AB12", None),  # MMDDYY
        ("$$0327AB12", date(2027, 3, 31), "AB12", None),  # MMYY: month's last day
        ("$$527090AB12", date(2027, 3, 31), "AB12", None),  # YYJJJ
        ("$$427033114AB12", date(2027, 3, 31), "AB12", None),  # YYMMDDHH
        ("27090AB12", date(2027, 3, 31), "AB12", None),  # legacy YYJJJ + lot
        ("$AB12", None, "AB12", None),
        ("$$+3270331S42", date(2027, 3, 31), None, "S42"),
        ("$$3270331AB12/S0042", date(2027, 3, 31), "AB12", "0042"),
        ("$AB12/14D20270331", date(2027, 3, 31), "AB12", None),
        ("$$8243270331AB12", date(2027, 3, 31), "AB12", None),  # quantity 24 first
    ],
)
def test_hibc_secondary_forms(
    secondary: str, expiry: date | None, lot: str | None, serial: str | None
) -> None:
    concatenated = hibc(f"+A123BJC5D6E71/{secondary}")
    if lot is None:
        assert "no lot number" in refusal(concatenated)
        return
    label = read(concatenated)
    assert (label.expiry, label.lot, label.serial, label.source) == (expiry, lot, serial, "hibc")
    assert label.product_code == "A123BJC5D6E71"
    # The same secondary as its own barcode: "+", data, link character, check character.
    alone = read(hibc(f"+{secondary}L"))
    assert (alone.expiry, alone.lot, alone.product_code) == (expiry, lot, None)


def test_hibc_printed_with_code39_stars_and_caps_lock() -> None:
    data = hibc("+A123BJC5D6E71/$$3270331AB12")
    assert read(f"*{data}*").lot == "AB12"
    assert read(data.lower()).lot == "AB12"


def test_hibc_refusals() -> None:
    assert "no lot number" in refusal(hibc("+A123BJC5D6E71"))  # product code only
    assert "check character" in refusal("+A123BJC5D6E71/$$3270331AB12Q")
    assert "not a real date" in refusal(hibc("+A123BJC5D6E71/$$3271331AB12"))
    assert "not in a format" in refusal(hibc("+A123BJC5D6E71/%AB12"))


# -- garbage ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\r\n",
        GS,
        "]",
        "]d",
        "]d2",
        "]d2   ",
        "hello",
        "0",
        "(",
        "()",
        "(01)",
        "+",
        "\x00\x01",
        "abc\tdef",
        "é",
        "ÿþ",
        "\ud800",
        "01" + "9" * 40,
        "]E0hello",
    ],
)
def test_garbage_gives_a_label_error(text: str) -> None:
    message = refusal(text)
    assert message and "\n" not in message


def test_biip_raises_indexerror_on_a_lone_bracket_but_we_do_not() -> None:
    from biip import parse

    with pytest.raises(IndexError):  # the known trap (product.md): if fixed, this test says so
        parse("]")
    assert "could not be read" in refusal("]")


def test_very_long_input_is_refused_fast() -> None:
    assert "too long" in refusal("01" * 100_000)


def test_product_code_alone_asks_for_the_udi_label() -> None:
    expected = (
        "This barcode has no lot number: scan the box's UDI label (the DataMatrix) or type the lot."
    )
    assert refusal("5901234123457") == expected  # EAN-13
    assert refusal("]E05901234123457") == expected
    assert refusal(f"]d201{GTIN}") == expected
    assert refusal(f"(01){GTIN}(17)270331(21)0042") == expected  # serial, no lot


# -- expiry ----------------------------------------------------------------------------------


def test_expired_cartridge_is_refused_on_the_day_after() -> None:
    label = read(f"(01){GTIN}(17)260300(10)A1")
    check_not_expired(label, date(2026, 3, 31))  # the expiry day itself is still usable
    with pytest.raises(DomainError) as info:
        check_not_expired(label, date(2026, 4, 1))
    assert info.value.field == "expiry"
    assert info.value.message == "This cartridge expired on 31 Mar 2026. Use another one."


def test_label_without_expiry_cannot_pass_the_expiry_check() -> None:
    with pytest.raises(DomainError) as info:
        check_not_expired(read(f"01{GTIN}10A1"), TODAY)
    assert info.value.field == "expiry"


# -- properties ------------------------------------------------------------------------------

CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"


def outcome(text: str) -> Label | None:
    """The label, or None for a LabelError; any other exception fails the test."""
    try:
        return read(text)
    except LabelError:
        return None


@given(st.text())
def test_any_text_gives_a_label_or_a_label_error(text: str) -> None:
    outcome(text)


@given(st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_any_bytes_give_a_label_or_a_label_error(text: str) -> None:
    outcome(text)


@given(st.text(alphabet=CSET82 + GS + "()+$/ ]", max_size=60))
def test_label_like_text_gives_a_label_or_a_label_error(text: str) -> None:
    outcome(text)


def gtins() -> st.SearchStrategy[str]:
    def with_check(body: str) -> str:
        total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
        return body + str((10 - total % 10) % 10)

    return st.text(alphabet="0123456789", min_size=13, max_size=13).map(with_check)


@st.composite
def labels(draw: st.DrawFn, alphabet: str = CSET82) -> tuple[dict[str, str], Label]:
    """Fields of a valid UDI label and the Label they must read as."""
    gtin = draw(gtins())
    day = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2070, 12, 31)))
    last_day = draw(st.booleans())  # written with day 00
    yymmdd = f"{day:%y%m}00" if last_day else f"{day:%y%m%d}"
    if last_day:
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    lot = draw(st.text(alphabet=alphabet, min_size=1, max_size=20))
    serial = draw(st.none() | st.text(alphabet=alphabet, min_size=1, max_size=20))
    fields = {"01": gtin, "17": yymmdd, "10": lot}
    if serial is not None:
        fields["21"] = serial
    return fields, Label(gtin, lot, day, serial, "gs1")


def scan(fields: dict[str, str], order: list[str], separator: str = GS) -> str:
    """As a scanner sends it: variable-length fields (10, 21) end with GS unless last."""
    parts = []
    for i, ai in enumerate(order):
        last = i == len(order) - 1
        parts.append(ai + fields[ai] + ("" if last or ai not in ("10", "21") else separator))
    return "".join(parts)


@given(labels(), st.sampled_from(["]d2", "]C1", "]Q3", ""]), st.randoms())
def test_scans_with_separators_round_trip(
    drawn: tuple[dict[str, str], Label], prefix: str, rnd: Random
) -> None:
    fields, expected = drawn
    if "21" not in fields:
        fields["21"] = "1"
        expected = replace(expected, serial="1")
    order = list(fields)
    rnd.shuffle(order)
    assert read(prefix + scan(fields, order)) == expected


@given(labels(alphabet=CSET82.replace("(", "")), st.randoms(), st.booleans())
def test_typed_printed_form_round_trips(
    drawn: tuple[dict[str, str], Label], rnd: Random, spaced: bool
) -> None:
    fields, expected = drawn
    order = list(fields)
    rnd.shuffle(order)
    joiner = " " if spaced else ""
    assert read(joiner.join(f"({ai}){fields[ai]}" for ai in order)) == expected


@given(labels(), st.randoms())
def test_a_dropped_separator_never_gives_a_wrong_label(
    drawn: tuple[dict[str, str], Label], rnd: Random
) -> None:
    # The safety property: a scanner that drops every GS yields the true label or a refusal.
    fields, expected = drawn
    order = list(fields)
    rnd.shuffle(order)
    got = outcome(scan(fields, order, separator=""))
    assert got is None or got == expected


@given(labels(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ"))
def test_letter_only_lot_last_without_separator_reads(
    drawn: tuple[dict[str, str], Label],
) -> None:
    fields, expected = drawn
    fields.pop("21", None)
    assert read(scan(fields, ["01", "17", "10"], separator="")) == replace(expected, serial=None)


# -- each refusal names its field and its fault (issue 11) ----------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (f"(01){GTIN}(17)271331(10)A1", "expiry date on this label, 271331, is not a real date"),
        (f"(01){GTIN}(17)271331(10)A1", "month 13"),
        (f"01{GTIN}1727130110A1", "271301, is not a real date: month 13"),
        (f"]d201{GTIN}1727023010A1", "day 30 in February, which has 28 days"),
        (f"(01){GTIN}(17)270431(10)A1", "day 31 in April, which has 30 days"),
        (f"(01){GTIN}(11)270229(17)280131(10)A1", "production date on this label, 270229"),
        (f"(01){GTIN}(11)270229(17)280131(10)A1", "day 29 in February 2027, not a leap year"),
    ],
)
def test_a_date_refusal_says_what_is_wrong_with_the_date(text: str, reason: str) -> None:
    assert reason in refusal(text)


def test_a_hibc_date_refusal_says_what_is_wrong() -> None:
    message = refusal(hibc("+A123BJC5D6E71/$$3271331AB12"))
    assert "271331, is not a real date: month 13" in message
    assert "month 13" in refusal(hibc("+A123BJC5D6E71/$$1327AB12"))  # MMYY


def test_a_typed_expiry_refusal_says_what_is_wrong() -> None:
    with pytest.raises(DomainError) as info:
        manual_label("", "AB12", "2027-13", today=TODAY)
    assert info.value.field == "expiry"
    assert "2027-13 is not a real date: month 13" in info.value.message
    with pytest.raises(DomainError) as info:
        manual_label("", "AB12", "31.04.2027", today=TODAY)
    assert "day 31 in April" in info.value.message


# -- GS1 and HIBC as people and scanners send them (issue 11) --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"(01){GTIN}(17)270331(10)AB 12(21)0042",
        f"(01){GTIN}(17)270331(10)AB12(21)00 42",
        f"(01) {GTIN} (17) 270331 (10) AB 12",
    ],
)
def test_a_space_inside_a_typed_lot_or_serial_is_refused_not_dropped(text: str) -> None:
    message = refusal(text)
    assert "contains a space" in message
    assert "cannot hold one" in message


def test_a_space_refusal_names_the_field() -> None:
    assert "The lot number “AB 12” contains a space" in refusal("(10)AB 12(17)270331")
    assert "The serial number “00 42”" in refusal("(10)AB12(17)270331(21)00 42")


@pytest.mark.parametrize(
    ("text", "lot"),
    [
        ("(17)270331(10)1234", "1234"),
        ("172703311012", "12"),  # 12 digits: not a UPC-A with a bad check digit
        ("1727033110123", "123"),  # 13 digits: not an EAN-13
        ("17270331101234", "1234"),
        ("]d2172703311012", "12"),  # the DataMatrix prefix says GS1 outright
        ("]d21727033110AB12", "AB12"),
        ("]d2(17)270331(10)1234", "1234"),
    ],
)
def test_gs1_without_a_gtin_is_read_as_gs1(text: str, lot: str) -> None:
    label = read(text)
    assert (label.gtin, label.lot, label.expiry, label.source) == (
        None,
        lot,
        date(2027, 3, 31),
        "gs1",
    )


def test_a_bare_product_number_still_asks_for_the_udi_label() -> None:
    assert "no lot number" in refusal("5901234123457")  # EAN-13, valid check digit
    assert "check digit" in refusal("5901234123458")


PRIMARY = hibc("+A99912345")
SECONDARY = hibc(f"+$$3271231LOT1{PRIMARY[-1]}")  # link character = the primary's check


@pytest.mark.parametrize(
    "text",
    [
        PRIMARY + SECONDARY,
        f"*{PRIMARY}**{SECONDARY}*",  # Code 39 as printed, stars kept
        f"{PRIMARY}\r\n{SECONDARY}",  # the scanner ends each barcode with Enter
        f"{PRIMARY}\t{SECONDARY}\n",
        f"{PRIMARY} {SECONDARY}",
    ],
)
def test_hibc_primary_and_secondary_joined_by_the_scanner_read_as_one(text: str) -> None:
    label = read(text)
    assert label == Label(None, "LOT1", date(2027, 12, 31), None, "hibc", "A99912345")


def test_joined_hibc_parts_must_each_check_and_link() -> None:
    unlinked = hibc("+$$3271231LOT1Z")  # link character is not the primary's check
    assert PRIMARY[-1] != "Z"
    assert "check character" in refusal(PRIMARY + unlinked)
    garbled = PRIMARY[:-1] + ("0" if PRIMARY[-1] != "0" else "1")
    assert "check character" in refusal(garbled + SECONDARY)


@pytest.mark.parametrize(
    "text",
    [
        f"  ]d201{GTIN}1727033110AB12{GS}210042\r\n  ",
        f"\t(01){GTIN}(17)270331(10)AB12(21)0042 \n ",
        f"\n\n01{GTIN}1727033110AB12{GS}210042\t\t",
        f"\u00a0(01){GTIN}(17)270331(10)AB12(21)0042\u00a0",
    ],
)
def test_whitespace_around_a_scan_is_trimmed(text: str) -> None:
    assert read(text) == Label(GTIN, "AB12", date(2027, 3, 31), "0042", "gs1")


def test_a_space_check_character_survives_trimming() -> None:
    lots = (f"L{a}{b}" for a in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "0123456789")
    body = next(
        f"+A123BJC5D6E71/$$3270331{lot}"
        for lot in lots
        if check_character(f"+A123BJC5D6E71/$$3270331{lot}") == " "
    )
    assert read(f"{body} \r\n").lot.startswith("L")  # type: ignore[union-attr]
    assert read(f" {body} ").lot.startswith("L")  # type: ignore[union-attr]


def test_a_control_character_inside_a_gs1_scan_is_still_refused() -> None:
    assert "control characters" in refusal(f"01{GTIN}17270331\r10AB12")


def test_hibc_month_only_expiry_is_the_months_last_day() -> None:
    """ANSI/HIBC 2.6-2016 (secondary data structure) lists MMYY, first digit 0 or 1 after
    "$$", among the expiration date formats. The console reads it as the month's last day,
    as GS1 reads day 00; the comment in console/labels/hibc.py says what of the standard's text was
    found and what still needs checking. Leap years and 30-day months included."""
    assert read(hibc("+A123BJC5D6E71/$$0227AB12")).expiry == date(2027, 2, 28)
    assert read(hibc("+A123BJC5D6E71/$$0228AB12")).expiry == date(2028, 2, 29)
    assert read(hibc("+A123BJC5D6E71/$$1227AB12")).expiry == date(2027, 12, 31)
    assert read(hibc("+A123BJC5D6E71/$$0427AB12")).expiry == date(2027, 4, 30)
