"""Safe depth entry: hard limits of the device, confirmations for the unusual, tenfold slips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.errors import DomainError
from console.model.protocol import Device, Zone, default_body, from_body
from console.protocol.depth import DepthCheck, check_depth, format_mm, parse_depth

PROTOCOL = from_body(1, default_body())
SKINPEN = PROTOCOL.device("skinpen-precision")
DERMAPEN = PROTOCOL.device("dermapen-4")
GENERIC = PROTOCOL.device("generic-pen")
FOREHEAD = PROTOCOL.zone("forehead")
CHEEKS = PROTOCOL.zone("cheeks")
EYELIDS = Zone("eyelids", "Eyelids", "face", {"general": (Decimal("0.25"), Decimal("0.25"))})
D = Decimal


def refusal(text: str, device: Device = SKINPEN, zone: Zone = FOREHEAD, concern: str = "") -> str:
    with pytest.raises(DomainError) as info:
        check_depth(text, device=device, zone=zone, concern=concern or "general")
    assert info.value.field == "depth"
    return info.value.message


# -- typing a number -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,5", "1.5"),
        ("1.5", "1.5"),
        (" 0.75 ", "0.75"),
        ("1.5 mm", "1.5"),
        ("1.5mm", "1.5"),
        ("0,25 MM", "0.25"),
        ("2", "2"),
        (".5", "0.5"),
        ("0.50", "0.5"),
    ],
)
def test_parse_depth_accepts(text: str, expected: str) -> None:
    assert parse_depth(text) == D(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Type the depth in mm."),
        ("   ", "Type the depth in mm."),
        ("abc", "Type the depth as a number of mm, e.g. 0.5 or 1,25."),
        ("NaN", "Type the depth as a number of mm, e.g. 0.5 or 1,25."),
        ("inf", "Type the depth as a number of mm, e.g. 0.5 or 1,25."),
        ("1e3", "Type the depth as a number of mm, e.g. 0.5 or 1,25."),
        ("mm", "Type the depth as a number of mm, e.g. 0.5 or 1,25."),
        ("١٫٥", "Type the depth as a number of mm, e.g. 0.5 or 1,25."),  # Arabic-Indic digits
        ("1 000", "Type the depth as a number of mm, e.g. 0.5 or 1,25."),
        ("1.2.3", "1.2.3 has more than one decimal separator: type one depth in mm, e.g. 1.5."),
        ("1,5,2", "1,5,2 has more than one decimal separator: type one depth in mm, e.g. 1.5."),
        ("1,000.5", "1,000.5 has more than one decimal separator: type one depth in mm, e.g. 1.5."),
        ("1.000", "Depths have at most two decimals (e.g. 0.25 mm): check the value."),
        ("0.125", "Depths have at most two decimals (e.g. 0.25 mm): check the value."),
        ("-1", "A depth cannot be negative: type it in mm, e.g. 0.5."),
        ("−0.5", "A depth cannot be negative: type it in mm, e.g. 0.5."),
        ("1.", "Type the digits after the decimal point, e.g. 1.5 mm."),
    ],
)
def test_parse_depth_refuses_with_a_message(text: str, message: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_depth(text)
    assert (info.value.message, info.value.field) == (message, "depth")


# -- hard blocks -----------------------------------------------------------------------------


def test_device_maximum_is_a_hard_block() -> None:
    assert refusal("2.75") == "2.75 mm is above the SkinPen Precision's maximum of 2.5 mm."
    assert refusal("3.1", DERMAPEN) == "3.1 mm is above the Dermapen 4's maximum of 3 mm."


def test_zero_and_below_minimum_are_blocked() -> None:
    assert refusal("0") == "0 mm is not a treatment depth: type at least 0.25 mm."
    assert refusal("0,00") == "0 mm is not a treatment depth: type at least 0.25 mm."
    assert refusal("0.1", DERMAPEN) == "0.1 mm is below the Dermapen 4's minimum of 0.2 mm."


def test_depth_must_be_a_setting_of_the_device() -> None:
    assert refusal("0.6") == (
        "SkinPen Precision moves in 0.25 mm steps: 0.6 mm is not a setting. "
        "Nearest: 0.5 or 0.75 mm."
    )
    assert refusal("0.27", GENERIC) == (
        "Generic microneedling pen moves in 0.05 mm steps: 0.27 mm is not a setting. "
        "Nearest: 0.25 or 0.3 mm."
    )
    assert check_depth("0.3", device=DERMAPEN, zone=FOREHEAD, concern="general").depth_mm == D(
        "0.3"
    )


def test_zone_excluded_by_the_device_is_blocked_whatever_the_depth() -> None:
    assert (
        refusal("0.25", zone=EYELIDS) == "The SkinPen Precision must never be used on the eyelids."
    )
    assert refusal("", zone=EYELIDS).startswith("The SkinPen Precision must never")


# -- confirmations ---------------------------------------------------------------------------


def test_typical_depth_needs_no_confirmation() -> None:
    check = check_depth("0,75", device=SKINPEN, zone=CHEEKS, concern="general")
    assert check == DepthCheck(D("0.75"), False, (), None)


def test_outside_typical_range_needs_confirmation_with_the_range_named() -> None:
    check = check_depth("1.25", device=SKINPEN, zone=CHEEKS, concern="general")
    assert check.needs_confirmation and check.suggested_mm is None
    assert check.warnings == (
        "1.25 mm is outside the typical range for the cheeks (0.5–1 mm): confirm it and give "
        "a reason.",
    )


def test_concern_moves_the_range_and_unknown_concern_falls_back_to_general() -> None:
    acne = check_depth("1.5", device=SKINPEN, zone=CHEEKS, concern="acne_scars")
    assert not acne.needs_confirmation
    other = check_depth("1.5", device=SKINPEN, zone=CHEEKS, concern="no_such_concern")
    assert "typical range for the cheeks (0.5–1 mm)" in other.warnings[0]


def test_above_the_device_caution_threshold_needs_confirmation() -> None:
    check = check_depth("1.75", device=SKINPEN, zone=CHEEKS, concern="acne_scars")
    assert check.needs_confirmation
    assert check.warnings == (
        "1.75 mm is above 1.5 mm on the SkinPen Precision. FDA labelling: safety above 1.5 mm "
        "was not evaluated.",
    )


def test_tenfold_slip_is_caught_with_a_suggestion() -> None:
    check = check_depth("2.5", device=SKINPEN, zone=FOREHEAD, concern="general")
    assert check.suggested_mm == D("0.25") and check.needs_confirmation
    assert check.warnings[0] == (
        "Did you mean 0.25 mm? 2.5 mm is ten times the typical depth for the forehead."
    )
    assert any("above 1.5 mm" in w for w in check.warnings)


def test_tenth_slip_is_caught_too() -> None:
    check = check_depth("0.2", device=DERMAPEN, zone=CHEEKS, concern="acne_scars")
    assert check.suggested_mm == D("2")
    assert check.warnings[0] == (
        "Did you mean 2 mm? 0.2 mm is a tenth of the typical depth for acne scars on the cheeks."
    )


def test_no_tenfold_suggestion_when_the_suggestion_is_not_a_setting() -> None:
    # 1.5 on the forehead: 0.15 is not a SkinPen setting, so only the range warning.
    check = check_depth("1.5", device=SKINPEN, zone=FOREHEAD, concern="general")
    assert check.suggested_mm is None
    assert check.warnings[0].startswith("1.5 mm is outside the typical range for the forehead")


def test_warnings_are_sentences_naming_the_unit() -> None:
    check = check_depth("2.5", device=SKINPEN, zone=FOREHEAD, concern="general")
    assert len(check.warnings) == 3
    for w in check.warnings:
        assert (w[0].isupper() or w[0].isdigit()) and w.endswith(".") and " mm" in w


# -- properties ------------------------------------------------------------------------------

DEVICES = st.sampled_from([SKINPEN, DERMAPEN, GENERIC])
ZONES = st.sampled_from([*PROTOCOL.zones, EYELIDS])
CONCERNS = st.sampled_from([c for c, _ in PROTOCOL.concerns] + ["unknown"])


def _on_limits(check: DepthCheck, device: Device) -> None:
    d = check.depth_mm
    assert device.min_mm <= d <= device.max_mm and d > 0
    assert d % device.step_mm == 0
    assert check.needs_confirmation == bool(check.warnings)
    if check.suggested_mm is not None:
        assert check.suggested_mm % device.step_mm == 0
        assert device.min_mm <= check.suggested_mm <= device.max_mm


@given(st.text(max_size=30), DEVICES, ZONES, CONCERNS)
def test_any_text_gives_a_check_or_a_domain_error(
    text: str, device: Device, zone: Zone, concern: str
) -> None:
    try:
        check = check_depth(text, device=device, zone=zone, concern=concern)
    except DomainError as exc:
        assert exc.field == "depth" and exc.message
        return
    _on_limits(check, device)


@given(
    st.from_regex(r"\s*-?[0-9]{0,2}([.,][0-9]{0,3})?\s*(mm)?\s*", fullmatch=True),
    DEVICES,
    ZONES,
    CONCERNS,
)
def test_number_like_text_gives_a_check_on_the_device_grid(
    text: str, device: Device, zone: Zone, concern: str
) -> None:
    try:
        check = check_depth(text, device=device, zone=zone, concern=concern)
    except DomainError:
        return
    _on_limits(check, device)


@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False))
def test_comma_and_point_read_the_same(d: Decimal) -> None:
    assert parse_depth(f"{d}".replace(".", ",")) == d
    assert parse_depth(f"{d} mm") == d


@given(DEVICES, st.integers(min_value=1, max_value=60), ZONES, CONCERNS)
def test_every_device_setting_is_accepted_as_typed(
    device: Device, steps: int, zone: Zone, concern: str
) -> None:
    value = device.step_mm * steps
    if not device.min_mm <= value <= device.max_mm or zone.id in device.excluded_zones:
        return
    if zone.max_mm is not None and value > zone.max_mm:
        return  # the zone's own limit refuses it: tested below
    check = check_depth(format_mm(value), device=device, zone=zone, concern=concern)
    assert check.depth_mm == value
    _on_limits(check, device)


# -- the zone's hard limit (issue 14) --------------------------------------------------------

PERIORBITAL = PROTOCOL.zone("periorbital")


def test_around_the_eyes_has_a_hard_limit_in_the_shipped_library() -> None:
    assert PERIORBITAL.max_mm == D("0.5")


@pytest.mark.parametrize("device", [SKINPEN, DERMAPEN, GENERIC], ids=lambda d: d.id)
def test_a_depth_above_the_zone_limit_is_refused_whatever_the_device(device: Device) -> None:
    message = refusal("1", device=device, zone=PERIORBITAL)
    assert message == (
        "1 mm is above the limit of 0.5 mm for the periorbital (outside the orbital rim): "
        "no depth above it can be saved."
    )


def test_the_zone_limit_itself_is_allowed_with_a_confirmation() -> None:
    result = check_depth("0.5", device=SKINPEN, zone=PERIORBITAL, concern="general")
    assert result.depth_mm == D("0.5") and result.needs_confirmation


def test_a_tenfold_slip_never_suggests_a_depth_above_the_limit() -> None:
    # 2.5 on SkinPen around the eyes: the limit refuses it outright, no "did you mean" to tick.
    assert "limit of 0.5 mm" in refusal("2.5", device=SKINPEN, zone=PERIORBITAL)


def test_a_zone_without_a_limit_still_goes_to_the_device_maximum() -> None:
    assert FOREHEAD.max_mm is None
    result = check_depth("2.5", device=SKINPEN, zone=FOREHEAD, concern="general")
    assert result.needs_confirmation and result.depth_mm == D("2.5")
