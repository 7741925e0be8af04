"""The same numbered steps on a clinic's PostgreSQL server: each step's ``POSTGRES`` DDL and,
where it writes data, its ``apply_postgres(db)``, applied in name order and recorded.

Several rooms start against one server, possibly at the same moment: every step runs in its own
transaction under one advisory lock, and looks again (under the lock) whether another room has
applied it meanwhile. A room whose schema is current only reads, so a room's login role (a
member of ``console_room``, no DDL rights) can call this at every start.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from types import ModuleType
from typing import Any, Protocol

from console.data import migrations

MIGRATION_SET = "console"  # the set's name in sqlite-utils' _sqlite_migrations too
TABLE = "_postgres_migrations"
ROOM_ROLE = "console_room"
APPEND_ONLY_TABLES = ("audit_log",)  # rooms may add rows, never change or remove them
# pg_advisory_xact_lock's key: any constant shared by every room; this is "console" in ASCII.
LOCK_KEY = 0x636F6E736F6C65


class PgStore(Protocol):
    """What the runner needs of the engine adapter (console/data/pg.py's PgDatabase)."""

    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Any: ...

    def atomic(self) -> AbstractContextManager[Any]: ...


@dataclass(frozen=True)
class Step:
    name: str
    module: ModuleType

    @property
    def statements(self) -> list[str]:
        return list(self.module.POSTGRES)

    def apply(self, db: PgStore) -> None:
        for statement in self.statements:
            db.execute(statement)
        data_work = getattr(self.module, "apply_postgres", None)
        if data_work is not None:
            data_work(db)


def steps() -> list[Step]:
    """Every step, in name order (the same modules and order as the SQLite migrations)."""
    names = sorted(
        m.name for m in pkgutil.iter_modules(migrations.__path__) if m.name.startswith("m")
    )
    found = []
    for module_name in names:
        module = importlib.import_module(f"{migrations.__name__}.{module_name}")
        found.append(Step(name=module.NAME, module=module))
    return found


def _exists(db: PgStore) -> bool:
    row = db.execute("SELECT to_regclass(?) IS NOT NULL", [TABLE]).fetchone()
    return bool(row[0])


def applied_postgres(db: PgStore) -> list[str]:
    """Names of the steps applied to this database, in name order ([] for an empty one)."""
    if not _exists(db):
        return []
    cursor = db.execute(
        f"SELECT name FROM {TABLE} WHERE migration_set = ? ORDER BY name", [MIGRATION_SET]
    )
    return [str(row[0]) for row in cursor.fetchall()]


def _lock(db: PgStore) -> None:
    # Held until the transaction ends: a second room waits here, then finds the step done.
    db.execute("SELECT pg_advisory_xact_lock(?)", [LOCK_KEY])


def _ensure_table(db: PgStore) -> None:
    if _exists(db):  # checked first: CREATE ... IF NOT EXISTS needs rights a room lacks
        return
    with db.atomic():
        _lock(db)
        db.execute(
            f"""CREATE TABLE IF NOT EXISTS {TABLE} (
                migration_set TEXT NOT NULL,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL,
                PRIMARY KEY (migration_set, name)
            )"""
        )


def _rooms_lack_rights(db: PgStore) -> bool:
    """Whether the rooms' role is missing or some table is not yet granted to it (a step
    added it); reads only, so a room's own login can ask."""
    if db.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", [ROOM_ROLE]).fetchone() is None:
        return True  # asked apart: has_table_privilege raises for a role that does not exist
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        "  WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        "  AND NOT has_table_privilege(?, c.oid, 'SELECT'))",
        [ROOM_ROLE],
    ).fetchone()
    return bool(row[0])


def _grant_rooms(db: PgStore) -> None:
    """The rooms' group role and its rights: everything a room does, but the audit trail only
    read and appended to (the triggers refuse the owner too; this refuses it twice)."""
    with db.atomic():
        _lock(db)
        # Roles are per server, not per database: another clinic database may create it at
        # the same moment, which is as good as creating it here. An owner without CREATEROLE
        # is told what to ask the server's administrator for.
        db.execute(
            f"""DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROOM_ROLE}') THEN
                    CREATE ROLE {ROOM_ROLE} NOLOGIN;
                END IF;
            EXCEPTION
                WHEN duplicate_object OR unique_violation THEN NULL;
                WHEN insufficient_privilege THEN
                    RAISE EXCEPTION 'the rooms'' role {ROOM_ROLE} is missing and this login '
                        'may not create it' USING ERRCODE = '42501',
                        HINT = 'as a superuser: CREATE ROLE {ROOM_ROLE} NOLOGIN';
            END $$"""
        )
        schema = _quoted(str(db.execute("SELECT current_schema()").fetchone()[0]))
        db.execute(f"GRANT USAGE ON SCHEMA {schema} TO {ROOM_ROLE}")
        db.execute(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {ROOM_ROLE}"
        )
        for table in APPEND_ONLY_TABLES:
            db.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {ROOM_ROLE}")
        db.execute(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {TABLE} FROM {ROOM_ROLE}")
        # SELECT too: a room's backup (pg_dump) reads each sequence's last value.
        db.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {ROOM_ROLE}")


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def apply_postgres_migrations(db: PgStore, *, stop_before: str | None = None) -> list[str]:
    """Apply every missing step (those before ``stop_before`` only, when given); returns the
    names this call applied. Each step commits on its own: a failed step leaves the ones
    before it applied and itself not at all."""
    _ensure_table(db)
    done: list[str] = []
    for step in _pending(db, stop_before):
        with db.atomic():
            _lock(db)
            if step.name in applied_postgres(db):
                continue  # another room applied it while this one waited for the lock
            step.apply(db)
            db.execute(
                f"INSERT INTO {TABLE} (migration_set, name, applied_at) VALUES (?, ?, ?)",
                [MIGRATION_SET, step.name, datetime.now(UTC).isoformat()],
            )
        done.append(step.name)
    if _rooms_lack_rights(db):
        _grant_rooms(db)
    return done


def _pending(db: PgStore, stop_before: str | None) -> Iterator[Step]:
    all_steps = steps()
    if stop_before is not None and stop_before not in {s.name for s in all_steps}:
        raise ValueError(f"no migration step named {stop_before!r}")
    applied = set(applied_postgres(db))
    for step in all_steps:
        if step.name == stop_before:
            return
        if step.name not in applied:
            yield step
