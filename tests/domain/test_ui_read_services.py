"""What the screens read through services (not repositories): settings, accounts, the audit
trail, the protocol library's history, and whether a file can be the database at all."""

from __future__ import annotations

from pathlib import Path

from console.access import audit, auth
from console.context import AppContext
from console.data.db_file import DatabaseRefused
from console.files import startup_check
from console.protocol import edit as protocol_edit
from console.settings import service as settings_service
from tests.pins import staff_with_pins


def test_settings_read_with_defaults_and_the_window_place_is_kept_unaudited(
    ctx: AppContext, staff: list[str]
) -> None:
    assert settings_service.window_geometry(ctx) is None  # nothing saved: first start
    assert settings_service.get(ctx, "keys.lock") == settings_service.get_all(ctx)["keys.lock"]
    before = audit.count(ctx, audit.AuditFilter())
    settings_service.save_window_geometry(ctx, "AdnQ0AADAAAAAA==")
    assert settings_service.window_geometry(ctx) == "AdnQ0AADAAAAAA=="
    assert audit.count(ctx, audit.AuditFilter()) == before


def test_accounts_as_the_sign_in_and_accounts_screens_list_them(ctx: AppContext) -> None:
    ids = staff_with_pins(ctx)
    ctx.practitioner_id = ids[0]
    assert auth.display_name(ctx, ids[1]) == "Nurse Chloé Martin"
    assert auth.display_name(ctx, None) is None
    assert auth.signed_in_is_admin(ctx)
    auth.deactivate(ctx, ids[2])
    assert {p["id"] for p in auth.who_can_sign_in(ctx)} == {ids[0], ids[1]}
    assert len(auth.accounts(ctx)) == 3  # the deactivated one is still listed
    assert auth.names(ctx)[ids[2]] == "Aesthetician Nguyễn Thu"
    assert audit.actions(ctx) == ["practitioner.deactivate"]
    assert not auth.nobody_can_sign_in(ctx)


def test_the_library_says_who_saved_the_version_in_use(ctx: AppContext, staff: list[str]) -> None:
    shipped = protocol_edit.current(ctx)
    first = protocol_edit.version_stamp(ctx, shipped.version)
    assert first is not None and first.by_name is None  # the shipped defaults
    body = dict(shipped.body, directions=[*shipped.body["directions"], "Keep the room warm."])
    protocol_edit.save(ctx, body, note="warmer room")
    saved = protocol_edit.version_stamp(ctx, protocol_edit.current(ctx).version)
    assert saved is not None
    assert (saved.by_name, saved.note) == ("Dr Amara Okafor", "warmer room")
    assert protocol_edit.version_stamp(ctx, 999) is None


def test_a_file_that_cannot_be_the_database_is_refused_with_a_reason(tmp_path: Path) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    refused = startup_check.refusal(folder)
    assert isinstance(refused, DatabaseRefused) and refused.message
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 200, encoding="utf-8")
    assert isinstance(startup_check.refusal(text), DatabaseRefused)
    assert text.read_text(encoding="utf-8").startswith("not a database")  # left as it was
    fresh = tmp_path / "new" / "console.sqlite3"
    assert startup_check.refusal(fresh) is None
    assert fresh.parent.is_dir()  # made ready for the database to be created in
