"""consents_repo: template versions, signed consents never changed, withdrawals, visit links."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from console.clock import FakeClock
from console.data import consents_repo, visits_repo
from console.errors import NotFound
from console.visit.service import VisitService
from tests.data.contract.conftest import Store


def _sign(store: Store, patient_id: str, by: str, at: datetime, **changes: Any) -> str:
    values: dict[str, Any] = {
        "patient_id": patient_id,
        "visit_id": None,
        "template_id": "microneedling",
        "library_version": 1,
        "material_version": 1,
        "language": "fr",
        "text_sha256": "a" * 64,
        "choices": {"clinical_record": True, "marketing": False},
        "signer_name": "Zoë Łukasz-Nguyễn",
        "strokes": "[[[0.1, 0.2, 0]]]",
        "signature_sha256": "b" * 64,
        "signed_at": at,
        "signed_local": at.isoformat(),
        "room": "Salle 2",
        "practitioner_id": by,
        "witness_name": "",
        "document_id": "doc-1",
        "pdf_path": "consents/doc-1.pdf",
        "pdf_sha256": "c" * 64,
    }
    values.update(changes)
    with store.db.atomic():
        return consents_repo.insert_consent(store.db, **values)


def test_the_shipped_library_is_version_one_and_saving_adds_the_next(
    store: Store, practitioner: str
) -> None:
    shipped = consents_repo.current_templates(store.db)
    assert shipped.version == 1 and shipped.templates
    body = consents_repo.template_body(store.db, 1)
    body["review_note"] = "Reviewed by the clinic's lead, 2026"
    with store.db.atomic():
        saved = consents_repo.save_templates(
            store.db, body, now=store.ctx.now(), by=practitioner, note="yearly review"
        )
    assert saved.version == 2
    assert consents_repo.current_templates(store.db).version == 2
    assert consents_repo.templates_at(store.db, 1).version == 1  # old versions stay readable
    assert consents_repo.template_body(store.db, 2)["review_note"] == body["review_note"]
    with pytest.raises(NotFound):
        consents_repo.templates_at(store.db, 99)
    with pytest.raises(NotFound):
        consents_repo.template_body(store.db, 99)


def test_a_signed_consent_is_read_back_whole(
    store: Store, patient_id: str, practitioner: str, clock: FakeClock
) -> None:
    cid = _sign(store, patient_id, practitioner, clock.now())
    got = consents_repo.get(store.db, cid)
    assert (got.patient_id, got.template_id, got.language, got.signer_name, got.room) == (
        patient_id,
        "microneedling",
        "fr",
        "Zoë Łukasz-Nguyễn",
        "Salle 2",
    )
    assert got.choices == {"clinical_record": True, "marketing": False}
    assert got.signed_at == clock.now() and got.withdrawn_at is None
    assert consents_repo.strokes(store.db, cid) == "[[[0.1, 0.2, 0]]]"
    assert consents_repo.signature_sha256(store.db, cid) == "b" * 64
    for read in (consents_repo.get, consents_repo.strokes, consents_repo.signature_sha256):
        with pytest.raises(NotFound):
            read(store.db, "no-such-consent")


def test_consents_are_listed_newest_first_and_documents_counted(
    store: Store, patient_id: str, practitioner: str, clock: FakeClock
) -> None:
    older = _sign(store, patient_id, practitioner, clock.now())
    newer = _sign(
        store,
        patient_id,
        practitioner,
        clock.now() + timedelta(days=400),
        document_id="doc-2",
        template_id="photography",
    )
    same_doc = _sign(
        store, patient_id, practitioner, clock.now() + timedelta(days=400), document_id="doc-2"
    )
    assert [c.id for c in consents_repo.for_patient(store.db, patient_id)] == [
        same_doc,
        newer,
        older,
    ]
    assert consents_repo.count_documents(store.db, patient_id) == 2
    assert consents_repo.for_patient(store.db, "someone-else") == []


def test_signed_consents_refuse_update_and_delete_and_a_withdrawal_is_its_own_row(
    store: Store, patient_id: str, practitioner: str, clock: FakeClock
) -> None:
    cid = _sign(store, patient_id, practitioner, clock.now())
    with pytest.raises(store.refused), store.db.atomic():
        store.db.execute("UPDATE consents SET signer_name = 'Someone Else'")
    with pytest.raises(store.refused), store.db.atomic():
        store.db.execute("DELETE FROM consents")
    clock.advance(3600)
    with store.db.atomic():
        consents_repo.insert_withdrawal(
            store.db, consent_id=cid, at=clock.now(), by=practitioner, reason="Changed her mind"
        )
    got = consents_repo.get(store.db, cid)
    assert got.signer_name == "Zoë Łukasz-Nguyễn"
    assert (got.withdrawn_at, got.withdrawn_reason) == (clock.now(), "Changed her mind")
    with pytest.raises(store.refused), store.db.atomic():  # withdrawn once, and for good
        consents_repo.insert_withdrawal(
            store.db, consent_id=cid, at=clock.now(), by=practitioner, reason="again"
        )
    with pytest.raises(store.refused), store.db.atomic():
        store.db.execute("DELETE FROM consent_withdrawals")


def test_a_visit_link_is_replaced_by_a_later_one(
    store: Store, patient_id: str, practitioner: str, clock: FakeClock
) -> None:
    visit_id = VisitService(store.ctx).start_visit(patient_id)
    first = _sign(store, patient_id, practitioner, clock.now(), visit_id=visit_id)
    second = _sign(store, patient_id, practitioner, clock.now(), document_id="doc-2")
    assert consents_repo.linked_consent_id(store.db, visit_id) is None
    with store.db.atomic():
        consents_repo.link_visit(
            store.db, visit_id=visit_id, consent_id=first, at=clock.now(), how="signed"
        )
        consents_repo.link_visit(
            store.db, visit_id=visit_id, consent_id=second, at=clock.now(), how="on_record"
        )
    assert consents_repo.linked_consent_id(store.db, visit_id) == second
    linked = consents_repo.consents_by_visit(store.db, [visit_id, "other-visit"])
    assert list(linked) == [visit_id]
    assert (linked[visit_id]["consent_id"], linked[visit_id]["how"]) == (second, "on_record")
    facts = consents_repo.visit_facts(store.db, visit_id)
    assert (facts.patient_id, facts.series_number) == (patient_id, 1)
    assert consents_repo.visit_row(store.db, visit_id)["status"] == "open"
    with pytest.raises(NotFound):
        consents_repo.visit_facts(store.db, "no-such-visit")


def test_a_decline_is_kept_and_never_changed(
    store: Store, patient_id: str, practitioner: str, clock: FakeClock
) -> None:
    visit_id = VisitService(store.ctx).start_visit(patient_id)
    with store.db.atomic():
        consents_repo.insert_decline(
            store.db,
            visit_id=visit_id,
            template_id="microneedling",
            library_version=1,
            at=clock.now(),
            by=practitioner,
            reason="Wants to think about it",
        )
    with pytest.raises(store.refused), store.db.atomic():
        store.db.execute("UPDATE consent_declines SET reason = ''")
    with pytest.raises(store.refused), store.db.atomic():
        store.db.execute("DELETE FROM consent_declines")


def test_completed_visits_oldest_first(
    store: Store, patient_id: str, completed_visit: str, clock: FakeClock
) -> None:
    from tests.conftest import one_area_visit

    clock.advance(86400 * 40)
    later = one_area_visit(store.ctx, patient_id, clock, serial="0002")
    VisitService(store.ctx).start_visit(patient_id)  # open: not listed
    done = consents_repo.completed_visits(store.db, patient_id)
    assert [visit_id for visit_id, _at, _by in done] == [completed_visit, later]


def test_a_visit_waiting_at_consent_moves_on_to_prep_and_no_other_step_moves(
    store: Store, patient_id: str
) -> None:
    svc = VisitService(store.ctx)
    visit_id = svc.start_visit(patient_id)
    svc.set_step(visit_id, "consent")
    with store.db.atomic():
        consents_repo.advance_visit_past_consent(store.db, visit_id)
    assert visits_repo.load_record(store.db, visit_id).step == "prep"
    svc.set_step(visit_id, "plan")
    with store.db.atomic():
        consents_repo.advance_visit_past_consent(store.db, visit_id)
    assert visits_repo.load_record(store.db, visit_id).step == "plan"  # not sent back
