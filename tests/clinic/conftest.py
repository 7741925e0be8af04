"""Two rooms' files, made once per test run: the clinic's tests move them onto a server."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from console.context import open_context
from console.data import patients_repo
from tests.clinic.room_files import build_room, execute, table_rows, written_otherwise


@pytest.fixture(scope="session")
def room_a(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_room(tmp_path_factory.mktemp("room-a") / "console.sqlite3", seed=1)


@pytest.fixture(scope="session")
def room_b(tmp_path_factory: pytest.TempPathFactory, room_a: Path) -> Path:
    """Room B: its own patients, the clinic's admin as room A has it, a namesake of one of room
    A's patients (written another way), its own edit of the protocol, another phone number."""
    path = build_room(tmp_path_factory.mktemp("room-b") / "console.sqlite3", seed=2)
    admin = table_rows(room_a, "practitioners", ["id", "display_name", "role", "pin_hash"])[0]
    execute(path, "UPDATE practitioners SET display_name = 'Dr Room B' WHERE role = 'admin'", [])
    execute(
        path,
        "INSERT INTO practitioners (id, display_name, role, pin_hash, active, failed_attempts, "
        "created_at) VALUES (?, ?, ?, ?, 1, 0, '2026-01-01T00:00:00+00:00')",
        list(admin),
    )
    name, born = table_rows(room_a, "patients", ["full_name", "date_of_birth"])[0]
    ctx = open_context(path)
    try:
        with ctx.db.atomic():
            patients_repo.insert(
                ctx.db,
                full_name=written_otherwise(str(name)),
                date_of_birth=date.fromisoformat(str(born)),
                phone="07700 900999",
                now=ctx.now(),
                by=str(admin[0]),
            )
    finally:
        ctx.close()
    execute(path, "UPDATE settings SET value = ? WHERE key = 'clinic.phone'", ['"0117 496 0000"'])
    return path
