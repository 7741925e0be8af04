"""The signed consent PDF: what it holds, how it is archived, and that reprints are verified."""

from __future__ import annotations

import hashlib
import io
import stat

import pdfplumber
import pytest

from console.consent.service import ConsentService
from console.consent.signature import Signature
from console.data import consents_repo
from console.errors import DomainError
from console.visit.service import VisitService
from tests.conftest import no_contraindications
from tests.consent_support import request


@pytest.fixture
def taken(ctx, patient):
    svc = VisitService(ctx)
    vid = svc.start_visit(patient)
    svc.answer_screening(vid, no_contraindications(ctx, vid))
    return ConsentService(ctx).take(
        vid, request(ctx, witness_name="Nurse Chloé Martin", photo_choices={"marketing": True})
    )


def test_the_pdf_holds_the_text_the_names_the_signature_and_the_hash(ctx, taken):
    data = taken.pdf_path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == taken.pdf_sha256
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        images = [im for page in pdf.pages for im in page.images]
    consent = consents_repo.get(ctx.db, taken.consent_ids[0])
    assert "Consent to microneedling treatment" in text
    assert "scarring" in text and "cold sores" in text
    assert "Signed by: Zoë Łukasz-Nguyễn" in text
    assert "Witness: Nurse Chloé Martin" in text
    assert "Practitioner: Dr Amara Okafor, PIN checked 14:00:00" in text
    assert "2026-11-24 14:00:00 GMT (Europe/London)" in text
    assert consent.text_sha256 in text.replace("\n", "")
    assert "[x] Yes — Used in the clinic's advertising" in text
    assert "[ ] No — Kept in my clinical record" in text.replace("[  ]", "[ ]")
    assert len(images) == 1  # the signature


def test_the_file_is_private_and_its_hash_is_in_the_database(ctx, taken):
    mode = stat.S_IMODE(taken.pdf_path.stat().st_mode)
    assert mode == 0o600
    assert taken.pdf_path.is_relative_to(ctx.data_dir / "consents")
    for cid in taken.consent_ids:
        assert consents_repo.get(ctx.db, cid).pdf_sha256 == taken.pdf_sha256
    audit = ctx.db.execute("SELECT detail FROM audit_log WHERE action = 'consent.sign'").fetchone()[
        0
    ]
    assert taken.pdf_sha256 in audit


def test_the_stored_strokes_redraw_the_same_signature_image(ctx, taken):
    cid = taken.consent_ids[0]
    redrawn = Signature.from_json(consents_repo.strokes(ctx.db, cid)).png()
    assert hashlib.sha256(redrawn).hexdigest() == consents_repo.signature_sha256(ctx.db, cid)
    with pdfplumber.open(taken.pdf_path) as pdf:
        image = pdf.pages[-1].images[0] if pdf.pages[-1].images else pdf.pages[0].images[0]
    assert (image["srcsize"]) == (600, 200)


def test_reprint_verifies_the_archived_bytes_and_refuses_a_changed_file(ctx, taken):
    svc = ConsentService(ctx)
    assert svc.archived_pdf(taken.consent_ids[0]) == taken.pdf_path.read_bytes()
    taken.pdf_path.write_bytes(taken.pdf_path.read_bytes() + b"%changed\n")
    with pytest.raises(DomainError, match="changed after signing"):
        svc.archived_pdf(taken.consent_ids[0])
    taken.pdf_path.unlink()
    with pytest.raises(DomainError, match="missing"):
        svc.archived_pdf(taken.consent_ids[0])


def test_a_failed_registration_leaves_no_file(ctx, patient, monkeypatch):
    svc = VisitService(ctx)
    vid = svc.start_visit(patient)
    svc.answer_screening(vid, no_contraindications(ctx, vid))
    req = request(ctx)
    # The registering transaction fails after the file was written (as a full disk would).

    def refuse(*_a, **_k):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(consents_repo, "link_visit", refuse)
    with pytest.raises(RuntimeError):
        ConsentService(ctx).take(vid, req)
    assert list((ctx.data_dir / "consents").rglob("*.pdf")) == []
    assert ctx.db.execute("SELECT COUNT(*) FROM consents").fetchone()[0] == 0
