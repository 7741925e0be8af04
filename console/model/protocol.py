"""The protocol library: devices, cartridge types, zones, contraindications, aftercare, series.

It is data (``resources/protocol/*.json``) seeded into the database and versioned there; this
module gives it a typed shape. Nothing clinical is hard-coded here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from console.errors import DomainError
from console.resources import RESOURCES

PROTOCOL_DIR = RESOURCES / "protocol"

KINDS = ("hard_stop", "waiting_period", "needs_clearance", "prompt")


@dataclass(frozen=True)
class Device:
    id: str
    name: str
    min_mm: Decimal
    max_mm: Decimal
    step_mm: Decimal
    warn_above_mm: Decimal | None = None
    warning: str = ""
    excluded_zones: tuple[str, ...] = ()


@dataclass(frozen=True)
class CartridgeType:
    id: str
    name: str
    device_id: str
    needle_count: int
    gtin: str | None = None


@dataclass(frozen=True)
class Zone:
    id: str
    name: str
    region: str
    typical: dict[str, tuple[Decimal, Decimal]]
    note: str = ""
    confirm: bool = False
    target_passes: int | None = None
    # A hard ceiling for the zone (e.g. around the eyes) that no confirmation overrides; None
    # leaves only the device's own maximum.
    max_mm: Decimal | None = None

    def typical_range(self, concern: str) -> tuple[Decimal, Decimal]:
        """The zone's typical range for a concern, falling back to its general range."""
        return self.typical.get(concern) or self.typical["general"]


@dataclass(frozen=True)
class Contraindication:
    id: str
    kind: str
    text: str
    wait: dict[str, int] = field(default_factory=dict)  # {"months": 6} or {"days": 14}
    event_label: str = ""
    prompt: str = ""
    note: str = ""
    blocks_numbing: bool = False


@dataclass(frozen=True)
class AftercareRule:
    id: str
    section: str  # avoid / care
    text: str
    from_h: float
    until_h: float | None


@dataclass(frozen=True)
class SeriesPlan:
    sessions: int
    interval_weeks: int
    maintenance: str


@dataclass(frozen=True)
class NumbingDefaults:
    default_wait_minutes: int
    min_wait_minutes: int
    max_wait_minutes: int


@dataclass(frozen=True)
class Protocol:
    """One version of the whole library, as a visit was (or will be) done under it."""

    version: int
    devices: tuple[Device, ...]
    cartridge_types: tuple[CartridgeType, ...]
    concerns: tuple[tuple[str, str], ...]
    zones: tuple[Zone, ...]
    default_target_passes: int
    directions: tuple[str, ...]
    endpoints: tuple[tuple[str, str], ...]
    contraindications: tuple[Contraindication, ...]
    aftercare_rules: tuple[AftercareRule, ...]
    what_to_expect: tuple[str, ...]
    red_flags: tuple[str, ...]
    series: SeriesPlan
    numbing: NumbingDefaults
    body: dict[str, Any] = field(compare=False, repr=False, default_factory=dict)

    def device(self, device_id: str) -> Device:
        for d in self.devices:
            if d.id == device_id:
                return d
        raise DomainError(f"Unknown device {device_id!r} in protocol version {self.version}.")

    def zone(self, zone_id: str) -> Zone:
        for z in self.zones:
            if z.id == zone_id:
                return z
        raise DomainError(f"Unknown zone {zone_id!r} in protocol version {self.version}.")

    def cartridge_type(self, type_id: str) -> CartridgeType:
        for c in self.cartridge_types:
            if c.id == type_id:
                return c
        raise DomainError(f"Unknown cartridge type {type_id!r}.")

    def cartridge_types_for(self, device_id: str) -> tuple[CartridgeType, ...]:
        return tuple(c for c in self.cartridge_types if c.device_id == device_id)

    def target_passes(self, zone: Zone) -> int:
        return zone.target_passes or self.default_target_passes


def _dec(value: Any) -> Decimal:
    # Through str so 0.1 stays 0.1 and a step check is exact.
    return Decimal(str(value))


def default_body() -> dict[str, Any]:
    """The defaults shipped in resources/protocol, merged into one document."""
    body: dict[str, Any] = {}
    for path in sorted(PROTOCOL_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key, value in data.items():
            if not key.startswith("_"):
                body[key] = value
    return body


def from_body(version: int, body: dict[str, Any]) -> Protocol:
    """Build a typed protocol from its JSON document; raises DomainError if malformed."""
    try:
        return Protocol(
            version=version,
            devices=tuple(
                Device(
                    id=d["id"],
                    name=d["name"],
                    min_mm=_dec(d["min_mm"]),
                    max_mm=_dec(d["max_mm"]),
                    step_mm=_dec(d["step_mm"]),
                    warn_above_mm=None
                    if d.get("warn_above_mm") is None
                    else _dec(d["warn_above_mm"]),
                    warning=d.get("warning", ""),
                    excluded_zones=tuple(d.get("excluded_zones", ())),
                )
                for d in body["devices"]
            ),
            cartridge_types=tuple(
                CartridgeType(
                    id=c["id"],
                    name=c["name"],
                    device_id=c["device_id"],
                    needle_count=int(c["needle_count"]),
                    gtin=c.get("gtin"),
                )
                for c in body["cartridge_types"]
            ),
            concerns=tuple((c["id"], c["name"]) for c in body["concerns"]),
            zones=tuple(
                Zone(
                    id=z["id"],
                    name=z["name"],
                    region=z["region"],
                    typical={k: (_dec(v[0]), _dec(v[1])) for k, v in z["typical"].items()},
                    note=z.get("note", ""),
                    confirm=bool(z.get("confirm", False)),
                    target_passes=z.get("target_passes"),
                    max_mm=None if z.get("max_mm") is None else _dec(z["max_mm"]),
                )
                for z in body["zones"]
            ),
            default_target_passes=int(body["default_target_passes"]),
            directions=tuple(body["directions"]),
            endpoints=tuple((e["id"], e["name"]) for e in body["endpoints"]),
            contraindications=tuple(
                Contraindication(
                    id=c["id"],
                    kind=c["kind"],
                    text=c["text"],
                    wait=dict(c.get("wait", {})),
                    event_label=c.get("event_label", ""),
                    prompt=c.get("prompt", ""),
                    note=c.get("note", ""),
                    blocks_numbing=bool(c.get("blocks_numbing", False)),
                )
                for c in body["contraindications"]
            ),
            aftercare_rules=tuple(
                AftercareRule(
                    id=r["id"],
                    section=r["section"],
                    text=r["text"],
                    from_h=float(r["from_h"]),
                    until_h=None if r.get("until_h") is None else float(r["until_h"]),
                )
                for r in body["aftercare_rules"]
            ),
            what_to_expect=tuple(body["what_to_expect"]),
            red_flags=tuple(body["red_flags"]),
            series=SeriesPlan(
                sessions=int(body["series"]["sessions"]),
                interval_weeks=int(body["series"]["interval_weeks"]),
                maintenance=body["series"].get("maintenance", ""),
            ),
            numbing=NumbingDefaults(**body["numbing"]),
            body=body,
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise DomainError(f"The protocol library is malformed: {exc!r}") from exc


@dataclass(frozen=True)
class VersionStamp:
    """When a library version was saved, by whom (None: shipped or imported) and why."""

    version: int
    created_at: str  # stored UTC ISO-8601
    by_name: str | None
    note: str
