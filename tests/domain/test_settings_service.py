from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from reportlab.lib.utils import ImageReader

from console.context import AppContext
from console.data import audit_repo, settings_repo
from console.errors import DomainError
from console.settings.service import SettingsInvalid, check, save
from tests import images


def test_refusals_with_messages_next_to_each_field() -> None:
    _, problems = check(
        {
            "clinic.name": "   ",
            "clinic.timezone": "Europe/Londres",
            "clinic.paper": "A5",
            "clinic.locale": "de_DE",
            "clinic.phone": "call us",
            "clinic.website": "not a site",
            "room.idle_lock_minutes": 0,
            "room.font_scale": 3,
            "keys.pass_toggle": "F13",
            "keys.next_area": "F13",
        }
    )
    assert problems == {
        "clinic.name": "The clinic needs a name: it heads every sheet.",
        "clinic.timezone": "Choose a time zone from the list (e.g. Europe/London).",
        "clinic.paper": "Choose A4 or Letter.",
        "clinic.locale": "Choose how dates are written, e.g. en_GB (25 Nov, 15:40) or en_US "
        "(Nov 25, 3:40 PM).",
        "clinic.phone": "Use digits, spaces and + ( ) - only.",
        "clinic.website": "Give a web address starting with https://.",
        "room.idle_lock_minutes": "The idle lock must be between 1 and 60.",
        "room.font_scale": "The type size must be between 0.8 and 2.",
        "keys.next_area": "Already used for start/stop pass.",
    }


def test_good_values_are_tidied() -> None:
    tidy, problems = check(
        {
            "clinic.timezone": "America/New_York",
            "clinic.website": "www.clinic.co.uk",
            "clinic.phone": "+44  20 7946 0958",
            "clinic.paper": "Letter",
            "clinic.locale": "en-US",
        }
    )
    assert problems == {}
    assert tidy["clinic.website"] == "https://www.clinic.co.uk"
    assert tidy["clinic.phone"] == "+44 20 7946 0958"
    assert tidy["clinic.locale"] == "en_US"
    assert check({"clinic.phone": "12 34"})[1] == {
        "clinic.phone": "A phone number has 6 to 17 digits."
    }


def test_save_writes_only_changes_each_with_an_audit_row(ctx: AppContext, staff: list[str]) -> None:
    result = save(ctx, {"clinic.name": "Clinique Zoë", "clinic.paper": "A4", "keys.lock": "F12"})
    assert result.changed == ("clinic.name",)  # A4 and F12 are the defaults already
    assert settings_repo.get(ctx.db, "clinic.name") == "Clinique Zoë"
    row = audit_repo.rows(ctx.db, limit=1)[0]
    assert (row["action"], row["entity_id"], row["practitioner_id"]) == (
        "settings.change",
        "clinic.name",
        staff[0],
    )
    assert json.loads(row["detail"]) == {
        "key": "clinic.name",
        "old": "Your clinic",
        "new": "Clinique Zoë",
    }


def test_save_refuses_whole_batch_when_one_field_is_wrong(
    ctx: AppContext, staff: list[str]
) -> None:
    with pytest.raises(SettingsInvalid) as refused:
        save(ctx, {"clinic.name": "New name", "clinic.timezone": "Mars/Olympus"})
    assert refused.value.field == "clinic.timezone"
    assert settings_repo.get(ctx.db, "clinic.name") == "Your clinic"  # nothing half-saved
    assert not [r for r in audit_repo.rows(ctx.db) if r["action"] == "settings.change"]


def test_only_admins_save_once_accounts_exist(ctx: AppContext, staff: list[str]) -> None:
    ctx.practitioner_id = staff[1]
    with pytest.raises(DomainError, match="Only an admin"):
        save(ctx, {"clinic.name": "Taken over"})
    assert settings_repo.get(ctx.db, "clinic.name") == "Your clinic"


def test_fresh_install_without_accounts_may_set_itself_up(ctx: AppContext) -> None:
    assert save(ctx, {"clinic.name": "First clinic"}).changed == ("clinic.name",)


def test_logo_is_checked_copied_private_and_replaced(
    ctx: AppContext, staff: list[str], tmp_path: Path
) -> None:
    logo = images.solid(tmp_path / "my logo.png")
    save(ctx, {"clinic.logo_path": str(logo)})
    stored = Path(settings_repo.get(ctx.db, "clinic.logo_path"))
    assert stored == ctx.data_dir / "branding" / "logo.png"
    assert stored.read_bytes() == logo.read_bytes()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert ImageReader(str(stored)).getSize() == (64, 32)
    # A JPEG replaces the PNG: one logo file, no orphan.
    jpeg = images.solid(tmp_path / "logo.jpg", colour="navy")
    save(ctx, {"clinic.logo_path": str(jpeg)})
    assert sorted(p.name for p in (ctx.data_dir / "branding").iterdir()) == ["logo.jpg"]
    save(ctx, {"clinic.logo_path": ""})
    assert list((ctx.data_dir / "branding").iterdir()) == []


def test_logo_refusals(ctx: AppContext, staff: list[str], tmp_path: Path) -> None:
    gif = images.solid(tmp_path / "logo.gif")
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really an image" * 10)
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(images.noise(tmp_path / "big.png").read_bytes()[:400])
    expected = {
        gif: "The logo must be a PNG or JPEG image.",
        fake: "The logo file is damaged or not really an image.",
        truncated: "The logo file is damaged or not really an image.",
        tmp_path / "missing.png": "The logo file could not be read (No such file or directory).",
    }
    for path, message in expected.items():
        with pytest.raises(SettingsInvalid) as refused:
            save(ctx, {"clinic.logo_path": str(path)})
        assert refused.value.problems == {"clinic.logo_path": message}, path
    assert settings_repo.get(ctx.db, "clinic.logo_path") == ""
    assert not (ctx.data_dir / "branding").exists()
