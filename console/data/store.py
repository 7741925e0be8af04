"""What repositories and services hold: one store, the room's file or the clinic's server.

``Db`` is the part of sqlite-utils' ``Database`` the console uses, which ``ConsoleDatabase``
(the file, ``console.data.db``) and ``PgDatabase`` (the server, ``console.data.pg``) both offer.
Code that needs what only one engine has (a file to copy, ``pg_dump``) asks ``db.engine``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Any, Protocol

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


class Db(Protocol):
    @property
    def engine(self) -> str: ...

    def execute(self, sql: str, parameters: Any = None) -> Any: ...

    def executemany(self, sql: str, rows: Iterable[Any]) -> None: ...

    def query(self, sql: str, params: Any = None) -> Iterator[dict[str, Any]]: ...

    def atomic(self) -> AbstractContextManager[Any]: ...

    def close(self) -> None: ...


def is_server(db: Db) -> bool:
    return db.engine == POSTGRESQL


def file_connection(db: Db) -> sqlite3.Connection:
    """The sqlite3 connection under a room's file, for what only a file has (backup, WAL)."""
    conn = getattr(db, "conn", None)
    if is_server(db) or not isinstance(conn, sqlite3.Connection):
        raise TypeError(f"{db!r} is not a room's file")
    return conn
