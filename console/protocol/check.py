"""Checks of a whole protocol library document, each problem with its path and a plain message.

Used by the editor (messages next to the field), by saving (nothing invalid becomes a version)
and by import (a file from another room is refused whole, with a report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from console.model.folding import fold
from console.model.protocol import KINDS
from console.protocol import bounds as bounds
from console.protocol import shape as protocol_shape
from console.visit.endpoints import ENDPOINT_IDS

PathT = tuple[str | int, ...]

# The sheet sorts rules into these two lists ("avoid" … / "take care" …).
SECTIONS = ("avoid", "care")
WAIT_UNITS = ("months", "weeks", "days")
_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


@dataclass(frozen=True)
class Problem:
    path: PathT  # e.g. ("zones", 3, "typical", "general")
    message: str

    def where(self, body: dict[str, Any] | None = None) -> str:
        """The path in words ("Zones › Cheeks › typical range › Acne scars"), naming list
        items by their name when ``body`` is given."""
        parts: list[str] = []
        node: Any = body
        previous: str | int | None = None
        for step in self.path:
            label = FIELD_LABELS.get(str(step), str(step)) if isinstance(step, str) else str(step)
            if not parts and isinstance(step, str):
                label = SECTION_LABELS.get(step, step)
            elif previous == "typical" and isinstance(body, dict):
                label = _concern_name(body, str(step))
            if isinstance(step, int):
                label = f"#{step + 1}"
                if (
                    isinstance(node, list)
                    and 0 <= step < len(node)
                    and isinstance(node[step], dict)
                ):
                    item = node[step]
                    name = str(item.get("name") or item.get("text") or item.get("id") or "")
                    label = (name if len(name) <= 40 else name[:39] + "…") or label
            parts.append(label)
            node = node[step] if _can_index(node, step) else None
            previous = step
        return " › ".join(parts)


SECTION_LABELS = {
    "devices": "Devices",
    "cartridge_types": "Cartridge types",
    "concerns": "Concerns",
    "zones": "Zones",
    "endpoints": "Endpoints",
    "directions": "Pass directions",
    "contraindications": "Screening",
    "aftercare_rules": "Aftercare rules",
    "what_to_expect": "What to expect",
    "red_flags": "When to call",
    "series": "Series plan",
    "numbing": "Numbing cream",
    "default_target_passes": "Default target passes",
}
FIELD_LABELS = {
    "min_mm": "min mm",
    "max_mm": "max mm",
    "step_mm": "step",
    "warn_above_mm": "warn above",
    "excluded_zones": "never on",
    "device_id": "device",
    "needle_count": "needles",
    "gtin": "GTIN",
    "typical": "typical range",
    "target_passes": "target passes",
    "event_label": "date asked",
    "section": "list",
    "from_h": "from (h)",
    "until_h": "until (h)",
    "interval_weeks": "interval (weeks)",
    "min_wait_minutes": "shortest wait",
    "default_wait_minutes": "default wait",
    "max_wait_minutes": "longest wait",
}


def _concern_name(body: dict[str, Any], concern_id: str) -> str:
    for c in body.get("concerns") or []:
        if isinstance(c, dict) and c.get("id") == concern_id and c.get("name"):
            return str(c["name"])
    return concern_id


def _can_index(node: Any, step: str | int) -> bool:
    if isinstance(node, dict):
        return step in node
    return isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)


def _dec(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _mm(d: Decimal) -> str:
    return f"{d.normalize():f}"


class _Checker:
    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body
        self.problems: list[Problem] = []

    def add(self, path: PathT, message: str) -> None:
        self.problems.append(Problem(path, message))

    # -- field helpers ---------------------------------------------------------------------
    def items(self, key: str, what: str, *, required: bool = True) -> list[dict[str, Any]]:
        value = self.body.get(key)
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add((key,), f"The list of {what} is missing or damaged.")
            return []
        if required and not value:
            self.add((key,), f"Keep at least one {what[:-1] if what.endswith('s') else what}.")
        return value

    def text(self, obj: dict[str, Any], key: str, path: PathT, label: str) -> str | None:
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            self.add((*path, key), f"{label} cannot be empty.")
            return None
        return value.strip()

    def number(
        self, obj: dict[str, Any], key: str, path: PathT, label: str, *, optional: bool = False
    ) -> Decimal | None:
        value = obj.get(key)
        if value is None and optional:
            return None
        d = _dec(value)
        if d is None or not d.is_finite():
            self.add((*path, key), f"{label} must be a number.")
            return None
        return d

    def integer(
        self, obj: dict[str, Any], key: str, path: PathT, label: str, lo: int, hi: int
    ) -> int | None:
        value = obj.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.add((*path, key), f"{label} must be a whole number.")
            return None
        if not lo <= value <= hi:
            self.add((*path, key), f"{label} must be between {lo} and {hi}.")
            return None
        return value

    def ids_and_names(
        self, items: list[dict[str, Any]], section: str, name_key: str, label: str
    ) -> None:
        """Every item has a well-formed unique id and a non-empty unique name/text."""
        seen_ids: dict[str, int] = {}
        seen_names: dict[str, int] = {}
        for i, item in enumerate(items):
            path: PathT = (section, i)
            item_id = item.get("id")
            if not isinstance(item_id, str) or not _ID.match(item_id):
                self.add((*path, "id"), "The id must be lower-case letters, digits, - or _.")
            elif item_id in seen_ids:
                self.add((*path, "id"), f"The id {item_id!r} is used twice.")
            else:
                seen_ids[item_id] = i
            name = self.text(item, name_key, path, label)
            if name is not None:
                folded = fold(" ".join(name.split()))
                if folded in seen_names:
                    other = seen_names[folded] + 1
                    self.add((*path, name_key), f"{label} {name!r} is already used (row {other}).")
                else:
                    seen_names[folded] = i

    def text_list(self, key: str, what: str) -> None:
        value = self.body.get(key)
        if not isinstance(value, list):
            self.add((key,), f"The list of {what} is missing or damaged.")
            return
        seen: set[str] = set()
        for i, line in enumerate(value):
            if not isinstance(line, str) or not line.strip():
                self.add((key, i), "A line cannot be empty: delete it instead.")
                continue
            folded = fold(" ".join(line.split()))
            if folded in seen:
                self.add((key, i), "This line appears twice.")
            seen.add(folded)

    # -- sections --------------------------------------------------------------------------
    def devices(self) -> list[tuple[str, str, Decimal, Decimal, frozenset[str]]]:
        """Checks devices; returns the sound ones as (id, name, min, max, excluded zones)."""
        sound = []
        items = self.items("devices", "devices")
        self.ids_and_names(items, "devices", "name", "The device name")
        for i, d in enumerate(items):
            path: PathT = ("devices", i)
            lo = self.number(d, "min_mm", path, "The shallowest depth")
            hi = self.number(d, "max_mm", path, "The deepest depth")
            step = self.number(d, "step_mm", path, "The step")
            warn = self.number(d, "warn_above_mm", path, "The warning depth", optional=True)
            ok = lo is not None and hi is not None
            if lo is not None and lo < 0:
                self.add((*path, "min_mm"), "A depth cannot be below 0 mm.")
                ok = False
            for key, depth in (("min_mm", lo), ("max_mm", hi)):
                if depth is not None and depth > bounds.MAX_DEPTH_MM:
                    self.add(
                        (*path, key),
                        f"{_mm(depth)} mm is deeper than any microneedling pen goes: "
                        "a typing slip?",
                    )
                    ok = False
            if lo is not None and hi is not None and lo >= hi:
                self.add((*path, "max_mm"), "The deepest depth must be more than the shallowest.")
                ok = False
            if step is not None and step < bounds.MIN_STEP_MM:
                self.add(
                    (*path, "step_mm"), f"The step must be at least {_mm(bounds.MIN_STEP_MM)} mm."
                )
            elif step is not None and ok and lo is not None and hi is not None:
                if step > hi - lo:
                    self.add((*path, "step_mm"), "The step is larger than the whole range.")
                elif (hi - lo) % step != 0:
                    self.add(
                        (*path, "step_mm"),
                        f"{_mm(lo)}–{_mm(hi)} mm is not a whole number of {_mm(step)} mm steps.",
                    )
            if warn is not None and lo is not None and hi is not None and not lo < warn < hi:
                self.add(
                    (*path, "warn_above_mm"),
                    "The warning depth must lie inside the device's range (or be left empty).",
                )
            excluded = d.get("excluded_zones", [])
            if not isinstance(excluded, list) or not all(isinstance(z, str) for z in excluded):
                self.add((*path, "excluded_zones"), "The excluded zones must be a list of ids.")
                excluded = []
            if ok and lo is not None and hi is not None and isinstance(d.get("id"), str):
                sound.append((d["id"], str(d.get("name", d["id"])), lo, hi, frozenset(excluded)))
        return sound

    def cartridge_types(self, device_ids: set[str]) -> None:
        items = self.items("cartridge_types", "cartridge types")
        self.ids_and_names(items, "cartridge_types", "name", "The cartridge name")
        for i, c in enumerate(items):
            path: PathT = ("cartridge_types", i)
            if c.get("device_id") not in device_ids:
                self.add((*path, "device_id"), "Choose the device this cartridge fits.")
            self.integer(c, "needle_count", path, "The needle count", *bounds.NEEDLE_COUNT)
            gtin = c.get("gtin")
            if gtin not in (None, "") and not _gtin_ok(gtin):
                self.add(
                    (*path, "gtin"),
                    "A GTIN has 14 digits with a valid check digit (leave it empty if unknown).",
                )

    def zones(self, devices: list[tuple[str, str, Decimal, Decimal, frozenset[str]]]) -> None:
        concerns = self.items("concerns", "concerns")
        self.ids_and_names(concerns, "concerns", "name", "The concern name")
        concern_ids = {c.get("id") for c in concerns}
        self.integer(
            self.body,
            "default_target_passes",
            (),
            "The default target passes",
            *bounds.TARGET_PASSES,
        )
        items = self.items("zones", "zones")
        self.ids_and_names(items, "zones", "name", "The zone name")
        for i, z in enumerate(items):
            path: PathT = ("zones", i)
            self.text(z, "region", path, "The region")
            if z.get("target_passes") is not None:
                self.integer(z, "target_passes", path, "The target passes", *bounds.TARGET_PASSES)
            typical = z.get("typical")
            if not isinstance(typical, dict) or "general" not in typical:
                self.add((*path, "typical"), "Every zone needs a general typical range.")
                typical = typical if isinstance(typical, dict) else {}
            allowed = [d for d in devices if z.get("id") not in d[4]]
            if devices and not allowed:
                self.add((*path, "id"), "Every device excludes this zone: no one could treat it.")
            for concern, rng in typical.items():
                rpath: PathT = (*path, "typical", concern)
                if concern not in concern_ids:
                    self.add(rpath, f"{concern!r} is not one of the concerns.")
                    continue
                self._range(rpath, rng, allowed)
            self._zone_max(path, z, typical)

    def _zone_max(self, path: PathT, zone: dict[str, Any], typical: dict[str, Any]) -> None:
        """The optional hard ceiling (max_mm) must be a depth no typical range goes beyond:
        otherwise the library would advise a depth it then refuses."""
        ceiling = self.number(zone, "max_mm", path, "The zone's limit", optional=True)
        if ceiling is None:
            return
        if ceiling <= 0:
            self.add((*path, "max_mm"), "The zone's limit must be a depth above 0 mm.")
            return
        for concern, rng in typical.items():
            high = _dec(rng[1]) if isinstance(rng, list) and len(rng) == 2 else None
            if high is not None and high > ceiling:
                self.add(
                    (*path, "max_mm"),
                    f"The limit of {_mm(ceiling)} mm is below the typical range for "
                    f"{_concern_name(self.body, concern)}, which goes to {_mm(high)} mm.",
                )
                return

    def _range(
        self, path: PathT, rng: Any, allowed: list[tuple[str, str, Decimal, Decimal, Any]]
    ) -> None:
        pair = [_dec(v) for v in rng] if isinstance(rng, list) and len(rng) == 2 else []
        if len(pair) != 2 or pair[0] is None or pair[1] is None:
            self.add(path, "A typical range is two depths in mm, from and to.")
            return
        lo, hi = pair[0], pair[1]
        if not (lo.is_finite() and hi.is_finite()) or hi > bounds.MAX_DEPTH_MM:
            self.add(path, f"A typical depth cannot go past {_mm(bounds.MAX_DEPTH_MM)} mm: a slip?")
            return
        if lo < 0 or lo >= hi:
            self.add(
                path, f"The range {_mm(lo)}–{_mm(hi)} mm must go from a smaller to a larger depth."
            )
            return
        # A typical range is advice for the zone, not for one device: it only has to be
        # reachable with at least one device allowed there (the widest one decides). A
        # shallower device is still usable; its maximum blocks deeper entries at the visit.
        if allowed and not any(d[2] <= lo and hi <= d[3] for d in allowed):
            widest = max(allowed, key=lambda d: d[3] - d[2])
            self.add(
                path,
                f"{_mm(lo)}–{_mm(hi)} mm is outside every device allowed here; the widest, "
                f"{widest[1]}, goes {_mm(widest[2])}–{_mm(widest[3])} mm.",
            )

    def endpoints_and_directions(self) -> None:
        items = self.items("endpoints", "endpoints")
        self.ids_and_names(items, "endpoints", "name", "The endpoint name")
        for i, e in enumerate(items):
            if isinstance(e.get("id"), str) and e["id"] not in ENDPOINT_IDS:
                self.add(
                    ("endpoints", i, "id"), "Endpoints are erythema, pinpoint bleeding or none."
                )
        directions = self.body.get("directions")
        if not isinstance(directions, list) or not directions:
            self.add(("directions",), "Keep at least one pass direction.")
        else:
            self.text_list("directions", "directions")

    def contraindications(self) -> None:
        items = self.items("contraindications", "contraindications")
        self.ids_and_names(items, "contraindications", "text", "The question")
        for i, c in enumerate(items):
            path: PathT = ("contraindications", i)
            kind = c.get("kind")
            if kind not in KINDS:
                self.add((*path, "kind"), "Choose hard stop, waiting period, clearance or prompt.")
                continue
            wait = c.get("wait") or {}
            if kind == "waiting_period":
                units = [u for u in wait if u in WAIT_UNITS] if isinstance(wait, dict) else []
                value = wait.get(units[0]) if len(units) == 1 and len(wait) == 1 else None
                if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                    self.add((*path, "wait"), "A waiting period needs its length (e.g. 6 months).")
                elif value > bounds.MAX_WAIT[units[0]]:
                    self.add(
                        (*path, "wait"),
                        f"A waiting period is at most {bounds.MAX_WAIT[units[0]]} {units[0]}.",
                    )
                self.text(c, "event_label", path, "The date question")
            elif wait:
                self.add((*path, "wait"), "Only a waiting period has a length.")
            if kind == "prompt":
                self.text(c, "prompt", path, "The prompt")

    def aftercare(self) -> None:
        items = self.items("aftercare_rules", "aftercare rules")
        self.ids_and_names(items, "aftercare_rules", "text", "The rule's text")
        for i, r in enumerate(items):
            path: PathT = ("aftercare_rules", i)
            if r.get("section") not in SECTIONS:
                self.add((*path, "section"), "Choose whether the rule is to avoid or to take care.")
            start = self.number(r, "from_h", path, "The start (hours)")
            until = self.number(r, "until_h", path, "The end (hours)", optional=True)
            if start is not None and start < 0:
                self.add((*path, "from_h"), "A rule cannot start before the visit ends.")
            for key, hours in (("from_h", start), ("until_h", until)):
                if hours is not None and hours > bounds.MAX_AFTERCARE_HOURS:
                    self.add(
                        (*path, key),
                        f"Aftercare advice runs for at most {bounds.MAX_AFTERCARE_HOURS} hours "
                        "(a year).",
                    )
                    start = until = None  # one message is enough
                    break
            if start is not None and until is not None and until <= start:
                self.add((*path, "until_h"), "The end must come after the start.")
        self.text_list("what_to_expect", "what-to-expect lines")
        self.text_list("red_flags", "reasons to call the clinic")

    def series_and_numbing(self) -> None:
        series = self.body.get("series")
        if not isinstance(series, dict):
            self.add(("series",), "The series plan is missing.")
        else:
            self.integer(
                series, "sessions", ("series",), "The number of sessions", *bounds.SERIES_SESSIONS
            )
            self.integer(
                series,
                "interval_weeks",
                ("series",),
                "The interval",
                *bounds.SERIES_INTERVAL_WEEKS,
            )
            if not isinstance(series.get("maintenance", ""), str):
                self.add(("series", "maintenance"), "The maintenance advice must be text.")
        numbing = self.body.get("numbing")
        if not isinstance(numbing, dict):
            self.add(("numbing",), "The numbing cream times are missing.")
            return
        p: PathT = ("numbing",)
        span = bounds.NUMBING_WAIT_MINUTES
        lo = self.integer(numbing, "min_wait_minutes", p, "The shortest wait", *span)
        default = self.integer(numbing, "default_wait_minutes", p, "The default wait", *span)
        hi = self.integer(numbing, "max_wait_minutes", p, "The longest wait", *span)
        if None not in (lo, default, hi) and not lo <= default <= hi:  # type: ignore[operator]
            self.add(
                (*p, "default_wait_minutes"),
                "The default wait must lie between the shortest and longest.",
            )


def _gtin_ok(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 14 or not value.isdigit():
        return False
    digits = [int(c) for c in value]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(digits[:-1]))
    return (10 - total % 10) % 10 == digits[-1]


def check(body: Any) -> list[Problem]:
    """Every problem in a whole library document; an empty list means it may be saved."""
    if not isinstance(body, dict):
        return [Problem((), "This is not a protocol library document.")]
    # Size first: an oversized document is refused on its size alone, before any rule reads it.
    too_big = protocol_shape.problems(body)
    if too_big:
        return [Problem(path, message) for path, message in too_big]
    c = _Checker(body)
    devices = c.devices()
    c.cartridge_types({d[0] for d in devices} | _ids(body.get("devices")))
    c.zones(devices)
    c.endpoints_and_directions()
    c.contraindications()
    c.aftercare()
    c.series_and_numbing()
    return c.problems


def _ids(items: Any) -> set[str]:
    if not isinstance(items, list):
        return set()
    return {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}
