"""The first schema: practitioners, patients, visits and everything a visit records."""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0001_initial"

# Ids are UUID4 text so two rooms' files can be merged one day without collisions.
# Times are UTC ISO-8601 text ("2026-11-24T14:05:09.123456+00:00").
STATEMENTS = [
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,          -- JSON
        updated_at TEXT NOT NULL,
        updated_by TEXT
    )""",
    # The protocol library (devices, zones, contraindications, aftercare, series) is stored
    # whole as a versioned JSON document: an edit adds a version, a visit keeps the version it
    # was done under, so an old record and its sheet never change under it.
    """CREATE TABLE protocol_versions (
        version INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_by TEXT,
        note TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL            -- JSON, see console/model/protocol.py
    )""",
    """CREATE TABLE practitioners (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'practitioner')),
        pin_hash TEXT,                -- Argon2id, never the PIN
        active INTEGER NOT NULL DEFAULT 1,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX practitioners_name ON practitioners(display_name COLLATE NOCASE)",
    # One name field as the patient writes it: given/family order differs between cultures
    # (王小明 is family-first), so splitting it would be wrong for many patients.
    """CREATE TABLE patients (
        id TEXT PRIMARY KEY,
        full_name TEXT NOT NULL,
        date_of_birth TEXT NOT NULL,  -- ISO date
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        fitzpatrick INTEGER CHECK (fitzpatrick BETWEEN 1 AND 6),
        allergies TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        search_text TEXT NOT NULL,    -- folded name, birth date forms, phone digits, email
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES practitioners(id),
        updated_at TEXT NOT NULL,
        anonymised_at TEXT
    )""",
    "CREATE INDEX patients_name_dob ON patients(date_of_birth)",
    # Accent folding is done in Python (console/model/folding.py) because unicode61 leaves letters
    # like Ł and ø alone; remove_diacritics 2 stays as a second line of defence.
    """CREATE VIRTUAL TABLE patients_fts USING fts5(
        patient_id UNINDEXED, search_text,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
    )""",
    """CREATE TRIGGER patients_fts_ai AFTER INSERT ON patients BEGIN
        INSERT INTO patients_fts(patient_id, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER patients_fts_au AFTER UPDATE OF search_text ON patients BEGIN
        DELETE FROM patients_fts WHERE patient_id = old.id;
        INSERT INTO patients_fts(patient_id, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER patients_fts_ad AFTER DELETE ON patients BEGIN
        DELETE FROM patients_fts WHERE patient_id = old.id;
    END""",
    """CREATE TABLE visits (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        practitioner_id TEXT NOT NULL REFERENCES practitioners(id),
        protocol_version INTEGER NOT NULL REFERENCES protocol_versions(version),
        status TEXT NOT NULL CHECK (status IN ('open', 'completed', 'stopped')),
        step TEXT NOT NULL DEFAULT 'screening',  -- where to resume
        device_id TEXT,
        series_number INTEGER,
        skin_cleansed_at TEXT,
        current_area_id TEXT,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        completed_at TEXT,
        stop_reason TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        adverse_events TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX visits_patient ON visits(patient_id, started_at)",
    "CREATE INDEX visits_started ON visits(started_at)",
    "CREATE INDEX visits_status ON visits(status)",
    """CREATE TABLE screening_answers (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        item_id TEXT NOT NULL,
        item_text TEXT NOT NULL,      -- the question as it was asked
        kind TEXT NOT NULL,           -- hard_stop / waiting_period / needs_clearance / prompt
        answer TEXT NOT NULL,         -- yes / no / acknowledged
        event_date TEXT,              -- for waiting periods: when it happened
        safe_from TEXT,               -- earliest safe date computed from it
        note TEXT NOT NULL DEFAULT '',-- clearance note
        answered_at TEXT NOT NULL,
        answered_by TEXT NOT NULL REFERENCES practitioners(id),
        UNIQUE (visit_id, item_id)
    )""",
    """CREATE TABLE cartridges (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        cartridge_type_id TEXT NOT NULL,
        needle_count INTEGER NOT NULL,
        gtin TEXT,
        lot TEXT NOT NULL,
        expiry TEXT NOT NULL,         -- ISO date, last day of use
        serial TEXT,
        raw_label TEXT NOT NULL DEFAULT '',
        entry TEXT NOT NULL CHECK (entry IN ('scan', 'manual')),
        seal_intact INTEGER NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES practitioners(id)
    )""",
    # Single use, enforced by the file itself and not only by the screen.
    """CREATE UNIQUE INDEX cartridges_single_use
        ON cartridges(COALESCE(gtin, ''), lot, serial) WHERE serial IS NOT NULL""",
    "CREATE INDEX cartridges_lot ON cartridges(lot)",
    "CREATE INDEX cartridges_visit ON cartridges(visit_id)",
    """CREATE TABLE consumables (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        kind TEXT NOT NULL CHECK (kind IN ('gel', 'numbing')),
        product TEXT NOT NULL,
        gtin TEXT,
        lot TEXT NOT NULL DEFAULT '',
        occluded INTEGER NOT NULL DEFAULT 0,
        wait_minutes INTEGER,
        applied_at TEXT,
        removed_at TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES practitioners(id)
    )""",
    "CREATE INDEX consumables_lot ON consumables(lot)",
    "CREATE INDEX consumables_visit ON consumables(visit_id)",
    """CREATE TABLE treated_areas (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        position INTEGER NOT NULL,
        zone_id TEXT NOT NULL,
        zone_name TEXT NOT NULL,
        concern TEXT NOT NULL DEFAULT '',
        depth_mm REAL NOT NULL,       -- planned depth
        target_passes INTEGER NOT NULL,
        outside_typical_reason TEXT NOT NULL DEFAULT '',
        endpoint TEXT CHECK (endpoint IN ('erythema', 'pinpoint_bleeding', 'none')),
        started_at TEXT,
        ended_at TEXT,
        UNIQUE (visit_id, position)
    )""",
    "CREATE INDEX treated_areas_zone ON treated_areas(zone_id)",
    """CREATE TABLE depth_changes (
        id TEXT PRIMARY KEY,
        area_id TEXT NOT NULL REFERENCES treated_areas(id),
        at TEXT NOT NULL,
        from_mm REAL NOT NULL,
        to_mm REAL NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        by TEXT NOT NULL REFERENCES practitioners(id)
    )""",
    """CREATE TABLE passes (
        id TEXT PRIMARY KEY,
        area_id TEXT NOT NULL REFERENCES treated_areas(id),
        visit_id TEXT NOT NULL REFERENCES visits(id),
        number INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        duration_s REAL NOT NULL,     -- from the monotonic clock, immune to clock changes
        depth_mm REAL NOT NULL,
        direction TEXT NOT NULL,
        UNIQUE (area_id, number)
    )""",
    "CREATE INDEX passes_visit ON passes(visit_id)",
    # A running pass is stored too, so a crash mid-pass can be shown and not silently lost.
    """CREATE TABLE running_passes (
        area_id TEXT PRIMARY KEY REFERENCES treated_areas(id),
        started_at TEXT NOT NULL,
        depth_mm REAL NOT NULL,
        direction TEXT NOT NULL
    )""",
    """CREATE TABLE amendments (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        at TEXT NOT NULL,
        by TEXT NOT NULL REFERENCES practitioners(id),
        field TEXT NOT NULL,
        old_value TEXT NOT NULL,
        new_value TEXT NOT NULL,
        reason TEXT NOT NULL
    )""",
    "CREATE INDEX amendments_visit ON amendments(visit_id)",
    """CREATE TABLE handouts (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        created_at TEXT NOT NULL,
        path TEXT NOT NULL,           -- relative to the data folder
        sha256 TEXT NOT NULL,
        pages INTEGER NOT NULL,
        paper TEXT NOT NULL
    )""",
    "CREATE INDEX handouts_visit ON handouts(visit_id)",
    """CREATE TABLE prints (
        id TEXT PRIMARY KEY,
        handout_id TEXT NOT NULL REFERENCES handouts(id),
        at TEXT NOT NULL,
        by TEXT REFERENCES practitioners(id),
        printer TEXT NOT NULL,
        copies INTEGER NOT NULL,
        status TEXT NOT NULL,
        message TEXT NOT NULL DEFAULT ''
    )""",
    # Append-only by construction: the triggers below refuse to change or remove a row.
    """CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        practitioner_id TEXT,
        action TEXT NOT NULL,
        entity TEXT NOT NULL DEFAULT '',
        entity_id TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX audit_entity ON audit_log(entity, entity_id)",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
    END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
    END""",
]


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)


# The same schema on a clinic's PostgreSQL server (console/data/migrations/postgres.py runs it).
# Types as SQLite stores them: INTEGER -> bigint, REAL -> double precision, times ISO text,
# booleans 0/1. Every table with an implicit rowid on SQLite gets a real one here, so that
# "ORDER BY rowid" (insertion order) means the same on both engines.
_ROWID = "rowid BIGINT GENERATED ALWAYS AS IDENTITY"
# A PL/pgSQL trigger cannot say RAISE(ABORT, ...): it raises the same words as an integrity
# error (SQLSTATE 23000), the class SQLite's RAISE(ABORT) surfaces as, so callers see one thing.
_AUDIT_APPEND_ONLY = """CREATE FUNCTION audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = '23000';
    END $$"""

POSTGRES = [
    # Case-insensitive names as SQLite's NOCASE (an unquoted NOCASE folds to this name).
    "CREATE COLLATION IF NOT EXISTS nocase "
    "(provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
    # Patient search: SQLite's FTS5 index becomes a trigram index on the same folded text.
    # pg_trgm is a trusted extension: the database owner may create it, no superuser needed.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"""CREATE TABLE settings (
        {_ROWID},
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT
    )""",
    # INTEGER PRIMARY KEY: SQLite's rowid itself, so no second rowid here.
    """CREATE TABLE protocol_versions (
        version BIGINT PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_by TEXT,
        note TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL
    )""",
    f"""CREATE TABLE practitioners (
        {_ROWID},
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'practitioner')),
        pin_hash TEXT,
        active BIGINT NOT NULL DEFAULT 1,
        failed_attempts BIGINT NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX practitioners_name ON practitioners(display_name COLLATE NOCASE)",
    f"""CREATE TABLE patients (
        {_ROWID},
        id TEXT PRIMARY KEY,
        full_name TEXT NOT NULL,
        date_of_birth TEXT NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        fitzpatrick BIGINT CHECK (fitzpatrick BETWEEN 1 AND 6),
        allergies TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        search_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES practitioners(id),
        updated_at TEXT NOT NULL,
        anonymised_at TEXT
    )""",
    "CREATE INDEX patients_name_dob ON patients(date_of_birth)",
    # Every typed term is matched as (' ' || search_text) LIKE '% term%': a word prefix, as
    # FTS5's prefix queries on SQLite. The leading space lets the first word match the same way.
    # The search text's words, each after a space (ASCII punctuation as spaces, as SQLite's
    # tokenizer splits): stored, so a search never recomputes it row by row, and indexed by
    # trigram for LIKE '% word%' (patients_repo). Generated, so nothing writes it.
    "ALTER TABLE patients ADD COLUMN search_words TEXT GENERATED ALWAYS AS (' ' || "
    "translate(search_text, '!\"#$%&''()*+,-./:;<=>?@[\\]^`{|}~', "
    "'                                ')) STORED",
    "CREATE INDEX patients_search_trgm ON patients USING gin (search_words gin_trgm_ops)",
    f"""CREATE TABLE visits (
        {_ROWID},
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        practitioner_id TEXT NOT NULL REFERENCES practitioners(id),
        protocol_version BIGINT NOT NULL REFERENCES protocol_versions(version),
        status TEXT NOT NULL CHECK (status IN ('open', 'completed', 'stopped')),
        step TEXT NOT NULL DEFAULT 'screening',
        device_id TEXT,
        series_number BIGINT,
        skin_cleansed_at TEXT,
        current_area_id TEXT,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        completed_at TEXT,
        stop_reason TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        adverse_events TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX visits_patient ON visits(patient_id, started_at)",
    "CREATE INDEX visits_started ON visits(started_at)",
    "CREATE INDEX visits_status ON visits(status)",
    f"""CREATE TABLE screening_answers (
        {_ROWID},
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        item_id TEXT NOT NULL,
        item_text TEXT NOT NULL,
        kind TEXT NOT NULL,
        answer TEXT NOT NULL,
        event_date TEXT,
        safe_from TEXT,
        note TEXT NOT NULL DEFAULT '',
        answered_at TEXT NOT NULL,
        answered_by TEXT NOT NULL REFERENCES practitioners(id),
        UNIQUE (visit_id, item_id)
    )""",
    f"""CREATE TABLE cartridges (
        {_ROWID},
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        cartridge_type_id TEXT NOT NULL,
        needle_count BIGINT NOT NULL,
        gtin TEXT,
        lot TEXT NOT NULL,
        expiry TEXT NOT NULL,
        serial TEXT,
        raw_label TEXT NOT NULL DEFAULT '',
        entry TEXT NOT NULL CHECK (entry IN ('scan', 'manual')),
        seal_intact BIGINT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES practitioners(id)
    )""",
    """CREATE UNIQUE INDEX cartridges_single_use
        ON cartridges(COALESCE(gtin, ''), lot, serial) WHERE serial IS NOT NULL""",
    "CREATE INDEX cartridges_lot ON cartridges(lot)",
    "CREATE INDEX cartridges_visit ON cartridges(visit_id)",
    f"""CREATE TABLE consumables (
        {_ROWID},
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        kind TEXT NOT NULL CHECK (kind IN ('gel', 'numbing')),
        product TEXT NOT NULL,
        gtin TEXT,
        lot TEXT NOT NULL DEFAULT '',
        occluded BIGINT NOT NULL DEFAULT 0,
        wait_minutes BIGINT,
        applied_at TEXT,
        removed_at TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES practitioners(id)
    )""",
    "CREATE INDEX consumables_lot ON consumables(lot)",
    "CREATE INDEX consumables_visit ON consumables(visit_id)",
    f"""CREATE TABLE treated_areas (
        {_ROWID},
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        position BIGINT NOT NULL,
        zone_id TEXT NOT NULL,
        zone_name TEXT NOT NULL,
        concern TEXT NOT NULL DEFAULT '',
        depth_mm DOUBLE PRECISION NOT NULL,
        target_passes BIGINT NOT NULL,
        outside_typical_reason TEXT NOT NULL DEFAULT '',
        endpoint TEXT CHECK (endpoint IN ('erythema', 'pinpoint_bleeding', 'none')),
        started_at TEXT,
        ended_at TEXT,
        UNIQUE (visit_id, position)
    )""",
    "CREATE INDEX treated_areas_zone ON treated_areas(zone_id)",
    f"""CREATE TABLE depth_changes (
        {_ROWID},
        id TEXT PRIMARY KEY,
        area_id TEXT NOT NULL REFERENCES treated_areas(id),
        at TEXT NOT NULL,
        from_mm DOUBLE PRECISION NOT NULL,
        to_mm DOUBLE PRECISION NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        by TEXT NOT NULL REFERENCES practitioners(id)
    )""",
    f"""CREATE TABLE passes (
        {_ROWID},
        id TEXT PRIMARY KEY,
        area_id TEXT NOT NULL REFERENCES treated_areas(id),
        visit_id TEXT NOT NULL REFERENCES visits(id),
        number BIGINT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        duration_s DOUBLE PRECISION NOT NULL,
        depth_mm DOUBLE PRECISION NOT NULL,
        direction TEXT NOT NULL,
        UNIQUE (area_id, number)
    )""",
    "CREATE INDEX passes_visit ON passes(visit_id)",
    f"""CREATE TABLE running_passes (
        {_ROWID},
        area_id TEXT PRIMARY KEY REFERENCES treated_areas(id),
        started_at TEXT NOT NULL,
        depth_mm DOUBLE PRECISION NOT NULL,
        direction TEXT NOT NULL
    )""",
    f"""CREATE TABLE amendments (
        {_ROWID},
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        at TEXT NOT NULL,
        by TEXT NOT NULL REFERENCES practitioners(id),
        field TEXT NOT NULL,
        old_value TEXT NOT NULL,
        new_value TEXT NOT NULL,
        reason TEXT NOT NULL
    )""",
    "CREATE INDEX amendments_visit ON amendments(visit_id)",
    f"""CREATE TABLE handouts (
        {_ROWID},
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        created_at TEXT NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        pages BIGINT NOT NULL,
        paper TEXT NOT NULL
    )""",
    "CREATE INDEX handouts_visit ON handouts(visit_id)",
    f"""CREATE TABLE prints (
        {_ROWID},
        id TEXT PRIMARY KEY,
        handout_id TEXT NOT NULL REFERENCES handouts(id),
        at TEXT NOT NULL,
        by TEXT REFERENCES practitioners(id),
        printer TEXT NOT NULL,
        copies BIGINT NOT NULL,
        status TEXT NOT NULL,
        message TEXT NOT NULL DEFAULT ''
    )""",
    # seq is numbered by the writer (audit_repo), as on SQLite since 0011: no identity here.
    """CREATE TABLE audit_log (
        seq BIGINT PRIMARY KEY,
        at TEXT NOT NULL,
        practitioner_id TEXT,
        action TEXT NOT NULL,
        entity TEXT NOT NULL DEFAULT '',
        entity_id TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX audit_entity ON audit_log(entity, entity_id)",
    _AUDIT_APPEND_ONLY,
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    # TRUNCATE skips row triggers; SQLite has no TRUNCATE, so this one is PostgreSQL's own.
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
]
