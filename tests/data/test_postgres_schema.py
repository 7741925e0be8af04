"""The PostgreSQL schema behaves as the SQLite file does where the console relies on it: the same
writes are refused with the same words (locked visits, the append-only audit trail and consents,
single-use cartridges, case-insensitive names), the rooms' role cannot rewrite the audit trail,
and the data steps do their work on a database that already holds rows."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from console.data.audit_chain import GENESIS, row_hash
from console.data.db import open_database
from console.data.migrations.postgres import ROOM_ROLE, apply_postgres_migrations
from console.store_errors import StoreError
from tests.data.postgres_store import raises_pg

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def pg(pg_url: str) -> Iterator[Any]:
    from tests.data.postgres_store import connect

    store = connect(pg_url)
    yield store
    store.close()


def _outcome_sqlite(db: Any, sql: str) -> str | None:
    try:
        with db.atomic():
            db.execute(sql)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None


def _outcome_pg(db: Any, sql: str) -> str | None:
    try:
        with db.atomic():
            db.execute(sql)
    except StoreError as exc:
        return str(exc)
    return None


_VISIT = [
    "INSERT INTO practitioners (id, display_name, role, created_at) "
    "VALUES ('pr1', 'Anna Berg', 'practitioner', 't')",
    "INSERT INTO patients (id, full_name, date_of_birth, search_text, created_at, updated_at) "
    "VALUES ('pa1', 'Zoë Ŀ', '1990-01-01', 'zoe l 1990-01-01', 't', 't')",
    "INSERT INTO protocol_versions (version, created_at, body) VALUES (1, 't', '{}')",
    "INSERT INTO visits (id, patient_id, practitioner_id, protocol_version, status, started_at) "
    "VALUES ('v1', 'pa1', 'pr1', 1, 'open', 't')",
    "INSERT INTO treated_areas (id, visit_id, position, zone_id, zone_name, depth_mm, "
    "target_passes) VALUES ('a1', 'v1', 1, 'cheeks', 'Cheeks', 0.5, 3)",
    "INSERT INTO passes (id, area_id, visit_id, number, started_at, ended_at, duration_s, "
    "depth_mm, direction) VALUES ('p1', 'a1', 'v1', 1, 't', 't', 12.5, 0.5, 'vertical')",
    "INSERT INTO cartridges (id, visit_id, cartridge_type_id, needle_count, gtin, lot, expiry, "
    "serial, entry, seal_intact, recorded_at, recorded_by) "
    "VALUES ('c1', 'v1', 'skinpen', 14, '0123', 'L1', '2027-01-01', 'S1', 'scan', 1, 't', 'pr1')",
    "INSERT INTO consents (id, patient_id, visit_id, template_id, library_version, "
    "material_version, language, text_sha256, signer_name, strokes, signature_sha256, "
    "signed_at, signed_local, practitioner_id, document_id, pdf_path, pdf_sha256) VALUES "
    "('k1', 'pa1', 'v1', 'microneedling', 1, 1, 'en', 'x', 'Zoë', '[]', 'y', 't', 't', 'pr1', "
    "'d1', 'consents/d1.pdf', 'z')",
    "INSERT INTO audit_log (seq, at, action, hash) VALUES (1, 't', 'visit.start', 'h1')",
]

# Each write, in order, after the visit above: refused (with the words) or let through, the
# same on both engines. The expected words are SQLite's, which services may show.
_LOCKED = "the visit is completed and locked: add an amendment"
_APPEND_ONLY = "the audit trail is append-only"
_WRITES = [
    (
        "INSERT INTO practitioners (id, display_name, role, created_at) "
        "VALUES ('pr2', 'ANNA BERG', 'admin', 't')",
        "UNIQUE",
    ),
    (
        "INSERT INTO cartridges (id, visit_id, cartridge_type_id, needle_count, gtin, lot, expiry, "
        "serial, entry, seal_intact, recorded_at, recorded_by) VALUES ('c2', 'v1', 'skinpen', 14, "
        "'0123', 'L1', '2027-01-01', 'S1', 'manual', 1, 't', 'pr1')",
        "UNIQUE",
    ),
    ("UPDATE visits SET status = 'completed', completed_at = 't' WHERE id = 'v1'", None),
    ("UPDATE visits SET notes = 'healed well' WHERE id = 'v1'", None),
    ("UPDATE visits SET status = 'open' WHERE id = 'v1'", _LOCKED),
    (
        "INSERT INTO passes (id, area_id, visit_id, number, started_at, ended_at, duration_s, "
        "depth_mm, direction) VALUES ('p2', 'a1', 'v1', 2, 't', 't', 9, 0.5, 'vertical')",
        _LOCKED,
    ),
    ("UPDATE passes SET depth_mm = 2.5 WHERE id = 'p1'", _LOCKED),
    ("DELETE FROM passes WHERE id = 'p1'", _LOCKED),
    ("UPDATE treated_areas SET endpoint = 'none' WHERE id = 'a1'", _LOCKED),
    ("DELETE FROM cartridges WHERE id = 'c1'", _LOCKED),
    (
        "INSERT INTO depth_changes (id, area_id, at, from_mm, to_mm, by) "
        "VALUES ('d1', 'a1', 't', 0.5, 1.0, 'pr1')",
        _LOCKED,
    ),
    (
        "UPDATE consents SET signer_name = 'someone else' WHERE id = 'k1'",
        "consent records are never changed: add a withdrawal or a new consent",
    ),
    ("UPDATE audit_log SET action = 'nothing' WHERE seq = 1", _APPEND_ONLY),
    ("DELETE FROM audit_log WHERE seq = 1", _APPEND_ONLY),
    ("INSERT INTO audit_log (seq, at, action, hash) VALUES (1, 't', 'again', 'h')", _APPEND_ONLY),
    (
        "INSERT INTO audit_log (seq, at, action) VALUES (2, 't', 'unchained')",
        "an audit row must follow the last one and carry its chain hash",
    ),
    ("INSERT INTO audit_log (seq, at, action, hash) VALUES (2, 't', 'visit.complete', 'h2')", None),
    (
        "INSERT INTO patients (id, full_name, date_of_birth, search_text, created_at, updated_at, "
        "fitzpatrick) VALUES ('pa2', 'X', '1990-01-01', 'x', 't', 't', 7)",
        "CHECK",
    ),
]


def test_the_same_writes_are_refused_with_the_same_words_on_both_engines(pg: Any) -> None:
    lite = open_database(None)
    apply_postgres_migrations(pg)
    for sql in _VISIT:
        assert _outcome_sqlite(lite, sql) is None, sql
        assert _outcome_pg(pg, sql) is None, sql
    for sql, expected in _WRITES:
        on_sqlite, on_pg = _outcome_sqlite(lite, sql), _outcome_pg(pg, sql)
        if expected is None:
            assert (on_sqlite, on_pg) == (None, None), sql
        elif expected.isupper():  # a constraint: the engines word those their own way
            assert expected in (on_sqlite or "").upper(), sql
            assert expected in (on_pg or "").upper(), sql
        else:
            assert (on_sqlite, on_pg) == (expected, expected), sql


def test_practitioner_names_are_unique_whatever_their_case(pg: Any) -> None:
    apply_postgres_migrations(pg)
    insert = (
        "INSERT INTO practitioners (id, display_name, role, created_at) "
        "VALUES (?, ?, 'practitioner', 't')"
    )
    pg.execute(insert, ["p1", "anna"])
    with raises_pg(psycopg.errors.UniqueViolation):
        pg.execute(insert, ["p2", "ANNA"])
    pg.execute(insert, ["p3", "Hanna"])  # a different name is welcome
    rows = pg.execute(
        "SELECT id FROM practitioners WHERE display_name = ? COLLATE NOCASE", ["Anna"]
    ).fetchall()
    assert rows == [("p1",)]


def test_the_audit_trail_is_append_only_for_the_rooms_by_privilege_and_for_the_owner_by_trigger(
    pg: Any, pg_url: str
) -> None:
    apply_postgres_migrations(pg)
    room = f"room_{uuid.uuid4().hex[:8]}"
    pg.execute(f"CREATE ROLE {room} LOGIN IN ROLE {ROOM_ROLE}")
    params = psycopg.conninfo.conninfo_to_dict(pg_url)
    params["user"] = room
    with psycopg.connect(psycopg.conninfo.make_conninfo(**params), autocommit=True) as as_room:
        as_room.execute("INSERT INTO audit_log (seq, at, action, hash) VALUES (1, 't', 'a', 'h')")
        as_room.execute("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 't')")
        as_room.execute("UPDATE settings SET value = '2' WHERE key = 'k'")  # other tables: yes
        for sql in (
            "UPDATE audit_log SET action = 'b' WHERE seq = 1",
            "DELETE FROM audit_log WHERE seq = 1",
            "TRUNCATE audit_log",
            "DELETE FROM _postgres_migrations",
            "CREATE TABLE mine (a TEXT)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):  # psycopg itself here
                as_room.execute(sql)
        # a room can start the console: nothing is pending, so the runner only reads
        from tests.data.postgres_store import connect

        room_store = connect(psycopg.conninfo.make_conninfo(**params))
        try:
            assert apply_postgres_migrations(room_store) == []
        finally:
            room_store.close()
    for sql in ("UPDATE audit_log SET action = 'b'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
        with raises_pg(psycopg.errors.IntegrityConstraintViolation, match="append-only"):
            pg.execute(sql)
    assert pg.execute("SELECT action FROM audit_log").fetchall() == [("a",)]


def test_search_while_typing_can_use_the_trigram_index(pg: Any) -> None:
    """The search's own SQL (patients_repo), not a copy of it: the indexes serve it."""
    from console.data.patients_repo import _pg_words_match

    apply_postgres_migrations(pg)
    pg.execute("SET enable_seqscan = off")  # an empty table: ask whether the index can serve
    where, params = _pg_words_match("zoe 1990")
    words = "\n".join(
        str(r[0]) for r in pg.execute(f"EXPLAIN SELECT p.id FROM patients p WHERE {where}", params)
    )
    assert "patients_search_trgm" in words
    prefix = "\n".join(
        str(r[0])
        for r in pg.execute(
            'EXPLAIN SELECT p.id FROM patients p WHERE p.search_text COLLATE "C" >= ? '
            'AND p.search_text COLLATE "C" < ? ORDER BY p.search_text COLLATE "C" LIMIT 50',
            ["zoe", "zof"],
        )
    )
    assert "patients_search_text" in prefix


def test_the_data_steps_do_their_work_on_rows_already_there(pg: Any) -> None:
    """Rows written before 0006/0011/0016 get their new search text and their chain hashes."""
    from console.data.patients_repo import search_text

    apply_postgres_migrations(pg, stop_before="0006_patient_search")
    pg.execute(
        "INSERT INTO patients (id, full_name, date_of_birth, phone, search_text, created_at, "
        "updated_at) VALUES ('pa1', 'Seán O''Brien', '1990-05-04', '+33 6 12 34 56 78', "
        "'stale', 't', 't')"
    )
    for seq, action in ((1, "auth.sign_in"), (2, "patient.register")):
        pg.execute("INSERT INTO audit_log (seq, at, action) VALUES (?, 't', ?)", [seq, action])
    apply_postgres_migrations(pg)
    (text,) = pg.execute("SELECT search_text FROM patients").fetchone()
    from datetime import date

    assert text == search_text("Seán O'Brien", date(1990, 5, 4), "+33 6 12 34 56 78", "")
    assert "obrien" in text.split()
    first = row_hash(GENESIS, 1, "t", None, "auth.sign_in", "", "", "{}")
    second = row_hash(first, 2, "t", None, "patient.register", "", "", "{}")
    assert pg.execute("SELECT hash FROM audit_log ORDER BY seq").fetchall() == [
        (first,),
        (second,),
    ]
    assert pg.execute("SELECT count(*) FROM photo_views").fetchone()[0] > 0
    assert pg.execute("SELECT version FROM consent_template_versions").fetchall() == [(1,)]


def test_the_consent_translations_step_stores_the_same_new_version_on_both_engines(
    pg: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library seeded English-only (as m0013 first shipped) gains the translations in a new
    version, with the same words on both engines."""
    from pathlib import Path

    from console.data.migrations import MIGRATIONS, m0013_consents

    english_only = Path(__file__).parent / "fixtures" / "consent_templates_0013.json"
    monkeypatch.setattr(m0013_consents, "_DEFAULTS", english_only)
    lite = open_database(None, migrate=False)
    MIGRATIONS.apply(lite)
    apply_postgres_migrations(pg)
    sql = "SELECT version, note, body FROM consent_template_versions ORDER BY version"
    on_sqlite = [tuple(r) for r in lite.execute(sql).fetchall()]
    on_pg = [tuple(r) for r in pg.execute(sql).fetchall()]
    assert [r[0] for r in on_pg] == [1, 2]
    assert "de" in on_pg[1][1]
    assert on_pg == on_sqlite
