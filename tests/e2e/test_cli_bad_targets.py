"""Every command given a --db it must not use: one sentence on stderr, non-zero, target as it was.

Real subprocesses on real files: a folder, an empty file, random bytes, a PDF, a console
database cut short, another program's SQLite file, a newer console's database, nothing at all.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from console.clock import FakeClock
from console.context import open_context
from console.protocol.edit import export_file
from tests.e2e.test_cli_basics import run_console

NEWER_STEP = "9999_from_a_newer_console"


def make_console_db(path: Path, clock: FakeClock | None = None) -> Path:
    """A sound console database written the way the app writes one (then checkpointed)."""
    ctx = open_context(path, clock=clock)
    ctx.db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")  # one plain file, nothing beside it
    conn.close()
    return path


def make_newer_db(path: Path) -> Path:
    make_console_db(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('console', ?, '2031-01-01 00:00:00')",
            [NEWER_STEP],
        )
    conn.close()
    return path


def _folder(p: Path) -> None:
    p.mkdir()
    (p / "notes.txt").write_text("the clinic's own file\n")


def _random(p: Path) -> None:
    p.write_bytes(random.Random(11).randbytes(20_000))


def _pdf(p: Path) -> None:
    pdf = Canvas(str(p))
    pdf.drawString(72, 720, "A referral letter, not a database")
    pdf.save()


def _truncated(p: Path) -> None:
    make_console_db(p)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])


def _foreign(p: Path) -> None:
    conn = sqlite3.connect(p)
    with conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO photos (name) VALUES ('holiday.jpg')")
    conn.close()


# name → (how to make it, words the one sentence must hold)
BAD_TARGETS: dict[str, tuple[Callable[[Path], object], str]] = {
    "folder": (_folder, "is a folder"),
    "empty": (lambda p: p.write_bytes(b""), "empty file"),
    "random bytes": (_random, "not a readable console database"),
    "pdf": (_pdf, "not a readable console database"),
    "truncated": (_truncated, "damaged"),
    "not ours": (_foreign, "not one of the console's"),
    "newer": (make_newer_db, "made by a newer version of the console"),
}


@dataclass(frozen=True)
class Snapshot:
    exists: bool
    mode: int | None
    mtime_ns: int | None
    content: bytes | tuple[str, ...] | None
    beside: tuple[str, ...]  # what the folder holding it holds (nothing created next to it)


def snapshot(p: Path) -> Snapshot:
    beside = tuple(sorted(c.name for c in p.parent.iterdir())) if p.parent.is_dir() else ()
    if not p.exists():
        return Snapshot(False, None, None, None, beside)
    st = p.stat()
    content: bytes | tuple[str, ...] = (
        tuple(sorted(c.name for c in p.iterdir())) if p.is_dir() else p.read_bytes()
    )
    return Snapshot(True, stat.S_IMODE(st.st_mode), st.st_mtime_ns, content, beside)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A sound backup and a protocol export for the commands that take a file."""
    folder = tmp_path_factory.mktemp("inputs")
    good = make_console_db(folder / "good.sqlite3")
    backup = folder / "console-20261124-140000.sqlite3"
    backup.write_bytes(good.read_bytes())
    ctx = open_context(good)
    library = folder / "library.json"
    export_file(ctx, library)
    ctx.db.close()
    return {"backup": backup, "library": library}


# Every command that takes --db, with the rest of a sensible command line.
COMMANDS: dict[str, Callable[[dict[str, Path], Path], list[str]]] = {
    "check": lambda i, out: ["check"],
    "visits": lambda i, out: ["visits", "--json"],
    "backup": lambda i, out: ["backup", "--to", str(out / "copies")],
    "export": lambda i, out: ["export", "--patient", "p1", "--out", str(out / "p1.zip")],
    "handout": lambda i, out: ["handout", "--visit", "v1", "--out", str(out / "v1.pdf")],
    "complete": lambda i, out: ["complete", "v1", "--no-print"],
    "recall": lambda i, out: ["recall", "--lot", "LOT42A", "--csv", str(out / "recall.csv")],
    "protocol export": lambda i, out: ["protocol", "export", "--out", str(out / "lib.json")],
    "protocol import": lambda i, out: ["protocol", "import", str(i["library"])],
    "demo": lambda i, out: ["demo", "--patients", "3"],
    "restore": lambda i, out: ["restore", str(i["backup"]), "--yes"],
}
# restore is for a damaged console database: it replaces it, keeping it beside (tested below).
CASES = [
    (command, target)
    for command in COMMANDS
    for target in BAD_TARGETS
    if not (command == "restore" and target == "truncated")
]


def assert_one_sentence(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]


@pytest.mark.parametrize(("command", "target"), CASES, ids=[f"{c}-{t}" for c, t in CASES])
def test_a_bad_target_is_refused_and_left_as_it_was(
    command: str, target: str, inputs: dict[str, Path], tmp_path: Path
) -> None:
    make, words = BAD_TARGETS[target]
    place = tmp_path / "place"
    place.mkdir()
    db = place / "console.sqlite3"
    make(db)
    os.utime(db, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    before = snapshot(db)
    out = tmp_path / "out"
    out.mkdir()

    result = run_console(*COMMANDS[command](inputs, out), "--db", str(db))

    assert_one_sentence(result, words)
    assert snapshot(db) == before
    assert list(out.iterdir()) == []  # no half-written export, copy or sheet either


@pytest.mark.parametrize("command", [c for c in COMMANDS if c not in ("demo", "restore")])
def test_a_missing_database_is_not_created(
    command: str, inputs: dict[str, Path], tmp_path: Path
) -> None:
    db = tmp_path / "no-such-folder" / "console.sqlite3"
    out = tmp_path / "out"
    out.mkdir()
    result = run_console(*COMMANDS[command](inputs, out), "--db", str(db))
    assert_one_sentence(result, "no database at")
    assert not db.parent.exists()


@pytest.mark.parametrize("command", ["demo", "restore"])
def test_a_place_where_nothing_can_be_created_is_one_sentence(
    command: str, inputs: dict[str, Path], tmp_path: Path
) -> None:
    # /proc refuses new files even to root, so this holds whoever runs the tests.
    db = Path("/proc/treatment-room-console-test/console.sqlite3")
    result = run_console(*COMMANDS[command](inputs, tmp_path), "--db", str(db))
    assert result.returncode != 0 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert str(db.parent) in result.stderr
    assert not db.parent.exists()


def make_read_only(path: Path) -> Callable[[], None]:
    """Make ``path`` unwritable for whoever runs the tests; returns how to undo it.

    Root writes through modes, so for root the file or folder is made immutable instead.
    """
    if os.geteuid() != 0:
        mode = stat.S_IMODE(path.stat().st_mode)
        path.chmod(0o555 if path.is_dir() else 0o444)
        return lambda: path.chmod(mode)
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], check=False).returncode:
        pytest.skip("running as root, and this file system cannot make a file immutable")
    return lambda: subprocess.run([chattr, "-i", str(path)], check=True)


@pytest.mark.parametrize("where", ["file", "folder"])
@pytest.mark.parametrize("command", ["check", "visits", "backup", "demo", "protocol export"])
def test_a_read_only_database_or_folder_is_one_sentence(
    command: str, where: str, inputs: dict[str, Path], tmp_path: Path
) -> None:
    place = tmp_path / "place"
    place.mkdir()
    db = make_console_db(place / "console.sqlite3")
    before = snapshot(db)
    out = tmp_path / "out"
    out.mkdir()
    undo = make_read_only(db if where == "file" else place)
    try:
        result = run_console(*COMMANDS[command](inputs, out), "--db", str(db))
    finally:
        undo()
    assert_one_sentence(result, "read-only")
    assert snapshot(db) == before


def test_restore_replaces_a_damaged_database_and_keeps_it_beside(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    db = tmp_path / "console.sqlite3"
    _truncated(db)
    damaged = db.read_bytes()
    result = run_console("restore", str(inputs["backup"]), "--db", str(db), "--yes")
    assert result.returncode == 0, result.stderr
    [kept] = tmp_path.glob("console.sqlite3.replaced-*")
    assert kept.read_bytes() == damaged
    assert run_console("check", "--db", str(db)).returncode == 0


def test_restore_refuses_a_backup_made_by_a_newer_console(tmp_path: Path) -> None:
    newer = make_newer_db(tmp_path / "console-20311231-120000.sqlite3")
    db = make_console_db(tmp_path / "room" / "console.sqlite3")
    before = snapshot(db)
    result = run_console("restore", str(newer), "--db", str(db), "--yes")
    assert_one_sentence(result, "made by a newer version of the console")
    # The database itself as it was (restore's log folder beside it may appear).
    assert replace(snapshot(db), beside=()) == replace(before, beside=())


def test_check_on_a_folder_leaves_its_mode(tmp_path: Path) -> None:
    folder = tmp_path / "clinic"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    result = run_console("check", "--db", str(folder))
    assert_one_sentence(result, "is a folder")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


def test_demo_twice_with_the_same_seed_says_so_and_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    assert run_console("demo", "--db", str(db), "--patients", "3").returncode == 0
    conn = sqlite3.connect(db)
    patients = conn.execute("SELECT COUNT(*) FROM patients").fetchone()[0]
    conn.close()
    again = run_console("demo", "--db", str(db), "--patients", "3")
    assert_one_sentence(again, "already holds the demo patients of seed 1")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM patients").fetchone()[0] == patients
    conn.close()


def test_demo_with_a_negative_count_answers_on_stderr(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    result = run_console("demo", "--db", str(db), "--patients", "-3")
    assert_one_sentence(result, "--patients must be 0 or more")
    assert not db.exists()


def test_recall_csv_to_a_place_that_cannot_be_written(tmp_path: Path) -> None:
    db = make_console_db(tmp_path / "console.sqlite3")
    # A missing folder is made (0700, as for every file the console writes); a path that runs
    # through a file cannot be.
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine")
    target = not_a_folder / "recall.csv"
    result = run_console("recall", "--db", str(db), "--lot", "LOT42A", "--csv", str(target))
    assert_one_sentence(result, "recall.csv")
    assert not_a_folder.read_text() == "mine"


def test_backup_to_an_existing_folder_leaves_its_mode(tmp_path: Path) -> None:
    db = make_console_db(tmp_path / "console.sqlite3")
    usb = tmp_path / "usb-stick"
    usb.mkdir()
    usb.chmod(0o755)
    result = run_console("backup", "--db", str(db), "--to", str(usb))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(usb.stat().st_mode) == 0o755
    [copy] = usb.glob("console-*.sqlite3")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600  # the copy itself is the console's
