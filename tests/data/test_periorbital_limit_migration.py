"""Migration 0019: a library stored before the limit around the eyes shipped gets it, as a
new version audited as a system change; a clinic's own choices are left alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from console.context import AppContext
from console.data import audit_repo, protocol_repo
from console.data.db import open_database
from console.data.migrations import MIGRATIONS
from console.errors import DomainError
from console.model.protocol import default_body
from console.visit.service import VisitService
from tests.conftest import ready_visit

STEP = "0019_periorbital_limit"


def library_before_the_limit() -> dict[str, Any]:
    """The shipped library as databases stored it before max_mm: no limit around the eyes."""
    body = default_body()
    for zone in body["zones"]:
        zone.pop("max_mm", None)
    return body


def eyes(body: dict[str, Any]) -> dict[str, Any]:
    return next(z for z in body["zones"] if z["id"] == "periorbital")


def database_at_the_previous_step(path: Path, body: dict[str, Any]) -> None:
    db = open_database(path, migrate=False)
    MIGRATIONS.apply(db, stop_before=STEP)
    with db.atomic():
        db.execute(
            "INSERT INTO protocol_versions (version, created_at, created_by, note, body) "
            "VALUES (1, '2026-01-05T09:00:00+00:00', NULL, 'Defaults shipped with the console', ?)",
            [json.dumps(body, ensure_ascii=False, sort_keys=True)],
        )
    db.close()


def test_an_old_library_gets_the_limit_as_a_new_audited_version(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    old = library_before_the_limit()
    database_at_the_previous_step(path, old)
    db = open_database(path)
    try:
        assert MIGRATIONS.pending(db) == []
        assert protocol_repo.versions(db) == [1, 2]
        assert protocol_repo.get(db, 1).body == old  # the stored version is untouched
        new = protocol_repo.current(db).body
        assert eyes(new)["max_mm"] == eyes(default_body())["max_mm"] == 0.5
        eyes(new).pop("max_mm")
        assert new == old  # nothing else changed
        stamp = protocol_repo.stamp(db, 2)
        assert stamp is not None and stamp.by_name is None
        assert "limit around the eyes" in stamp.note and "0.5 mm" in stamp.note
        (row,) = audit_repo.rows(db, entity_id="2")
        assert row["action"] == "protocol.version" and row["practitioner_id"] is None
        detail = json.loads(row["detail"])
        assert detail["system"] == STEP and detail["previous"] == 1
        assert audit_repo.verify_chain(db).ok
    finally:
        db.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The clinic's file as the previous release left it; the ``ctx`` fixture upgrades it."""
    path = tmp_path / "clinic.sqlite3"
    database_at_the_previous_step(path, library_before_the_limit())
    return path


def test_after_the_upgrade_no_tick_saves_a_depth_above_the_limit(
    ctx: AppContext, patient: str
) -> None:
    service = VisitService(ctx)
    visit_id = ready_visit(ctx, patient)
    with pytest.raises(DomainError, match=r"above the limit of 0\.5 mm"):
        service.plan_area(
            visit_id,
            "periorbital",
            depth_text="0.75",
            target_passes=2,
            confirmed=True,
            reason="thick scar tissue",
        )


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        ({"max_mm": 0.4}, "the clinic's own limit"),
        ({"typical": {"general": [0.25, 0.75]}}, "the clinic advises deeper than the limit"),
    ],
)
def test_a_clinics_own_choice_is_left_alone(tmp_path: Path, edit: dict[str, Any], why: str) -> None:
    path = tmp_path / "clinic.sqlite3"
    body = library_before_the_limit()
    eyes(body).update(edit)
    database_at_the_previous_step(path, body)
    db = open_database(path)
    try:
        assert protocol_repo.versions(db) == [1], why
        assert protocol_repo.current(db).body == body
    finally:
        db.close()
