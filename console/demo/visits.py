"""Completed past visits for the demo clinic: realistic series, passes, cartridges and lots.

Deterministic for a seed. Rows are generated in Python and written with ``executemany`` in a
few transactions, so ``demo --patients 100000`` (about a million passes) takes minutes, not hours.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from console.clock import iso
from console.context import AppContext
from console.data import demo_repo, protocol_repo
from console.model.protocol import Device, Protocol, Zone

# Rows are flushed to SQLite every this many patients: bounded memory, few transactions.
_BATCH_PATIENTS = 20_000

# Zones a clinic actually sees most, face first; weights are demo realism, not clinical data.
_ZONE_WEIGHTS = {
    "cheeks": 10,
    "forehead": 8,
    "chin_jawline": 6,
    "neck": 6,
    "nose": 4,
    "perioral": 4,
    "temples": 3,
    "periorbital": 3,
    "chest": 3,
    "hands": 2,
    "abdomen": 2,
    "arms": 1,
    "legs": 1,
    "back": 1,
}
_BODY_CONCERNS = ("general", "stretch_marks", "acne_scars")
_FACE_CONCERNS = ("general", "general", "fine_lines", "acne_scars")
_GEL_PRODUCTS = ("SkinPen Skinfuse Lift HA", "Hyaluronic glide gel")
_NUMBING_PRODUCTS = ("EMLA 5% cream", "LMX4 lidocaine 4%")
# Demo GTINs (check digits valid) per cartridge type.
_GTINS = {
    "skinpen-14": ("00850009479015", "00850009479022"),
    "skinpen-12": ("00850009479039",),
    "dermapen-16": ("09351234000019",),
    "generic-12": ("05012345000010",),
}


@dataclass(frozen=True)
class _Lot:
    code: str
    expiry: str  # ISO date


class _Lots:
    """Lots change every few weeks, so one lot is shared by the visits of that period.

    ``concurrent`` lots are in use at once: a bigger clinic goes through more boxes, so a
    lot stays a few hundred visits at most, as a real recall would be.
    """

    def __init__(self, prefix: str, seed: int, weeks: int = 6, concurrent: int = 2) -> None:
        self.prefix, self.seed, self.weeks, self.concurrent = prefix, seed, weeks, concurrent

    def at(self, when: datetime, key: str, pick: int) -> _Lot:
        block = when.toordinal() // (7 * self.weeks)
        period = block * self.concurrent + pick % self.concurrent
        keyn = sum(map(ord, key))
        code = f"{self.prefix}{(period * 7919 + self.seed * 31 + keyn * 101) % 1000000:06d}"
        made = datetime.fromordinal(block * 7 * self.weeks)
        expiry = (made + timedelta(days=730)).date()
        return _Lot(code, expiry.isoformat())


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _quantize(value: Decimal, device: Device) -> Decimal:
    steps = ((value - device.min_mm) / device.step_mm).quantize(Decimal(1), ROUND_HALF_UP)
    q = device.min_mm + steps * device.step_mm
    return max(device.min_mm, min(device.max_mm, q))


def _pick_depth(rng: random.Random, zone: Zone, concern: str, device: Device) -> Decimal:
    low, high = zone.typical_range(concern)
    raw = low + (high - low) * Decimal(str(round(rng.random(), 2)))
    depth = _quantize(raw, device)
    if depth < low:
        depth += device.step_mm
    if depth > high:
        depth -= device.step_mm
    return depth


class _Rows:
    def __init__(self) -> None:
        self.visits: list[tuple[Any, ...]] = []
        self.screening: list[tuple[Any, ...]] = []
        self.cartridges: list[tuple[Any, ...]] = []
        self.consumables: list[tuple[Any, ...]] = []
        self.areas: list[tuple[Any, ...]] = []
        self.passes: list[tuple[Any, ...]] = []

    def count(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in vars(self).items()}


class _Generator:
    def __init__(
        self,
        protocol: Protocol,
        staff_ids: Sequence[str],
        now: datetime,
        seed: int,
        patients: int = 1000,
    ) -> None:
        self.p, self.staff, self.now = protocol, list(staff_ids), now
        self.lots_at_once = max(2, patients // 1500)
        self.rng = random.Random(seed * 1_000_003 + 17)
        self.zones = [protocol.zone(z) for z in _ZONE_WEIGHTS if _has_zone(protocol, z)]
        self.zone_weights = [_ZONE_WEIGHTS[z.id] for z in self.zones]
        self.cart_lots = _Lots("L", seed, concurrent=self.lots_at_once)
        self.gel_lots = _Lots("G", seed, weeks=10, concurrent=self.lots_at_once)
        self.numb_lots = _Lots("N", seed, weeks=12, concurrent=self.lots_at_once)
        self.serial_prefix = f"{seed % 1000:03d}"
        self.serial = 0
        self.screening_items = [(c.id, c.text, c.kind) for c in protocol.contraindications]

    def patient(self, patient_id: str, rows: _Rows, *, with_screening: bool) -> None:
        rng = self.rng
        n = rng.choices((1, 2, 3), weights=(45, 35, 20))[0]
        gaps = [rng.randint(35, 63) for _ in range(n - 1)]  # 5-9 weeks, in days
        span = sum(gaps)
        earliest = self.now - timedelta(days=730)
        latest = self.now - timedelta(days=span + 1)
        first_day = earliest + timedelta(days=rng.randint(0, max(0, (latest - earliest).days)))
        device = self.p.device("dermapen-4" if rng.random() < 0.2 else "skinpen-precision")
        ctypes = self.p.cartridge_types_for(device.id)
        ctype = ctypes[0]
        k = rng.choices((1, 2, 3, 4, 5), weights=(25, 30, 25, 12, 8))[0]
        zones = _weighted_sample(rng, self.zones, self.zone_weights, k)
        plans = []
        for z in zones:
            concerns = _BODY_CONCERNS if z.region == "body" else _FACE_CONCERNS
            concern = rng.choice(concerns)
            if concern not in z.typical:
                concern = "general"
            plans.append((z, concern, _pick_depth(rng, z, concern, device)))
        numbing = rng.random() < 0.4
        practitioner = rng.choice(self.staff)
        day = first_day
        for number in range(1, n + 1):
            if number > 1:
                day += timedelta(days=gaps[number - 2])
            start = day.replace(
                hour=rng.randint(8, 16), minute=rng.choice((0, 15, 30, 45)), second=0, microsecond=0
            )
            self._visit(
                rows,
                patient_id,
                practitioner,
                device,
                ctype.id,
                ctype.needle_count,
                start,
                number,
                plans,
                numbing,
                with_screening,
            )
            # Later sessions sometimes go one step deeper, within the zone's typical range.
            plans = [
                (
                    z,
                    c,
                    d + device.step_mm
                    if rng.random() < 0.3 and d + device.step_mm <= z.typical_range(c)[1]
                    else d,
                )
                for z, c, d in plans
            ]

    def _visit(
        self,
        rows: _Rows,
        patient_id: str,
        by: str,
        device: Device,
        ctype: str,
        needles: int,
        start: datetime,
        number: int,
        plans: list[tuple[Zone, str, Decimal]],
        numbing: bool,
        with_screening: bool,
    ) -> None:
        rng = self.rng
        vid = _uuid(rng)
        t = start + timedelta(minutes=rng.randint(2, 5))
        if with_screening:
            at = iso(t)
            for item_id, text, kind in self.screening_items:
                answer = "acknowledged" if kind == "prompt" else "no"
                rows.screening.append((_uuid(rng), vid, item_id, text, kind, answer, at, by))
        t += timedelta(minutes=rng.randint(2, 4))
        gtin = rng.choice(_GTINS.get(ctype, ("00850009479015",)))
        lot = self.cart_lots.at(t, gtin, rng.randrange(self.lots_at_once))
        self.serial += 1
        serial = f"{self.serial_prefix}{self.serial:09d}"
        yymmdd = lot.expiry[2:4] + lot.expiry[5:7] + lot.expiry[8:10]
        raw = f"(01){gtin}(17){yymmdd}(10){lot.code}(21){serial}"
        rows.cartridges.append(
            (_uuid(rng), vid, ctype, needles, gtin, lot.code, lot.expiry, serial, raw, iso(t), by)
        )
        if numbing:
            wait = 30
            applied = t + timedelta(minutes=1)
            removed = applied + timedelta(minutes=wait + rng.randint(0, 10))
            nlot = self.numb_lots.at(applied, "n", rng.randrange(self.lots_at_once))
            rows.consumables.append(
                (
                    _uuid(rng),
                    vid,
                    "numbing",
                    rng.choice(_NUMBING_PRODUCTS),
                    nlot.code,
                    int(rng.random() < 0.3),
                    wait,
                    iso(applied),
                    iso(removed),
                    iso(applied),
                    by,
                )
            )
            t = removed + timedelta(minutes=2)
        glot = self.gel_lots.at(t, "g", rng.randrange(self.lots_at_once))
        rows.consumables.append(
            (
                _uuid(rng),
                vid,
                "gel",
                rng.choice(_GEL_PRODUCTS),
                glot.code,
                0,
                None,
                iso(t),
                None,
                iso(t),
                by,
            )
        )
        cleansed = t + timedelta(minutes=1)
        t = cleansed + timedelta(minutes=2)
        directions = self.p.directions
        for position, (zone, concern, depth) in enumerate(plans, start=1):
            aid = _uuid(rng)
            area_start = t
            target = self.p.target_passes(zone)
            n_passes = rng.randint(2, 4)
            depth_f = float(depth)
            for pn in range(1, n_passes + 1):
                dur = round(rng.uniform(20, 120), 1)
                p_end = t + timedelta(seconds=dur)
                rows.passes.append(
                    (
                        _uuid(rng),
                        aid,
                        vid,
                        pn,
                        iso(t),
                        iso(p_end),
                        dur,
                        depth_f,
                        directions[(pn - 1) % len(directions)],
                    )
                )
                t = p_end + timedelta(seconds=rng.randint(5, 25))
            endpoint = "pinpoint_bleeding" if depth >= Decimal("1.0") else "erythema"
            rows.areas.append(
                (
                    aid,
                    vid,
                    position,
                    zone.id,
                    zone.name,
                    concern,
                    depth_f,
                    target,
                    endpoint,
                    iso(area_start),
                    iso(t),
                )
            )
            t += timedelta(seconds=rng.randint(30, 90))
        end = t + timedelta(minutes=rng.randint(3, 8))
        rows.visits.append(
            (
                vid,
                patient_id,
                by,
                self.p.version,
                device.id,
                number,
                iso(cleansed),
                iso(start),
                iso(end),
                iso(end),
                "",
            )
        )


def _has_zone(protocol: Protocol, zone_id: str) -> bool:
    return any(z.id == zone_id for z in protocol.zones)


def _weighted_sample(
    rng: random.Random, items: list[Zone], weights: list[int], k: int
) -> list[Zone]:
    pool, w = list(items), list(weights)
    chosen: list[Zone] = []
    for _ in range(min(k, len(pool))):
        i = rng.choices(range(len(pool)), weights=w)[0]
        chosen.append(pool.pop(i))
        w.pop(i)
    return chosen


def _batches(ids: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


# Above this many patients, screening answers are stored for each patient's latest visit only:
# 21 answers per visit would otherwise triple the demo file for no benchmark value.
SCREENING_ALL_VISITS_UP_TO = 20_000


def add_visits(
    ctx: AppContext, patient_ids: Sequence[str], staff_ids: Sequence[str], *, seed: int
) -> str:
    """Add 1-3 completed past visits per patient; returns a one-line summary."""
    if not patient_ids or not staff_ids:
        return "0 visits"
    protocol = protocol_repo.current(ctx.db)
    gen = _Generator(protocol, staff_ids, ctx.now(), seed, patients=len(patient_ids))
    all_screening = len(patient_ids) <= SCREENING_ALL_VISITS_UP_TO
    totals: dict[str, int] = {}
    for batch in _batches(patient_ids, _BATCH_PATIENTS):
        rows = _Rows()
        for pid in batch:
            before = len(rows.visits)
            gen.patient(pid, rows, with_screening=all_screening)
            if not all_screening:
                _latest_screening(gen, rows, before)
        with ctx.db.atomic():
            demo_repo.add_completed_visits(ctx.db, vars(rows))
        for name, n in rows.count().items():
            totals[name] = totals.get(name, 0) + n
    return (
        f"{totals['visits']} visits, {totals['areas']} areas, {totals['passes']} passes, "
        f"{totals['cartridges']} cartridges"
    )


def _latest_screening(gen: _Generator, rows: _Rows, first_index: int) -> None:
    if len(rows.visits) <= first_index:
        return
    last = rows.visits[-1]
    vid, by, at = last[0], last[2], last[7]
    for item_id, text, kind in gen.screening_items:
        answer = "acknowledged" if kind == "prompt" else "no"
        rows.screening.append((_uuid(gen.rng), vid, item_id, text, kind, answer, at, by))


def add_long_history(
    ctx: AppContext, patient_id: str, staff_ids: Sequence[str], *, visits: int, seed: int
) -> int:
    """A long-standing patient: series of three sessions 5-9 weeks apart, a pause of about
    four months between series, ending recently. For benchmarks and screenshots."""
    protocol = protocol_repo.current(ctx.db)
    gen = _Generator(protocol, staff_ids, ctx.now(), seed)
    gen.serial_prefix = f"H{seed % 1000:03d}"  # apart from the bulk demo's serials
    rng = gen.rng
    device = protocol.device("skinpen-precision")
    ctype = protocol.cartridge_types_for(device.id)[0]
    zones = [
        protocol.zone(z)
        for z in ("cheeks", "forehead", "neck", "chin_jawline")
        if _has_zone(protocol, z)
    ]
    gaps = [rng.randint(112, 140) if i % 3 == 0 else rng.randint(35, 63) for i in range(1, visits)]
    day = ctx.now() - timedelta(days=sum(gaps) + 10)
    rows = _Rows()
    plans = [(z, "general", _pick_depth(rng, z, "general", device)) for z in zones]
    for i in range(visits):
        if i:
            day += timedelta(days=gaps[i - 1])
        start = day.replace(hour=rng.randint(8, 16), minute=0, second=0, microsecond=0)
        chosen = plans[: rng.randint(2, len(plans))]
        by = rng.choice(list(staff_ids))
        numbing = rng.random() < 0.3
        gen._visit(
            rows,
            patient_id,
            by,
            device,
            ctype.id,
            ctype.needle_count,
            start,
            i % 3 + 1,
            chosen,
            numbing,
            True,
        )
    with ctx.db.atomic():
        demo_repo.add_completed_visits(ctx.db, vars(rows))
    return len(rows.visits)
