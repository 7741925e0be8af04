"""The demo clinic's consents are signed in each patient's language, as the Consent step would
show them, so the demo shows consents in several languages."""

from __future__ import annotations

import subprocess

from console.consent.demo import add_demo_consents
from console.context import AppContext
from console.data import consents_repo, patients_repo
from console.demo import clinic as demo
from console.demo.visits import add_visits
from tests.conftest import require_tool


def test_demo_consents_are_signed_in_the_patients_language(ctx: AppContext) -> None:
    staff = demo.create_practitioners(ctx.db, ctx.now())
    ids = demo.create_patients(ctx.db, 40, seed=3, now=ctx.now(), by=staff[0])
    add_visits(ctx, ids, staff, seed=3)
    assert add_demo_consents(ctx, ids, seed=3) > 0

    signed: dict[str, set[str]] = {}
    for pid in ids:
        patient = patients_repo.get(ctx.db, pid)
        assert patient is not None
        wanted = patient["preferred_language"] or "en"  # the demo clinic's language: English
        for c in consents_repo.for_patient(ctx.db, pid):
            assert c.language == wanted, patient["full_name"]
            template = consents_repo.templates_at(ctx.db, c.library_version).get(c.template_id)
            assert c.text_sha256 == template.text_sha256(wanted)  # the text signed is that one
            signed.setdefault(wanted, set()).add(c.id)
    assert {"en", "pl", "vi", "zh"} <= set(signed)

    # The archived PDF of a Chinese-reading patient is in Chinese.
    chinese = consents_repo.get(ctx.db, sorted(signed["zh"])[0])
    template = consents_repo.templates_at(ctx.db, chinese.library_version).get("microneedling")
    text = subprocess.run(
        [require_tool("pdftotext", "poppler-utils"), str(ctx.data_dir / chinese.pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert template.wording("zh").title in text.replace("\n", "")
