"""At start a damaged database is found and, on a yes, the newest sound backup restored."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console import backup
from console.clock import FakeClock
from console.context import AppContext, open_context
from console.data import audit_repo
from console.ui import startup
from console.ui.startup import DamagedDatabaseDialog
from tests.data.test_backup import corrupt


@pytest.fixture
def damaged(ctx: AppContext, staff: list[str], clock: FakeClock, db_path: Path) -> Path:
    """Two backups (the newer one damaged too), then the database itself damaged."""
    backup.backup_now(ctx, "morning")
    clock.advance(3600)
    bad = backup.backup_now(ctx, "later").path
    corrupt(bad)
    ctx.db.close()
    corrupt(db_path)
    return db_path


def test_damaged_database_restored_from_newest_sound_backup_after_asking(
    qtbot: QtBot, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        DamagedDatabaseDialog,
        "ask",
        classmethod(lambda cls, text, can_restore: asked.append(text) or True),
    )
    monkeypatch.setattr(
        DamagedDatabaseDialog, "tell", classmethod(lambda cls, t, text: told.append(text))
    )
    assert startup.check_database(damaged) is True
    assert "failed SQLite's check" in asked[0]
    assert "console-20261124-140000.sqlite3" in asked[0]  # the sound one, not the newer damaged one
    assert "kept as console.sqlite3.replaced-" in told[0]
    assert backup.startup_check(damaged) == ["ok"]
    ctx = open_context(damaged)
    assert audit_repo.rows(ctx.db, limit=1)[0]["action"] == "backup.restore"
    ctx.db.close()
    assert list(damaged.parent.glob("console.sqlite3.replaced-*"))


def test_saying_no_leaves_the_damaged_file_alone(
    qtbot: QtBot, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = damaged.read_bytes()
    monkeypatch.setattr(
        DamagedDatabaseDialog, "ask", classmethod(lambda cls, text, can_restore: False)
    )
    assert startup.check_database(damaged) is False
    assert damaged.read_bytes() == before


def test_no_sound_backup_says_so(
    qtbot: QtBot, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in backup.list_backups(damaged.parent / "backups"):
        corrupt(path)
    asked: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        DamagedDatabaseDialog, "ask",
        classmethod(lambda cls, text, can_restore: asked.append((text, can_restore)) or False),
    )  # fmt: skip
    assert startup.check_database(damaged) is False
    assert asked[0][1] is False and "no sound backup" in asked[0][0]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"%PDF-1.4\n% a referral letter\n", "not a readable console database"),
        (b"", "empty file"),
    ],
)
def test_the_app_refuses_a_file_that_is_not_its_database_in_one_sentence(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    words: str,
) -> None:
    from console.ui.app import run

    told: list[str] = []
    monkeypatch.setattr(
        DamagedDatabaseDialog, "tell", classmethod(lambda cls, t, text: told.append(text))
    )
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    assert run(path) == 1
    assert len(told) == 1 and words in told[0]
    assert capsys.readouterr().err.strip() == told[0]
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]


def test_the_app_refuses_a_newer_consoles_database(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.ui.app import run
    from tests.e2e.test_cli_bad_targets import make_newer_db, snapshot

    told: list[str] = []
    monkeypatch.setattr(
        DamagedDatabaseDialog, "tell", classmethod(lambda cls, t, text: told.append(text))
    )
    path = make_newer_db(tmp_path / "console.sqlite3")
    before = snapshot(path)
    assert run(path) == 1
    assert "made by a newer version of the console" in told[0]
    assert snapshot(path) == before


def test_the_app_says_when_its_database_cannot_be_created(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.ui.app import run

    told: list[str] = []
    monkeypatch.setattr(
        DamagedDatabaseDialog, "tell", classmethod(lambda cls, t, text: told.append(text))
    )
    # /proc takes no new folders, even from root.
    path = Path("/proc/treatment-room-console-test/console.sqlite3")
    assert run(path) == 1
    assert "cannot be created" in told[0]
    assert not path.parent.exists()
