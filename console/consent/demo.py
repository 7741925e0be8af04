"""Consents for the demo clinic: each patient signed at their first visit, and again when the
last consent had run out, with a made-up signature; real PDFs, rows and links."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta

from console.consent import languages
from console.consent.service import ConsentService
from console.consent.signature import Point, Signature
from console.context import AppContext
from console.data import consents_repo, patients_repo, settings_repo
from console.model import consent_rules as rules
from console.texts import languages as language_texts


def _scrawl(rng: random.Random) -> Signature:
    strokes = []
    t = 0
    for s in range(rng.randint(1, 3)):
        x, y = 0.08 + 0.28 * s, rng.uniform(0.35, 0.6)
        points = []
        for _ in range(rng.randint(8, 20)):
            x = min(0.95, x + rng.uniform(0.01, 0.04))
            y = min(0.9, max(0.1, y + rng.uniform(-0.15, 0.15)))
            t += rng.randint(15, 40)
            points.append(Point(x, y, t))
        strokes.append(tuple(points))
        t += rng.randint(150, 400)
    return Signature(tuple(strokes))


def add_demo_consents(ctx: AppContext, patient_ids: Sequence[str], *, seed: int) -> int:
    """Sign and link consents for the patients' completed visits; returns how many signings.

    Each is signed in the language the Consent step would show the patient (theirs when the
    consent exists in it, else the clinic's), so the demo shows consents in several languages."""
    service = ConsentService(ctx)
    templates, policy, zone = service.templates(), service.policy(), ctx.timezone()
    clinic = language_texts.clinic_language(settings_repo.get_all(ctx.db))
    rng = random.Random(seed * 7919 + 3)
    signings = 0
    for pid in patient_ids:
        patient = patients_repo.get(ctx.db, pid)
        if patient is None:
            continue
        language = languages.choose(
            templates, patient.get("preferred_language") or None, clinic
        ).code
        until = None
        current = ""
        for visit_id, started, by in consents_repo.completed_visits(ctx.db, pid):
            if until is None or started.astimezone(zone).date() > until:
                signed_at = started + timedelta(minutes=4)
                _, _, ids = service.record_signing(
                    visit_id=visit_id,
                    patient_id=pid,
                    by=by,
                    templates=templates,
                    signer=str(patient["full_name"]),
                    signature=_scrawl(rng),
                    witness="",
                    identity="known to the practitioner",
                    language=language,
                    choices={"clinical_record": True, "marketing": rng.random() < 0.2},
                    now=signed_at,
                )
                current = ids[0]
                until = rules.add_months(signed_at.astimezone(zone).date(), policy.valid_months)
                until -= timedelta(days=1)
                signings += 1
            else:
                with ctx.db.atomic():
                    consents_repo.link_visit(
                        ctx.db,
                        visit_id=visit_id,
                        consent_id=current,
                        at=started,
                        how="on_record",
                    )
    return signings
