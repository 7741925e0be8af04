"""Repositories that Records, export, erasure, backup and the demo read and write through,
each function exercised on a real SQLite file (issue 12: SQL lives in console/data only).

Part of the contract suite: ``db`` is the db's handle (see conftest.py), once per engine.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console import store_errors
from console.clock import iso
from console.data import (
    db_copy,
    demo_repo,
    erasure_repo,
    export_repo,
    patient_rows_repo,
    patients_repo,
    practitioners_repo,
    protocol_repo,
    records_repo,
)
from console.data.db import open_database
from console.data.store import Db
from tests.data.contract.conftest import Store

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
GTIN = "00850009479015"


class Clinic:
    """Two practitioners, two patients, and visits written through ``demo_repo``."""

    def __init__(self, db: Db) -> None:
        self.db = db
        self.ana = practitioners_repo.create(
            db, display_name="Ana Admin", role="admin", pin_hash="h", now=T0
        )
        self.ben = practitioners_repo.create(
            db, display_name="Ben Nurse", role="practitioner", pin_hash=None, now=T0
        )
        self.zoe = patients_repo.insert(
            db,
            full_name="Zoë Łukasz-Nguyễn",
            date_of_birth=date(1990, 5, 17),
            phone="+44 7700 900123",
            email="zoe@example.org",
            notes="likes mornings",
            now=T0,
            by=self.ana,
        )
        self.max = patients_repo.insert(
            db, full_name="Max Other", date_of_birth=date(1980, 1, 2), now=T0, by=self.ana
        )
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in demo_repo.VISIT_TABLES}

    def visit(
        self,
        vid: str,
        patient: str,
        by: str,
        start: datetime,
        *,
        number: int | None = 1,
        lot: str = "LOT-A",
        serial: str | None = None,
        passes: tuple[float, ...] = (40.0, 45.0),
    ) -> str:
        end = start + timedelta(minutes=30)
        r = self.rows
        r["visits"].append(
            (
                vid,
                patient,
                by,
                1,
                "skinpen-precision",
                number,
                iso(start),
                iso(start),
                iso(end),
                iso(end),
                "",
            )
        )
        r["screening"].append(
            (f"{vid}-s1", vid, "pregnancy", "Are you pregnant?", "hard_stop", "no", iso(start), by)
        )
        r["cartridges"].append(
            (
                f"{vid}-c",
                vid,
                "skinpen-14",
                14,
                GTIN,
                lot,
                "2028-12-31",
                serial or vid,
                "raw",
                iso(start),
                by,
            )
        )
        r["consumables"].append(
            (
                f"{vid}-g",
                vid,
                "gel",
                "Glide gel",
                "GEL-1",
                0,
                None,
                iso(start),
                None,
                iso(start),
                by,
            )
        )
        r["areas"].append(
            (
                f"{vid}-a1",
                vid,
                1,
                "cheeks",
                "Cheeks",
                "scars",
                0.75,
                len(passes),
                "erythema",
                iso(start),
                iso(end),
            )
        )
        for n, seconds in enumerate(passes, start=1):
            depth = 0.75 if n == 1 else 1.0
            r["passes"].append(
                (
                    f"{vid}-p{n}",
                    f"{vid}-a1",
                    vid,
                    n,
                    iso(start),
                    iso(end),
                    seconds,
                    depth,
                    "vertical",
                )
            )
        return vid

    def save(self) -> None:
        with self.db.atomic():
            demo_repo.add_completed_visits(self.db, self.rows)
        self.rows = {t: [] for t in demo_repo.VISIT_TABLES}


@pytest.fixture
def clinic(db: Db) -> Clinic:
    return Clinic(db)


# -- demo_repo ------------------------------------------------------------------------------
def test_demo_visits_are_stored_whole_and_completed(clinic: Clinic) -> None:
    clinic.visit("v1", clinic.zoe, clinic.ana, T0)
    clinic.save()
    db = clinic.db
    assert db.execute("SELECT status FROM visits WHERE id = 'v1'").fetchone() == ("completed",)
    counts = [
        db.execute(f"SELECT COUNT(*) FROM {t} WHERE visit_id = 'v1'").fetchone()[0]
        for t in ("screening_answers", "cartridges", "consumables", "treated_areas", "passes")
    ]
    assert counts == [1, 1, 1, 1, 2]


def test_demo_patients_are_inserted_with_their_search_text(db: Db) -> None:
    text = patients_repo.search_text("Demo Person", date(1970, 1, 1), "", "")
    row = (
        "d1",
        "Demo Person",
        "1970-01-01",
        "",
        "",
        None,
        "",
        "",
        text,
        iso(T0),
        None,
        iso(T0),
        None,
    )
    with db.atomic():
        demo_repo.add_patients(db, [row])
    assert patients_repo.exists(db, "d1")
    assert [p["id"] for p in patients_repo.search(db, "Demo Person")] == ["d1"]


# -- patients / practitioners / protocol ----------------------------------------------------
def test_patient_exists_only_for_a_stored_id(clinic: Clinic) -> None:
    assert patients_repo.exists(clinic.db, clinic.zoe)
    assert not patients_repo.exists(clinic.db, "nobody")


def test_active_accounts_are_counted_with_or_without_a_pin(clinic: Clinic) -> None:
    assert practitioners_repo.count_active(clinic.db) == 2
    practitioners_repo.set_active(clinic.db, clinic.ben, False)
    assert practitioners_repo.count_active(clinic.db) == 1


def test_protocol_versions_and_who_saved_them(db: Db, clinic: Clinic) -> None:
    body = protocol_repo.current(db).body
    protocol_repo.save_version(
        db, body, now=T0 + timedelta(days=1), by=clinic.ana, note="Deeper forehead"
    )
    assert protocol_repo.versions(db) == [1, 2]
    shipped, edited = protocol_repo.stamp(db, 1), protocol_repo.stamp(db, 2)
    assert shipped is not None and shipped.by_name is None
    assert edited is not None
    assert (edited.version, edited.by_name, edited.note) == (2, "Ana Admin", "Deeper forehead")
    assert edited.created_at.startswith("2026-11-25T09:00")
    assert protocol_repo.stamp(db, 99) is None


# -- records_repo ---------------------------------------------------------------------------
def test_patient_details_as_stored(clinic: Clinic) -> None:
    d = records_repo.patient_details(clinic.db, clinic.zoe)
    assert d is not None
    assert (d.full_name, d.date_of_birth, d.phone, d.notes) == (
        "Zoë Łukasz-Nguyễn",
        date(1990, 5, 17),
        "+44 7700 900123",
        "likes mornings",
    )
    assert d.anonymised_at is None and d.created_at == T0
    assert records_repo.patient_details(clinic.db, "nobody") is None


def test_visit_summaries_count_passes_time_and_deepest_depth(clinic: Clinic) -> None:
    clinic.visit("v1", clinic.zoe, clinic.ana, T0, passes=(40.0, 45.0, 50.0))
    clinic.visit("v2", clinic.zoe, clinic.ben, T0 + timedelta(weeks=6), number=2)
    clinic.visit("x1", clinic.max, clinic.ana, T0, serial="other")
    clinic.save()
    first, second = records_repo.visit_summaries(clinic.db, clinic.zoe)
    assert (first.id, first.practitioner_name, first.series_number) == ("v1", "Ana Admin", 1)
    (cheeks,) = first.areas
    assert (cheeks.passes, cheeks.seconds, cheeks.planned_mm, cheeks.max_mm) == (
        3,
        135.0,
        0.75,
        1.0,
    )
    assert (second.id, second.practitioner_name, second.total_passes) == ("v2", "Ben Nurse", 2)
    assert first.amendments == 0 and first.handouts == ()


def test_screening_answers_newest_visit_first(clinic: Clinic) -> None:
    clinic.visit("v1", clinic.zoe, clinic.ana, T0)
    clinic.visit("v2", clinic.zoe, clinic.ben, T0 + timedelta(weeks=6))
    clinic.save()
    answers = records_repo.screening_answers(clinic.db, clinic.zoe)
    assert [(a.visit_id, a.item_id, a.answer, a.answered_by) for a in answers] == [
        ("v2", "pregnancy", "no", "Ben Nurse"),
        ("v1", "pregnancy", "no", "Ana Admin"),
    ]
    assert answers[0].cleared_by_name is None


def test_visits_as_dicts_nest_areas_and_passes(clinic: Clinic) -> None:
    clinic.visit("v1", clinic.zoe, clinic.ana, T0)
    clinic.visit("v2", clinic.zoe, clinic.ana, T0 + timedelta(weeks=6), passes=(30.0,))
    clinic.save()
    visits = records_repo.visits_as_dicts(clinic.db, patient_id=clinic.zoe)
    assert [v["id"] for v in visits] == ["v1", "v2"]
    (area,) = visits[0]["areas"]
    assert area["zone"] == "cheeks" and [p["number"] for p in area["passes"]] == [1, 2]
    assert area["passes"][1]["depth_mm"] == 1.0 and area["depth_mm"] == 0.75
    assert [v["id"] for v in records_repo.visits_as_dicts(clinic.db, limit=1)] == ["v2"]


def test_last_completed_visits_take_each_patients_latest_in_the_window(clinic: Clinic) -> None:
    clinic.visit("v1", clinic.zoe, clinic.ana, T0)
    clinic.visit("v2", clinic.zoe, clinic.ana, T0 + timedelta(weeks=6), number=2)
    clinic.visit("x1", clinic.max, clinic.ana, T0 + timedelta(days=1), number=None, serial="m")
    clinic.save()
    found = records_repo.last_completed_visits(clinic.db, T0, T0 + timedelta(weeks=10))
    assert sorted((c.patient_id, c.series_number, c.started_at) for c in found) == sorted(
        [
            (clinic.zoe, 2, T0 + timedelta(weeks=6)),
            (clinic.max, None, T0 + timedelta(days=1)),
        ]
    )
    # v1 alone in the window is not the latest: a later visit exists.
    assert records_repo.last_completed_visits(clinic.db, T0, T0 + timedelta(hours=1)) == []


def test_completed_visit_starts_oldest_first(clinic: Clinic) -> None:
    clinic.visit("v2", clinic.zoe, clinic.ana, T0 + timedelta(weeks=6))
    clinic.visit("v1", clinic.zoe, clinic.ana, T0)
    clinic.save()
    assert records_repo.completed_visit_starts(clinic.db, clinic.zoe) == [
        T0,
        T0 + timedelta(weeks=6),
    ]


def test_visits_started_between_with_pass_totals(clinic: Clinic) -> None:
    clinic.visit("v1", clinic.zoe, clinic.ben, T0, passes=(40.0, 45.0))
    clinic.visit("x1", clinic.max, clinic.ana, T0 + timedelta(hours=2), serial="m")
    clinic.visit("v2", clinic.zoe, clinic.ana, T0 + timedelta(days=1))
    clinic.save()
    day = records_repo.visits_started_between(clinic.db, T0, T0 + timedelta(hours=12))
    assert [(e.visit_id, e.practitioner, e.areas, e.passes, e.seconds) for e in day] == [
        ("x1", "Ana Admin", 1, 2, 85.0),
        ("v1", "Ben Nurse", 1, 2, 85.0),
    ]


def test_lot_uses_find_cartridges_and_gel_newest_first(clinic: Clinic) -> None:
    clinic.visit("v1", clinic.zoe, clinic.ana, T0, lot="L-RECALL")
    clinic.visit("x1", clinic.max, clinic.ana, T0 + timedelta(days=1), lot="L-RECALL", serial="m")
    clinic.visit("v2", clinic.zoe, clinic.ana, T0 + timedelta(days=2), lot="L-OTHER")
    clinic.save()
    hits = records_repo.lot_uses(clinic.db, "L-RECALL", None)
    assert [(h.visit_id, h.source, h.patient_name) for h in hits] == [
        ("x1", "cartridge", "Max Other"),
        ("v1", "cartridge", "Zoë Łukasz-Nguyễn"),
    ]
    assert records_repo.lot_uses(clinic.db, "L-RECALL", "09999999999999") == []
    gel = records_repo.lot_uses(clinic.db, "GEL-1", None)
    assert {h.source for h in gel} == {"gel"} and len(gel) == 3


# -- export_repo ----------------------------------------------------------------------------
def test_export_reads_practitioners_versions_and_access_log(clinic: Clinic) -> None:
    db = clinic.db
    clinic.visit("v1", clinic.zoe, clinic.ben, T0)
    clinic.save()
    from console.data import audit_repo

    audit_repo.record(
        db, at=T0, by=clinic.ana, action="patient.open", entity="patient", entity_id=clinic.zoe
    )
    people = export_repo.practitioners(db, [clinic.ben])
    assert people == [
        {
            "id": clinic.ben,
            "display_name": "Ben Nurse",
            "role": "practitioner",
            "created_at": iso(T0),
        }
    ]
    (v1,) = export_repo.protocol_versions(db, [1])
    assert v1["version"] == 1 and v1["body"] == protocol_repo.get(db, 1).body
    (log,) = export_repo.access_log(db, [clinic.zoe])
    assert (log["action"], log["practitioner_id"]) == ("patient.open", clinic.ana)
    assert set(export_repo.practitioner_columns(db, "visits")) == {"practitioner_id"}
    assert export_repo.practitioner_columns(db, "passes") == []


def test_import_writes_rows_as_exported(clinic: Clinic, tmp_path: Path) -> None:
    clinic.visit("v1", clinic.zoe, clinic.ana, T0)
    clinic.save()
    tables = patient_rows_repo.rows_of(clinic.db, clinic.zoe)
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        with fresh.atomic():
            # Same display name as an account here: the import gets "(2)" and cannot sign in.
            practitioners_repo.create(
                fresh, display_name="Ana Admin", role="admin", pin_hash="h", now=T0
            )
            export_repo.add_inactive_practitioner(
                fresh,
                {
                    "id": clinic.ana,
                    "display_name": "Ana Admin",
                    "role": "admin",
                    "created_at": iso(T0),
                },
            )
            assert export_repo.protocol_body(fresh, 1) is None
            export_repo.add_protocol_version(
                fresh,
                {
                    "version": 1,
                    "created_at": iso(T0),
                    "note": "n",
                    "body": protocol_repo.get(clinic.db, 1).body,
                },
            )
            for table in ["patients"] + [link.table for link in patient_rows_repo.links(fresh)]:
                rows = tables.get(table, [])
                if table == "visits":
                    rows = [{**r, "status": "open"} for r in rows]
                export_repo.insert_rows(fresh, table, rows)
            export_repo.set_visit_statuses(fresh, {"v1": "completed"})
        assert export_repo.protocol_body(fresh, 1) == protocol_repo.get(clinic.db, 1).body
        imported = practitioners_repo.get(fresh, clinic.ana)
        assert imported is not None
        assert (imported["display_name"], imported["active"]) == ("Ana Admin (2)", 0)
        assert patient_rows_repo.rows_of(fresh, clinic.zoe) == tables
    finally:
        fresh.close()


# -- erasure_repo ---------------------------------------------------------------------------
def test_erasure_clears_the_patient_row_and_finds_what_is_left(clinic: Clinic) -> None:
    db = clinic.db
    clinic.visit("v1", clinic.zoe, clinic.ana, T0)
    clinic.save()
    row = erasure_repo.patient_row(db, clinic.zoe)
    assert row is not None and row["email"] == "zoe@example.org"
    assert erasure_repo.patient_row(db, "nobody") is None
    # A screening note of a completed (locked) visit that names her: found, then replaced.
    with db.atomic():
        erasure_repo.replace_values(
            db, "screening_answers", "id", [("note", "Zoë said no", "v1-s1")]
        )
    assert "screening_answers.note" in erasure_repo.columns_holding(db, ["Zoë"], clinic.zoe)
    erasure_repo.overwrite_freed_pages(db)
    with db.atomic():
        erasure_repo.anonymise_patient(
            db, clinic.zoe, reference="ANON-1", allergies="", at=T0 + timedelta(days=1)
        )
        erasure_repo.replace_values(
            db, "screening_answers", "id", [("note", "[removed] said no", "v1-s1")]
        )
        erasure_repo.forget_files(db, clinic.zoe)
    erasure_repo.settle(db)
    assert erasure_repo.columns_holding(db, ["Zoë", "zoe@example.org"], clinic.zoe) == []
    after = erasure_repo.patient_row(db, clinic.zoe)
    assert after is not None
    assert (after["full_name"], after["phone"], after["anonymised_at"]) == (
        "ANON-1",
        "",
        iso(T0 + timedelta(days=1)),
    )
    assert erasure_repo.not_yet_erased(db, [clinic.zoe, clinic.max]) == [clinic.max]
    # Still locked for everyone else: the lift lasted only as long as the change.
    with pytest.raises(store_errors.DatabaseError), db.atomic():
        db.execute("UPDATE screening_answers SET note = 'x' WHERE id = 'v1-s1'")


# -- db_copy --------------------------------------------------------------------------------
def test_checked_copy_is_one_sound_console_file(
    store: Store, clinic: Clinic, tmp_path: Path
) -> None:
    if store.engine != "sqlite":
        pytest.skip("only a SQLite store is copied as a file (the server's copy is pg_dump)")
    clinic.visit("v1", clinic.zoe, clinic.ana, T0)
    clinic.save()
    target = tmp_path / "copy.sqlite3"
    target.touch()
    assert db_copy.copy_checked(clinic.db.conn, target) == ["ok"]
    assert db_copy.check(target) == ["ok"]
    assert not target.with_name("copy.sqlite3-wal").exists()
    copy = open_database(target, migrate=False)
    try:
        assert records_repo.completed_visit_starts(copy, clinic.zoe) == [T0]
        copy.execute("PRAGMA journal_mode=WAL")
        db_copy.make_self_contained(copy)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        copy.close()


def test_check_names_what_is_wrong_with_a_file(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert db_copy.check(other) == ["not a console database (no audit_log table)"]
    assert db_copy.check(other, require_console=False) == ["ok"]
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    (problem,) = db_copy.check(junk)
    assert "not a database" in problem
