"""Consent for test visits, taken the way the Consent step takes it (PIN, strokes, PDF)."""

from __future__ import annotations

from console.consent.service import ConsentService, SigningRequest
from console.consent.signature import Point, Signature
from console.context import AppContext
from console.data import practitioners_repo
from console.demo import clinic as demo
from tests.pins import cached_hash

PIN_OF = {name: pin for name, _role, pin in demo.DEMO_PRACTITIONERS}


def scribble(n: int = 12) -> Signature:
    """A zigzag across the pad over about a second: a plausible signature."""
    return Signature(
        (
            tuple(Point(0.1 + 0.06 * i, 0.3 + 0.4 * (i % 2), 80 * i) for i in range(n)),
            tuple(Point(0.2 + 0.05 * i, 0.8, 1200 + 50 * i) for i in range(4)),
        )
    )


def signed_in_pin(ctx: AppContext) -> str:
    """The signed-in practitioner's PIN; demo staff made without one get their README PIN."""
    pid = ctx.require_practitioner()
    row = practitioners_repo.get(ctx.db, pid)
    assert row is not None
    pin = PIN_OF[str(row["display_name"])]
    if not row["pin_hash"]:
        with ctx.db.atomic():
            practitioners_repo.set_pin_hash(ctx.db, pid, cached_hash(pin))
    return pin


def request(ctx: AppContext, **changes: object) -> SigningRequest:
    values: dict[str, object] = {
        "library_version": ConsentService(ctx).templates().version,
        "signer_name": "Zoë Łukasz-Nguyễn",
        "signature": scribble(),
        "practitioner_pin": signed_in_pin(ctx),
        "photo_choices": {"clinical_record": True},
    }
    values.update(changes)
    return SigningRequest(**values)  # type: ignore[arg-type]


def consent_for(ctx: AppContext, visit_id: str) -> None:
    """Cover the visit: the consent on record if it still counts, else a new signed one."""
    svc = ConsentService(ctx)
    if svc.coverage(visit_id).covered:
        svc.use_on_record(visit_id)
    else:
        svc.take(visit_id, request(ctx))
