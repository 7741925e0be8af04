"""Opening the clinic's PostgreSQL server as a room's store: connect, then bring the schema up."""

from __future__ import annotations

import psycopg
from psycopg.conninfo import conninfo_to_dict

from console.data.db_file import DatabaseRefused
from console.data.migrations.postgres import apply_postgres_migrations
from console.data.pg import PgDatabase
from console.data.server_url import redacted
from console.store_errors import StoreError


def _refuse_password(url: str) -> None:
    # A password in --db would end up in shell history, process lists and crash logs.
    try:
        has_password = bool(conninfo_to_dict(url).get("password"))
    except psycopg.ProgrammingError as exc:
        raise DatabaseRefused(f"--db is not a PostgreSQL URL libpq can read ({exc}).") from exc
    if has_password:
        raise DatabaseRefused(
            "--db holds a password: put it in ~/.pgpass (or PGPASSWORD), not in the URL."
        )


def open_server(url: str, *, migrate: bool = True) -> PgDatabase:
    """Connect; create or upgrade the schema by its numbered steps. ``DatabaseRefused`` with one
    sentence when the server cannot be reached or refuses us."""
    _refuse_password(url)
    try:
        db = PgDatabase.connect(url)
    except StoreError as exc:
        raise DatabaseRefused(
            f"The clinic's server at {redacted(url)} cannot be reached ({exc})."
        ) from exc
    try:
        if migrate:
            apply_postgres_migrations(db)
    except StoreError as exc:
        db.close()
        if isinstance(exc.__cause__, psycopg.errors.InsufficientPrivilege):
            # A room's login may use the schema, not create or upgrade it (README).
            raise DatabaseRefused(
                f"The clinic's server at {redacted(url)} needs its console schema created or "
                "upgraded, which this room's login may not do: start the console once as the "
                f"database's owner ({exc})."
            ) from exc
        raise DatabaseRefused(
            f"The clinic's server at {redacted(url)} refused the console's schema ({exc})."
        ) from exc
    return db
