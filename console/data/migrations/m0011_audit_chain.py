"""The audit trail becomes tamper-evident and REPLACE can no longer rewrite a row.

``INSERT OR REPLACE`` deletes the row it collides with without firing delete triggers (unless
recursive_triggers is on), so the old append-only triggers let it through. A BEFORE INSERT
trigger sees the colliding seq before any conflict resolution runs, and refuses it. Each row now
carries a SHA-256 chained to the row before (``console/data/audit_chain.py``); the rows already
in the file get theirs here, in seq order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from console.data.audit_chain import COLUMNS, GENESIS, row_hash

if TYPE_CHECKING:
    from console.data.migrations.postgres import PgStore

NAME = "0011_audit_chain"

_APPEND_ONLY = "SELECT RAISE(ABORT, 'the audit trail is append-only');"

STATEMENTS_AFTER = [
    f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN {_APPEND_ONLY} END",
    # An existing seq: REPLACE (and plain INSERT) would overwrite or collide with a kept row.
    "CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log "
    "WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq) "
    f"BEGIN {_APPEND_ONLY} END",
    # A new row goes after the last one and carries its hash; an auto-numbered seq reads as -1
    # here, so rows must be numbered by the writer (audit_repo.record) and are refused otherwise.
    "CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log "
    "WHEN NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq) AND (NEW.hash IS NULL "
    "OR NEW.seq <= COALESCE((SELECT MAX(seq) FROM audit_log), 0)) "
    "BEGIN SELECT RAISE(ABORT, 'an audit row must follow the last one and carry its chain "
    "hash'); END",
]


_ROWS = f"SELECT {', '.join(COLUMNS)} FROM audit_log ORDER BY seq"


def _hashes(rows: Iterable[Sequence[Any]]) -> list[tuple[str, int]]:
    """(hash, seq) for every row, chained in seq order from the genesis value."""
    previous = GENESIS
    updates: list[tuple[str, int]] = []
    for row in rows:
        previous = row_hash(previous, *row)
        updates.append((previous, row[0]))
    return updates


def apply(db: Database) -> None:
    db.execute("DROP TRIGGER audit_log_no_update")  # recreated below, once the hashes are in
    db.execute("ALTER TABLE audit_log ADD COLUMN hash TEXT")
    db.conn.executemany("UPDATE audit_log SET hash = ? WHERE seq = ?", _hashes(db.execute(_ROWS)))
    for statement in STATEMENTS_AFTER:
        db.execute(statement)


# PostgreSQL: the same three triggers by name and by words. A trigger's WHEN cannot hold a
# subquery there, so each condition moves into its function. Triggers on one event fire in name
# order on PostgreSQL (creation order on SQLite): the conditions exclude each other, as above.
POSTGRES = [
    "DROP TRIGGER audit_log_no_update ON audit_log",
    "ALTER TABLE audit_log ADD COLUMN hash TEXT",
]

POSTGRES_AFTER = [
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    """CREATE FUNCTION audit_log_seq_kept() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq) THEN
            RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = '23000';
        END IF;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_seq_kept()",
    """CREATE FUNCTION audit_log_follows_chain() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq) AND (NEW.hash IS NULL
            OR NEW.seq <= COALESCE((SELECT MAX(seq) FROM audit_log), 0)) THEN
            RAISE EXCEPTION 'an audit row must follow the last one and carry its chain hash'
                USING ERRCODE = '23000';
        END IF;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_follows_chain()",
]


def apply_postgres(db: PgStore) -> None:
    """The rows already there get their hashes, then the triggers that guard them."""
    for digest, seq in _hashes(db.execute(_ROWS).fetchall()):
        db.execute("UPDATE audit_log SET hash = ? WHERE seq = ?", [digest, seq])
    for statement in POSTGRES_AFTER:
        db.execute(statement)
