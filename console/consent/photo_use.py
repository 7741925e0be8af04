"""Which photo uses the patient's photo consent on record allows today (a query, no writes).

The same rules as the treatment consent, applied to the photo template: the latest signed photo
consent counts if it was not withdrawn, its text has not materially changed since, and it is
within the validity period; then each use (clinical record, teaching, marketing) is its own tick.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.consent.service import ConsentService
from console.context import AppContext
from console.data import consents_repo
from console.model import consent_rules as rules


@dataclass(frozen=True)
class PhotoUses:
    allowed: frozenset[str]  # photo choice ids the patient ticked, while the consent counts
    reason: str  # in words, for the screen: why nothing (or only some) is allowed

    def allows(self, use: str) -> bool:
        return use in self.allowed


def photo_uses(ctx: AppContext, patient_id: str) -> PhotoUses:
    service = ConsentService(ctx)
    templates = service.templates().of_kind("photo")
    if not templates:
        return PhotoUses(frozenset(), "The consent library has no photo consent.")
    ids = {t.id: t for t in templates}
    mine = [c for c in consents_repo.for_patient(ctx.db, patient_id) if c.template_id in ids]
    if not mine:
        return PhotoUses(frozenset(), "No photo consent on record for this patient.")
    latest = max(mine, key=lambda c: c.signed_at)
    zone = ctx.timezone()
    if any(c.withdrawn_at is not None and c.withdrawn_at >= latest.signed_at for c in mine):
        return PhotoUses(frozenset(), "The photo consent was withdrawn: a new one is needed.")
    if latest.material_version != ids[latest.template_id].material_version:
        return PhotoUses(frozenset(), "The photo consent text has changed since it was signed.")
    until = rules.valid_until(latest, service.policy(), zone)
    if ctx.now().astimezone(zone).date() > until:
        return PhotoUses(frozenset(), f"The photo consent expired on {until:%d %b %Y}.")
    allowed = frozenset(k for k, v in latest.choices.items() if v)
    return PhotoUses(allowed, "" if allowed else "The patient agreed to no use of photos.")
