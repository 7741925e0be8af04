"""A new protocol version changes new sheets only: an archived sheet stays as it was."""

from __future__ import annotations

import copy
import io
from datetime import timedelta

import pdfplumber

from console.aftercare import archive
from console.aftercare.timeline import clinic_zone, format_long_date
from console.clock import FakeClock
from console.context import AppContext
from console.data import protocol_repo, visits_repo
from console.protocol.edit import save
from tests.conftest import one_area_visit


def _text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def _next_day_text(ctx: AppContext, visit_id: str, weeks: int) -> str:
    record = visits_repo.load_record(ctx.db, visit_id)
    assert record.ended_at is not None
    day = record.ended_at.astimezone(clinic_zone("Europe/London")).date() + timedelta(weeks=weeks)
    return format_long_date(day)


def test_changed_interval_moves_new_sheets_but_not_the_archived_one(
    ctx: AppContext, completed_visit: str, patient: str, clock: FakeClock
) -> None:
    old = archive.create_handout(ctx, completed_visit)
    old_bytes = old.path.read_bytes()
    seven = _next_day_text(ctx, completed_visit, 7)
    assert f"{seven} (7 weeks after this one)" in _text(old_bytes)

    body = copy.deepcopy(protocol_repo.current(ctx.db).body)
    body["series"]["interval_weeks"] = 4
    assert save(ctx, body, note="4 weeks between sessions").version == 2

    # The archived sheet is untouched and still verifies; even a sheet made again for that
    # visit uses the version it was done under.
    assert archive.archived_handout(ctx, completed_visit) == old_bytes
    again = archive.create_handout(ctx, completed_visit, regenerate=True)
    assert f"{seven} (7 weeks after this one)" in _text(again.path.read_bytes())

    clock.advance(7 * 24 * 3600)  # a week later, a new visit under version 2
    visit_id = one_area_visit(ctx, patient, clock, serial="0002")
    assert visits_repo.load_record(ctx.db, visit_id).protocol_version == 2
    new_text = _text(archive.create_handout(ctx, visit_id).path.read_bytes())
    four = _next_day_text(ctx, visit_id, 4)
    assert f"{four} (4 weeks after this one)" in new_text
    assert "7 weeks after" not in new_text


def test_a_clinic_sets_itself_up_and_the_next_sheet_shows_it(
    ctx: AppContext, completed_visit: str, patient: str, clock: FakeClock, tmp_path
) -> None:
    """Issue 7's "done when": name, logo, printer, depth ranges and wording, then a sheet."""
    from console.settings.service import save as save_settings
    from tests import images

    logo = images.solid(tmp_path / "logo.png", (300, 90), "#2f6f73")
    save_settings(
        ctx,
        {
            "clinic.name": "Klinika Skóry Łódź",
            "clinic.logo_path": str(logo),
            "room.printer": "Room-2",
            "clinic.phone": "+48 42 555 01 02",
        },
    )
    body = copy.deepcopy(protocol_repo.current(ctx.db).body)
    cheeks = next(z for z in body["zones"] if z["id"] == "cheeks")
    cheeks["typical"]["general"] = [0.75, 1.25]
    body["aftercare_rules"][0]["text"] = "Bez makijażu przez pierwszą dobę."
    save(ctx, body, note="our ranges and wording")

    clock.advance(3600)
    visit_id = one_area_visit(ctx, patient, clock, serial="0003", zone="cheeks", depth="1.0")
    data = archive.create_handout(ctx, visit_id).path.read_bytes()
    text = _text(data)
    assert "Klinika Skóry Łódź" in text and "+48 42 555 01 02" in text
    assert "Bez makijażu przez pierwszą dobę." in text
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert pdf.pages[0].images, "the logo is on the first page"
    assert str(protocol_repo.current(ctx.db).zone("cheeks").typical_range("general")[0]) == "0.75"
