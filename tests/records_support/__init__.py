"""Helpers for the Records tests: visits made through the real visit service, with chosen lots."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from console.clock import FakeClock
from console.context import AppContext
from console.data import patients_repo
from console.visit.service import VisitService


def gtin_with_check(body13: str) -> str:
    """A 14-digit GTIN with its GS1 check digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body13)))
    return body13 + str((10 - total % 10) % 10)


GTIN_A = gtin_with_check("0950110102091")
GTIN_B = gtin_with_check("0885000947901")


def scan(gtin: str, lot: str, serial: str, expiry: str = "291231") -> str:
    return f"]d201{gtin}17{expiry}10{lot}\x1d21{serial}"


def add_patient(ctx: AppContext, name: str, dob: date, phone: str = "", email: str = "") -> str:
    return patients_repo.insert(
        ctx.db,
        full_name=name,
        date_of_birth=dob,
        phone=phone,
        email=email,
        fitzpatrick=2,
        now=ctx.now(),
        by=ctx.practitioner_id,
    )


def make_visit(
    ctx: AppContext,
    clock: FakeClock,
    patient_id: str,
    *,
    lot: str,
    serial: str,
    gtin: str = GTIN_A,
    gel_lot: str = "GEL-1",
    numbing_lot: str | None = None,
    areas: Sequence[tuple[str, str, Sequence[float]]] = (("cheeks", "0.75", (40, 45, 50)),),
    notes: str = "",
) -> str:
    """A completed visit: each area (zone, depth text, pass durations in seconds)."""
    from tests.conftest import no_contraindications
    from tests.consent_support import consent_for

    svc = VisitService(ctx)
    vid = svc.start_visit(patient_id)
    svc.answer_screening(vid, no_contraindications(ctx, vid))
    consent_for(ctx, vid)
    svc.set_device(vid, "skinpen-precision")
    svc.record_cartridge_label(
        vid, scan(gtin, lot, serial), cartridge_type_id="skinpen-14", seal_intact=True
    )
    if numbing_lot:
        cream = svc.apply_numbing(
            vid, product="EMLA 5% cream", lot=numbing_lot, applied_at=ctx.now(), wait_minutes=30
        )
        clock.advance(30 * 60)
        svc.remove_numbing(vid, cream)
    svc.record_gel(vid, product="Hyaluronic glide gel", lot=gel_lot)
    svc.mark_skin_cleansed(vid)
    directions = ("vertical", "horizontal", "diagonal")
    for zone, depth, durations in areas:
        area = svc.plan_area(vid, zone, depth_text=depth, target_passes=len(durations))
        for i, seconds in enumerate(durations):
            svc.start_pass(area, directions[i % 3])
            clock.advance(seconds)
            svc.stop_pass()
            clock.advance(5)
        svc.set_endpoint(area, "erythema")
    clock.advance(60)
    svc.complete(vid, notes=notes, adverse_events="")
    return vid
