"""A PostgreSQL store for the schema tests: the engine adapter when it is there, else a tiny
stand-in over psycopg with the same surface (``execute`` with ``?`` placeholders, ``query``
yielding dicts, ``atomic`` nesting as savepoints, ``engine``).

The stand-in exists only until ``console/data/pg.py`` (PgDatabase) is on main; it runs the real
server, never a mock, and the schema tests use nothing else of it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg


class StandInPgDatabase:
    engine = "postgresql"

    def __init__(self, url: str) -> None:
        self.conn = psycopg.connect(url, autocommit=True)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> psycopg.Cursor[Any]:
        if params is None:
            return self.conn.execute(sql.encode())  # bytes: no placeholder parsing at all
        return self.conn.execute(sql.replace("%", "%%").replace("?", "%s"), list(params))

    def query(self, sql: str, params: Sequence[Any] | None = None) -> Iterator[dict[str, Any]]:
        cursor = self.execute(sql, params)
        names = [c.name for c in cursor.description or []]
        for row in cursor.fetchall():
            yield dict(zip(names, row, strict=True))

    @contextmanager
    def atomic(self) -> Iterator[StandInPgDatabase]:
        with self.conn.transaction():  # psycopg nests a transaction() inside one as a savepoint
            yield self

    def close(self) -> None:
        self.conn.close()


def connect(url: str) -> Any:
    """The store the console would use for ``url``, without migrating it."""
    try:
        from console.data.pg import PgDatabase  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return StandInPgDatabase(url)
    return PgDatabase.connect(url)
