"""Safe entry of a needle depth: typed in mm, never pre-filled, checked against device and zone.

Modelled on infusion-pump dose limits: the device range and step are hard limits; leaving the
zone's typical range, the device's caution threshold, or a tenfold slip needs a confirmation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from console.errors import DomainError
from console.model.protocol import Device, Zone

MAX_TEXT = 20
# Digits, then optionally one decimal separator (point or comma) and at most two decimals; the
# unit may follow. ASCII digits only: Decimal() would also take other scripts' digits.
_NUMBER = re.compile(r"(?P<int>[0-9]*)(?:(?P<sep>[.,])(?P<frac>[0-9]*))?")
_UNIT = re.compile(r"\s*mm\s*$", re.IGNORECASE)

TYPE_IT = "Type the depth in mm."
NOT_A_NUMBER = "Type the depth as a number of mm, e.g. 0.5 or 1,25."


@dataclass(frozen=True)
class DepthCheck:
    depth_mm: Decimal
    needs_confirmation: bool
    warnings: tuple[str, ...]  # full sentences; the UI shows them and asks for a reason
    suggested_mm: Decimal | None  # set when a tenfold slip is suspected


def format_mm(value: Decimal) -> str:
    """1.50 -> "1.5", 2.00 -> "2", 0.25 -> "0.25": never "1E+1"."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def parse_depth(text: str) -> Decimal:
    """A typed depth in mm: "1.5", "1,5", " 0.75 ", "1.5 mm". Raises DomainError(field="depth")."""
    if not isinstance(text, str) or not text.strip():
        raise DomainError(TYPE_IT, field="depth")
    s = text.strip()
    if len(s) > MAX_TEXT:
        raise DomainError(NOT_A_NUMBER, field="depth")
    s = _UNIT.sub("", s)
    if s[:1] in ("-", "−", "–"):
        raise DomainError("A depth cannot be negative: type it in mm, e.g. 0.5.", field="depth")
    match = _NUMBER.fullmatch(s)
    if not s or match is None or not (match["int"] or match["frac"]):
        if s.count(".") + s.count(",") > 1 and re.fullmatch(r"[0-9.,]+", s):
            raise DomainError(
                f"{text.strip()} has more than one decimal separator: type one depth in mm, "
                "e.g. 1.5.",
                field="depth",
            )
        raise DomainError(NOT_A_NUMBER, field="depth")
    if match["sep"] and not match["frac"]:
        # "1." may be an entry cut short before its decimals ("1.5"): ask rather than guess.
        raise DomainError(
            f"Type the digits after the decimal point, e.g. {match['int']}.5 mm.", field="depth"
        )
    if len(match["frac"] or "") > 2:
        # Also catches "1.000", which in many countries means one thousand.
        raise DomainError(
            "Depths have at most two decimals (e.g. 0.25 mm): check the value.", field="depth"
        )
    try:
        return Decimal(f"{match['int'] or '0'}.{match['frac'] or '0'}")
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise DomainError(NOT_A_NUMBER, field="depth") from exc


def short_name(device: Device) -> str:
    """ "SkinPen Precision (Bellus Medical)" -> "SkinPen Precision"."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", device.name) or device.name


def zone_phrase(zone: Zone, concern: str) -> str:
    """ "the forehead", or "acne scars on the cheeks" when the range is concern-specific."""
    name = zone.name[:1].lower() + zone.name[1:]
    where = f"the {name}"
    if concern != "general" and concern in zone.typical:
        return f"{concern.replace('_', ' ')} on {where}"
    return where


def check_depth(text: str, *, device: Device, zone: Zone, concern: str) -> DepthCheck:
    """Hard limits raise DomainError(field="depth"); unusual values come back needing a
    confirmation, with the reasons as sentences."""
    short = short_name(device)
    if zone.id in device.excluded_zones:
        raise DomainError(f"The {short} must never be used on the {zone.name.lower()}.", "depth")
    depth = parse_depth(text)
    _check_limits(depth, device, short)
    if zone.max_mm is not None and depth > zone.max_mm:
        # A ceiling, not advice: unlike the typical range, no confirmation lets it through.
        raise DomainError(
            f"{format_mm(depth)} mm is above the limit of {format_mm(zone.max_mm)} mm for "
            f"{zone_phrase(zone, 'general')}: no depth above it can be saved.",
            "depth",
        )

    low, high = zone.typical_range(concern)
    place = zone_phrase(zone, concern)
    warnings: list[str] = []
    suggested: Decimal | None = None
    outside = not low <= depth <= high
    if outside:
        for factor, words in ((Decimal(10), "ten times"), (Decimal("0.1"), "a tenth of")):
            guess = depth / factor
            if low <= guess <= high and _settable(guess, device):
                suggested = _tidy(guess)
                warnings.append(
                    f"Did you mean {format_mm(guess)} mm? {format_mm(depth)} mm is {words} "
                    f"the typical depth for {place}."
                )
                break
        warnings.append(
            f"{format_mm(depth)} mm is outside the typical range for {place} "
            f"({format_mm(low)}–{format_mm(high)} mm): confirm it and give a reason."
        )
    if device.warn_above_mm is not None and depth > device.warn_above_mm:
        caution = f" {device.warning}" if device.warning else ""
        warnings.append(
            f"{format_mm(depth)} mm is above {format_mm(device.warn_above_mm)} mm on the "
            f"{short}.{caution}"
        )
    return DepthCheck(_tidy(depth), bool(warnings), tuple(warnings), suggested)


def _check_limits(depth: Decimal, device: Device, short: str) -> None:
    if depth <= 0:
        raise DomainError(
            f"0 mm is not a treatment depth: type at least {format_mm(_lowest(device))} mm.",
            "depth",
        )
    if depth > device.max_mm:
        raise DomainError(
            f"{format_mm(depth)} mm is above the {short}'s maximum of "
            f"{format_mm(device.max_mm)} mm.",
            "depth",
        )
    if depth < device.min_mm:
        raise DomainError(
            f"{format_mm(depth)} mm is below the {short}'s minimum of "
            f"{format_mm(device.min_mm)} mm.",
            "depth",
        )
    if depth % device.step_mm != 0:
        below = (depth // device.step_mm) * device.step_mm
        options = [v for v in (below, below + device.step_mm) if _settable(v, device)]
        nearest = " or ".join(format_mm(v) for v in options)
        raise DomainError(
            f"{short} moves in {format_mm(device.step_mm)} mm steps: {format_mm(depth)} mm is "
            f"not a setting." + (f" Nearest: {nearest} mm." if nearest else ""),
            "depth",
        )


def _settable(value: Decimal, device: Device) -> bool:
    return value > 0 and device.min_mm <= value <= device.max_mm and value % device.step_mm == 0


def _lowest(device: Device) -> Decimal:
    """The smallest setting above zero the device allows."""
    step = device.step_mm
    value = max(device.min_mm, step)
    if value % step:
        value = (value // step + 1) * step
    return value


def _tidy(value: Decimal) -> Decimal:
    # Same number, plain exponent: 1.50 and 1.5 are stored and shown as 1.5.
    return Decimal(format_mm(value))
