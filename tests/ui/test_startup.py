"""At start a damaged database is found and, on a yes, the newest sound backup restored."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext, open_context
from console.data import audit_repo
from console.files import backup
from console.ui.shell import startup
from console.ui.shell.startup import DamagedDatabaseDialog
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
        DamagedDatabaseDialog,
        "ask",
        classmethod(lambda cls, text, can_restore: asked.append((text, can_restore)) or False),
    )
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
    from console.ui.shell.app import run

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
    from console.ui.shell.app import run
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
    from console.ui.shell.app import run

    told: list[str] = []
    monkeypatch.setattr(
        DamagedDatabaseDialog, "tell", classmethod(lambda cls, t, text: told.append(text))
    )
    # /proc takes no new folders, even from root.
    path = Path("/proc/treatment-room-console-test/console.sqlite3")
    assert run(path) == 1
    assert "cannot be created" in told[0]
    assert not path.parent.exists()


# -- the check off the path to the first screen (issue 18) ----------------------------------
def corrupt_table(db_path: Path, table: str) -> None:
    """Overwrite the root page of ``table`` as a failing disk would: the file still opens and
    its schema reads, so only a check that walks the tables finds it."""
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table])
        page = root.fetchone()[0]
    with db_path.open("r+b") as f:
        f.seek((page - 1) * page_size)
        f.write(b"\xa5" * page_size)


@pytest.fixture
def sound(ctx: AppContext, staff: list[str], db_path: Path) -> Path:
    backup.backup_now(ctx, "morning")
    ctx.db.close()  # checkpoints the WAL into the file
    return db_path


def _wait_for_backups() -> None:
    """The day's backup, started once the check passed, runs on its own thread."""
    import threading

    for thread in threading.enumerate():
        if thread.name == "console-backup":
            thread.join(30)


def _session(db_path: Path) -> tuple[object, startup.SingleInstance]:
    from PySide6.QtWidgets import QApplication

    from console.ui.shell.app import Session

    instance = startup.SingleInstance(db_path)
    assert instance.acquire()
    app = QApplication.instance()
    return Session(app, db_path, instance), instance  # type: ignore[arg-type]


def test_the_window_shows_held_then_opens_for_sign_in_once_the_check_passed(
    qtbot: QtBot, sound: Path
) -> None:
    session, instance = _session(sound)
    try:
        session.open()  # type: ignore[attr-defined]
        window = session.window  # type: ignore[attr-defined]
        qtbot.addWidget(window)
        assert window.isVisible()
        assert window.held and not window.centralWidget().isEnabled()
        assert "Checking the database" in window.status.text()
        qtbot.waitUntil(lambda: not window.held, timeout=10_000)
        assert window.centralWidget().isEnabled()
        assert window.status.text() == "Not signed in"
        # Attached once both the first paint and the check are done, in whichever order.
        qtbot.waitUntil(lambda: getattr(window, "idle_lock", None) is not None, timeout=10_000)
        session.check.worker.join(10)  # type: ignore[attr-defined]
        assert not session.damaged  # type: ignore[attr-defined]
    finally:
        session.close()  # type: ignore[attr-defined]
        _wait_for_backups()
        instance.release()


def test_damage_found_once_the_window_is_up_is_offered_a_restore_before_any_write(
    qtbot: QtBot, sound: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corrupt_table(sound, "patients")  # nothing the sign-in screen reads
    marker = startup.startup_check.SessionMarker(sound)
    assert startup.startup_check.before_use(sound, marker) == ["ok"]  # not caught before
    before = sound.read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(
        DamagedDatabaseDialog,
        "ask",
        classmethod(lambda cls, text, can_restore: asked.append(text) or False),
    )
    session, instance = _session(sound)
    try:
        session.open()  # type: ignore[attr-defined]
        assert session.window.held  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
        assert "failed SQLite's check" in asked[0]
        assert session.window is None  # type: ignore[attr-defined]  # closed, never released
        assert session.damaged  # type: ignore[attr-defined]
    finally:
        session.close()  # type: ignore[attr-defined]
        instance.release()
    assert sound.read_bytes() == before  # nothing written: no sign-in, no geometry, no backup
    assert len(backup.list_backups(sound.parent / "backups")) == 1


def test_a_restore_after_the_window_was_up_opens_it_again_on_the_restored_file(
    qtbot: QtBot, sound: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corrupt_table(sound, "patients")
    monkeypatch.setattr(
        DamagedDatabaseDialog, "ask", classmethod(lambda cls, text, can_restore: True)
    )
    monkeypatch.setattr(DamagedDatabaseDialog, "tell", classmethod(lambda cls, t, text: None))
    session, instance = _session(sound)
    try:
        session.open()  # type: ignore[attr-defined]
        first = session.window  # type: ignore[attr-defined]
        assert first is not None
        qtbot.waitUntil(lambda: session.window is not first, timeout=10_000)  # type: ignore[attr-defined]
        window = session.window  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: not window.held, timeout=10_000)
        assert backup.check_file(sound) == ["ok"]
        assert list(sound.parent.glob("console.sqlite3.replaced-*"))
        window.close()
    finally:
        session.close()  # type: ignore[attr-defined]
        _wait_for_backups()
        instance.release()
        if session.window is not None:  # type: ignore[attr-defined]
            session.window.ctx.db.close()  # type: ignore[attr-defined]
            session.window.deleteLater()  # type: ignore[attr-defined]


def test_after_a_session_that_did_not_end_cleanly_the_full_check_comes_first(
    sound: Path,
) -> None:
    corrupt_table(sound, "patients")
    marker = startup.startup_check.SessionMarker(sound)
    assert startup.startup_check.before_use(sound, marker) == ["ok"]
    marker.create()  # as a killed console leaves it
    assert marker.path.name == "console.sqlite3.running"
    assert startup.startup_check.before_use(sound, marker) != ["ok"]
    marker.remove()
    assert not marker.left_behind()


def test_a_file_that_is_not_a_database_is_caught_before_the_window(tmp_path: Path) -> None:
    path = tmp_path / "console.sqlite3"
    path.write_bytes(b"this is a letter, not a database\n" * 500)
    marker = startup.startup_check.SessionMarker(path)
    assert startup.startup_check.before_use(path, marker) != ["ok"]
