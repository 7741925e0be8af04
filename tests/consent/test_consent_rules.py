"""When consent is asked again: material version, validity, new series, withdrawal."""

from __future__ import annotations

import copy

import pytest

from console.consent.service import ConsentService
from console.context import AppContext
from console.data import settings_repo
from console.errors import DomainError
from console.model.consent_rules import SignedConsent
from console.visit.service import VisitService
from tests.conftest import no_contraindications, one_area_visit
from tests.consent_support import request


def _screened(ctx: AppContext, patient: str) -> str:
    svc = VisitService(ctx)
    vid = svc.start_visit(patient)
    svc.answer_screening(vid, no_contraindications(ctx, vid))
    return vid


def _treatment(svc: ConsentService, patient: str) -> SignedConsent:
    return next(
        c.consent for c in svc.for_patient(patient) if c.consent.template_id == "microneedling"
    )


def test_first_visit_asks_and_the_signed_consent_covers_it(ctx, patient):
    consents = ConsentService(ctx)
    vid = _screened(ctx, patient)
    first = consents.coverage(vid)
    assert not first.covered and "No consent on record" in first.reason
    taken = consents.take(vid, request(ctx))
    assert taken.coverage.covered
    assert "signed during this visit" in taken.coverage.reason
    assert consents.missing(vid) == []


def test_next_visit_within_validity_uses_the_consent_on_record(ctx, patient, clock):
    one_area_visit(ctx, patient, clock, serial="A1")
    clock.advance(30 * 86400)
    vid = _screened(ctx, patient)
    cov = ConsentService(ctx).coverage(vid)
    assert cov.covered and "valid until 23 Nov 2027" in cov.reason
    # Covered, but the step still has to confirm it before the needle.
    assert ConsentService(ctx).missing(vid) == [
        "Confirm the patient's consent on the Consent step."
    ]


def test_expired_validity_asks_again(ctx, patient, clock):
    one_area_visit(ctx, patient, clock, serial="A1")
    settings_repo.put(ctx.db, "consent.valid_months", 3, now=ctx.now(), by=None)
    clock.advance(92 * 86400)
    cov = ConsentService(ctx).coverage(_screened(ctx, patient))
    assert not cov.covered and "expired on 23 Feb 2027" in cov.reason


def test_changed_material_version_asks_again_but_a_wording_fix_does_not(ctx, patient, clock):
    one_area_visit(ctx, patient, clock, serial="A1")
    svc = ConsentService(ctx)
    body = copy.deepcopy(svc.template_body())
    body["templates"][0]["texts"]["en"]["title"] = "Consent to microneedling"  # a wording fix
    svc.save_templates(body, "wording")
    vid = _screened(ctx, patient)
    assert svc.coverage(vid).covered
    body["templates"][0]["material_version"] = 2
    svc.save_templates(body, "new risk added")
    cov = svc.coverage(vid)
    assert not cov.covered and "version 1 then, 2 now" in cov.reason


def test_withdrawal_refuses_treatment_until_a_new_consent(ctx, patient, clock):
    one_area_visit(ctx, patient, clock, serial="A1")
    svc = ConsentService(ctx)
    consent = _treatment(svc, patient)
    with pytest.raises(DomainError, match="Say why"):
        svc.withdraw(consent.id, "   ")
    svc.withdraw(consent.id, "Patient phoned: no further sessions for now")
    listing = {c.consent.template_id: c.state for c in svc.for_patient(patient)}
    assert listing["microneedling"].startswith("withdrawn 24 Nov 2026")
    vid = _screened(ctx, patient)
    assert "withdrawn on 24 Nov 2026" in svc.coverage(vid).reason
    clock.advance(600)
    svc.take(vid, request(ctx))
    assert svc.coverage(vid).covered


def test_a_new_series_asks_again_when_the_clinic_renews_per_series(ctx, patient, clock):
    one_area_visit(ctx, patient, clock, serial="A1")
    settings_repo.put(ctx.db, "consent.renew", "series", now=ctx.now(), by=None)
    clock.advance(4 * 7 * 86400)  # next session of the same series
    vid = _screened(ctx, patient)
    assert ConsentService(ctx).coverage(vid).covered
    VisitService(ctx).stop_visit(vid, "Patient left")
    clock.advance(20 * 7 * 86400)  # a gap longer than twice the interval: a new series
    vid = _screened(ctx, patient)
    cov = ConsentService(ctx).coverage(vid)
    assert not cov.covered and "new series" in cov.reason


def test_start_pass_is_refused_without_consent_at_the_service_level(ctx, patient):
    from tests.conftest import cartridge_scan

    svc = VisitService(ctx)
    vid = _screened(ctx, patient)
    svc.set_device(vid, "skinpen-precision")
    svc.record_cartridge_label(
        vid, cartridge_scan("77"), cartridge_type_id="skinpen-14", seal_intact=True
    )
    svc.record_gel(vid, product="Gel", lot="G1")
    svc.mark_skin_cleansed(vid)
    area = svc.plan_area(vid, "forehead", depth_text="0.5", target_passes=1)
    with pytest.raises(DomainError, match="No valid consent"):
        svc.start_pass(area, "vertical")
    ConsentService(ctx).take(vid, request(ctx))
    svc.start_pass(area, "vertical")
    assert svc.running_area_id == area


def test_withdrawal_during_the_visit_stops_the_next_pass(ctx, patient, clock):
    from tests.conftest import ready_visit

    svc = VisitService(ctx)
    vid = ready_visit(ctx, patient)
    area = svc.plan_area(vid, "forehead", depth_text="0.5", target_passes=2)
    svc.start_pass(area, "vertical")
    clock.advance(20)
    svc.stop_pass()
    consents = ConsentService(ctx)
    consents.withdraw(_treatment(consents, patient).id, "Asked to stop")
    with pytest.raises(DomainError, match="withdrawn"):
        svc.start_pass(area, "horizontal")


def test_decline_stops_the_visit_with_the_reason(ctx, patient):
    vid = _screened(ctx, patient)
    svc = ConsentService(ctx)
    with pytest.raises(DomainError):
        svc.decline(vid, "")
    svc.decline(vid, "Wants to think about the risks")
    row = ctx.db.execute("SELECT status, stop_reason FROM visits WHERE id = ?", [vid]).fetchone()
    assert row == ("stopped", "Consent declined: Wants to think about the risks")
    kept = ctx.db.execute("SELECT reason FROM consent_declines WHERE visit_id = ?", [vid])
    assert kept.fetchone()[0] == "Wants to think about the risks"


def test_bad_signatures_names_and_pins_are_refused_and_nothing_is_saved(ctx, patient):
    from console.consent.signature import Point, Signature

    svc = ConsentService(ctx)
    vid = _screened(ctx, patient)
    dot = Signature(((Point(0.5, 0.5, 0),),))
    cases = [
        (request(ctx, signature=Signature(())), "Sign in the box"),
        (request(ctx, signature=dot), "too small"),
        (request(ctx, signer_name="   "), "Type your full name"),
        (request(ctx, signer_name="1234"), "letters"),
        (request(ctx, practitioner_pin="0000"), "Wrong PIN"),
    ]
    for req, message in cases:
        with pytest.raises(DomainError, match=message):
            svc.take(vid, req)
    assert ctx.db.execute("SELECT COUNT(*) FROM consents").fetchone()[0] == 0
    assert not (ctx.data_dir / "consents").exists() or not any(
        (ctx.data_dir / "consents").rglob("*.pdf")
    )


def test_text_changed_while_on_screen_is_refused(ctx, patient):
    svc = ConsentService(ctx)
    vid = _screened(ctx, patient)
    shown = request(ctx)
    svc.save_templates(svc.template_body(), "resaved")
    with pytest.raises(DomainError, match="changed in Settings"):
        svc.take(vid, shown)


def test_consent_rows_are_append_only(ctx, patient, clock):
    import sqlite3

    one_area_visit(ctx, patient, clock, serial="A1")
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        ctx.db.execute("UPDATE consents SET signer_name = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        ctx.db.execute("DELETE FROM consents")


def test_templates_are_checked_before_they_are_saved(ctx, staff):
    svc = ConsentService(ctx)
    body = copy.deepcopy(svc.template_body())
    body["templates"][0]["texts"]["en"]["sections"][0]["body"] = "  "
    with pytest.raises(DomainError, match="empty"):
        svc.save_templates(body, "oops")
    assert svc.templates().version == 1


def test_shipped_templates_are_marked_for_review_and_cover_the_risks(ctx):
    t = ConsentService(ctx).templates()
    assert "REVIEW" in t.review_note
    text = t.get("microneedling").shown_text().lower()
    for risk in ("redness", "swelling", "bruis", "infection", "pigment", "scarring", "cold sore"):
        assert risk in text
    photo = t.get("photos")
    assert photo.choices == ("clinical_record", "teaching_anonymised", "marketing")


def test_a_visit_resumes_at_consent_until_it_is_settled(ctx, patient):
    vid = _screened(ctx, patient)
    step = "SELECT step FROM visits WHERE id = ?"
    assert ctx.db.execute(step, [vid]).fetchone()[0] == "consent"
    ConsentService(ctx).take(vid, request(ctx))
    assert ctx.db.execute(step, [vid]).fetchone()[0] == "prep"
