"""A completed visit's sheet in another language than the archived one (for a relative who
reads another language, say): made from the record, audited, never replacing the archive."""

from __future__ import annotations

from console.aftercare.sheet import build_sheet
from console.context import AppContext
from console.data import protocol_repo, settings_repo, visits_repo
from console.errors import DomainError
from console.texts.languages import normalise_code


def sheet_in_language(ctx: AppContext, visit_id: str, language: str) -> bytes:
    code = normalise_code(language)
    record = visits_repo.load_record(ctx.db, visit_id)
    if record.status != "completed":
        raise DomainError(
            "The aftercare sheet is made once the visit is completed; "
            f"this visit is {record.status}."
        )
    protocol = protocol_repo.get(ctx.db, record.protocol_version)
    data = build_sheet(record, protocol, settings_repo.get_all(ctx.db), language=code)
    ctx.audit(
        "handout.language_copy", entity="visit", entity_id=visit_id, detail={"language": code}
    )
    return data
