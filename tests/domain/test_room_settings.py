"""Room settings live in a small file per PC; clinic settings in the shared database.

Real files and a real database file: two "PCs" are two room files against one database.
"""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import pytest

from console.context import AppContext, open_context
from console.data import audit_repo, settings_repo
from console.errors import DomainError
from console.files import paths
from console.settings import room
from console.settings import service as settings_service
from console.settings.service import check_value
from console.visit.completion import room_printer
from console.visit.pedal import treat_keys


def _room(ctx: AppContext, room_file: Path) -> AppContext:
    """A second PC on the same database file: same store, its own room file."""
    other = open_context(ctx.db_path, clock=ctx.clock)
    other.room_file = room_file
    other.signed_in = ctx.signed_in
    return other


def _changes(ctx: AppContext) -> list[dict[str, object]]:
    return [r for r in audit_repo.rows(ctx.db) if r["action"] == "settings.change"]


def test_two_rooms_on_one_database_keep_their_own_printer_and_type_size(
    ctx: AppContext, staff: list[str], tmp_path: Path, room_file: Path
) -> None:
    room_b = _room(ctx, tmp_path / "pc-b" / "room.json")
    try:
        settings_service.save(ctx, {"room.printer": "Room_A_Laser", "room.font_scale": 1.3})
        settings_service.save(
            room_b,
            {"room.printer": "Room_B_Inkjet", "room.name": "Room B", "keys.pass_toggle": "F9"},
        )
        # Clinic-wide: saved in one room, seen in the other.
        settings_service.save(room_b, {"clinic.name": "Glow Clinic"})

        assert room_printer(ctx) == "Room_A_Laser"
        assert room_printer(room_b) == "Room_B_Inkjet"
        assert settings_service.get(ctx, "room.font_scale") == 1.3
        assert settings_service.get(room_b, "room.font_scale") == 1.0
        assert treat_keys(ctx).pass_toggle == "Space"
        assert treat_keys(room_b).pass_toggle == "F9"
        assert settings_service.get(ctx, "clinic.name") == "Glow Clinic"
        assert settings_service.get_all(ctx)["room.name"] == ""
        assert settings_service.get_all(room_b)["room.name"] == "Room B"

        # Nothing of a room is in the shared database; each file is the PC's alone.
        assert not [k for k in settings_repo.stored(ctx.db) if k.startswith(("room.", "keys."))]
        for path in (room_file, room_b.room_file):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert json.loads(room_file.read_text())["settings"]["room.printer"] == "Room_A_Laser"

        # The trail still shows every room change, and that it went to a room file.
        printer_rows = sorted(
            (r for r in _changes(ctx) if r["entity_id"] == "room.printer"), key=lambda r: r["seq"]
        )
        details = [json.loads(str(r["detail"])) for r in printer_rows]
        assert [(d["new"], d["stored"]) for d in details] == [
            ("Room_A_Laser", "room file"),
            ("Room_B_Inkjet", "room file"),
        ]
    finally:
        room_b.close()


def test_a_one_room_install_keeps_its_printer_and_keys_on_upgrade(
    ctx: AppContext, staff: list[str], room_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # What an older version left in the database.
    with ctx.db.atomic():
        for key, value in (
            ("room.printer", "Front_Desk"),
            ("keys.pass_toggle", "F5"),
            ("room.font_scale", 1.2),
            ("clinic.name", "Old Clinic"),
        ):
            settings_repo.put(ctx.db, key, value, now=ctx.now(), by=None)
    assert not room_file.exists()

    with caplog.at_level(logging.INFO):
        assert room_printer(ctx) == "Front_Desk"
    assert "copied once from the database" in caplog.text
    saved = json.loads(room_file.read_text())["settings"]
    assert saved == {"room.printer": "Front_Desk", "keys.pass_toggle": "F5", "room.font_scale": 1.2}

    # The rows stay for older versions, but the file wins from now on.
    settings_service.save(ctx, {"room.printer": "Back_Office"})
    assert settings_repo.get(ctx.db, "room.printer") == "Front_Desk"
    assert room_printer(ctx) == "Back_Office"
    assert treat_keys(ctx).pass_toggle == "F5"
    caplog.clear()
    with caplog.at_level(logging.INFO):
        settings_service.get_all(ctx)
    assert "copied" not in caplog.text  # once only


def test_the_first_window_close_does_not_lose_the_upgrade(ctx: AppContext, room_file: Path) -> None:
    with ctx.db.atomic():
        settings_repo.put(ctx.db, "room.printer", "Front_Desk", now=ctx.now(), by=None)
    settings_service.save_window_geometry(ctx, "AdnQywADAAAAAA==")
    assert room_printer(ctx) == "Front_Desk"
    assert settings_service.window_geometry(ctx) == "AdnQywADAAAAAA=="


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"{ not json", "not a valid JSON file"),
        (b"\xff\xfe garbage", "not a valid JSON file"),
        (b'{"room.printer": "x"}', "not a Treatment Room Console room file"),
        (b"[1, 2, 3]", "not a Treatment Room Console room file"),
        (
            b'{"format": "treatment-room-console/room-settings", "version": 99, "settings": {}}',
            "newer version",
        ),
    ],
)
def test_a_file_that_is_not_ours_gives_defaults_a_sentence_and_is_kept_aside(
    ctx: AppContext, staff: list[str], room_file: Path, content: bytes, why: str
) -> None:
    room_file.parent.mkdir(parents=True)
    room_file.write_bytes(content)

    assert room_printer(ctx) == ""
    assert settings_service.get(ctx, "keys.pass_toggle") == "Space"
    problem = settings_service.room_file(ctx).problem
    assert why in problem and str(room_file) in problem and problem.count(".") <= 3
    assert room_file.read_bytes() == content  # reading never touches it

    saved = settings_service.save(ctx, {"room.printer": "Room_1"})
    (kept,) = room_file.parent.glob("room.json.bad-*")
    assert kept.read_bytes() == content  # kept aside whole, never overwritten
    assert kept.name in saved.notice
    assert room_printer(ctx) == "Room_1"
    assert settings_service.room_file(ctx).problem == ""


def test_a_value_of_the_wrong_type_falls_back_to_its_default_alone(
    ctx: AppContext, staff: list[str], room_file: Path
) -> None:
    room_file.parent.mkdir(parents=True)
    settings = {"room.printer": "Room_1", "room.font_scale": "big", "keys.lock": 12}
    room_file.write_text(
        json.dumps(
            {"format": "treatment-room-console/room-settings", "version": 1, "settings": settings}
        )
    )
    values = settings_service.get_all(ctx)
    assert values["room.printer"] == "Room_1"
    assert values["room.font_scale"] == 1.0 and values["keys.lock"] == "F12"
    problem = settings_service.room_file(ctx).problem
    assert "room.font_scale (The type size must be a number)" in problem
    assert "keys.lock" in problem

    settings_service.save(ctx, {"room.name": "Room 1"})
    assert len(list(room_file.parent.glob("room.json.bad-*"))) == 1
    rewritten = json.loads(room_file.read_text())["settings"]
    assert rewritten == {"room.printer": "Room_1", "room.name": "Room 1"}


def test_an_unwritable_room_folder_refuses_the_save_in_a_sentence_and_saves_nothing(
    ctx: AppContext, staff: list[str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the room folder should be")
    ctx.room_file = blocker / "room.json"
    before = len(_changes(ctx))

    with pytest.raises(DomainError) as refused:
        settings_service.save(ctx, {"room.printer": "Room_1", "clinic.name": "New Name"})
    message = refused.value.message
    assert message.startswith("Nothing was saved") and str(ctx.room_file) in message
    assert refused.value.field == "room.printer"
    # All or nothing: the clinic's name in the same save was not kept, nor any audit row.
    assert settings_service.get(ctx, "clinic.name") == "Your clinic"
    assert len(_changes(ctx)) == before

    # Closing the window there only costs its place: logged, never raised at close.
    with caplog.at_level(logging.WARNING):
        settings_service.save_window_geometry(ctx, "AdnQyw==")
    assert "window's place was not saved" in caplog.text


def test_an_upgrade_into_an_unwritable_folder_still_uses_the_databases_values(
    ctx: AppContext, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    ctx.room_file = blocker / "room.json"
    with ctx.db.atomic():
        settings_repo.put(ctx.db, "room.printer", "Front_Desk", now=ctx.now(), by=None)
    assert room_printer(ctx) == "Front_Desk"  # nobody loses their printer


def test_the_room_file_is_chosen_by_option_then_environment_then_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(paths.ROOM_FILE_ENV)
    assert paths.room_file_path() == paths.default_room_file()
    assert paths.default_room_file().name == "room.json"
    monkeypatch.setenv(paths.ROOM_FILE_ENV, str(tmp_path / "env.json"))
    assert paths.room_file_path() == tmp_path / "env.json"
    previous = paths.choose_room_file(tmp_path / "option.json")
    try:
        assert paths.room_file_path() == tmp_path / "option.json"
    finally:
        paths.choose_room_file(previous)
    assert paths.room_file_path() == tmp_path / "env.json"


def test_a_failed_transaction_puts_the_room_file_back(
    ctx: AppContext, staff: list[str], room_file: Path
) -> None:
    settings_service.save(ctx, {"room.printer": "Room_1"})
    before = room_file.read_bytes()
    with pytest.raises(RuntimeError), room.transaction(ctx, check_value) as write:
        write({"room.printer": "Room_2"})
        raise RuntimeError("the database refused the commit")
    assert room_file.read_bytes() == before
    assert room_printer(ctx) == "Room_1"


def test_the_watched_photo_folder_is_this_pcs_and_its_change_audited(
    ctx: AppContext, staff: list[str], tmp_path: Path, room_file: Path
) -> None:
    from console.photos.service import PhotoService

    folder = tmp_path / "tether"
    folder.mkdir()
    PhotoService(ctx).set_watch_folder(folder)
    assert PhotoService(ctx).watch_folder() == folder
    assert json.loads(room_file.read_text())["settings"]["room.photo_folder"] == str(folder)
    assert settings_service.room_file(ctx).problem == ""
    assert "room.photo_folder" not in settings_repo.stored(ctx.db)
    (row,) = [r for r in audit_repo.rows(ctx.db) if r["action"] == "settings.photo_folder"]
    assert json.loads(str(row["detail"])) == {"folder": str(folder)}


def test_a_folder_given_as_the_room_file_is_refused_and_left_where_it_is(
    ctx: AppContext, staff: list[str], tmp_path: Path
) -> None:
    folder = tmp_path / "a-folder"
    (folder / "inside.txt").parent.mkdir()
    (folder / "inside.txt").write_text("mine")
    ctx.room_file = folder
    assert "it is a folder" in settings_service.room_file(ctx).problem
    with pytest.raises(DomainError, match="it is a folder"):
        settings_service.save(ctx, {"room.printer": "Room_1"})
    assert (folder / "inside.txt").read_text() == "mine"
