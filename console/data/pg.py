"""The clinic's PostgreSQL server as a store: the same calls the repositories make on the file.

Repositories are written once, in the SQL both engines speak, with SQLite's ``?`` and ``:name``
placeholders. ``PgDatabase`` offers the part of sqlite-utils' ``Database`` they use (``execute``,
``query``, ``executemany``, ``atomic``, ``close``) over one psycopg 3 connection, and rewrites the
placeholders into psycopg's (``%s``, ``%(name)s``). That rewrite is the whole of the translation:
where the engines really differ (search, introspection, the audit counter) a repository asks
``db.engine`` and says both forms side by side, so no hidden dialect translator grows here.

psycopg's errors become the console's own (``console.data.db_errors``), so services catch one
family of errors whichever engine a room runs on; the server's own message (a trigger's
"completed visits are locked") is kept word for word.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.rows import dict_row

from console.store_errors import ServerGone, ServerRefused, ServerUnavailable, StoreError

# How long a room waits for a lock another room holds before it says so (a stop pass is a few
# milliseconds; only a backup or a migration holds locks for longer).
LOCK_TIMEOUT_MS = 5000
# Connecting to a server that does not answer: a room says "saving locally" after this long.
CONNECT_TIMEOUT_S = 5
# Reconnecting after the connection broke: shorter, because a room tries it on the next call
# (a stop pass, the journal's timer) and the practitioner waits for that call.
RECONNECT_TIMEOUT_S = 2
# A pulled cable sends nothing: without these a statement on a dead TCP connection waits for
# the kernel's retransmission timeout (~15 min). libpq ignores them on a unix socket.
_TCP_LIVENESS = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 10_000,
}

_TOKEN = re.compile(
    r"""
    (?P<literal>'(?:[^']|'')*')          # a string literal: left alone
  | (?P<ident>"(?:[^"]|"")*")            # a quoted identifier: left alone
  | (?P<comment>--[^\n]*)                # a line comment: left alone
  | (?P<cast>::)                         # PostgreSQL's cast, not a named parameter
  | (?P<qmark>\?)
  | (?P<named>(?<![\w:]):(?P<name>[A-Za-z_]\w*))
  | (?P<percent>%)
    """,
    re.VERBOSE,
)


@functools.lru_cache(maxsize=1024)
def placeholders(sql: str) -> str:
    """SQLite's ``?``/``:name`` as psycopg's ``%s``/``%(name)s``; a literal ``%`` doubled."""

    def swap(m: re.Match[str]) -> str:
        if m.group("qmark"):
            return "%s"
        if m.group("named"):
            return f"%({m.group('name')})s"
        if m.group("percent") or m.group("literal") or m.group("comment"):
            return m.group(0).replace("%", "%%")  # psycopg reads % everywhere, quotes or not
        return m.group(0)

    return _TOKEN.sub(swap, sql)


def _as_sent(sql: str, params: object) -> Any:
    # Without parameters psycopg sends the text as it is (no % is read), so nothing is rewritten:
    # a statement's own ? and % (in a literal, in DDL) reach the server as written.
    return sql if params is None else placeholders(sql)


def _translate(exc: psycopg.Error) -> StoreError:
    message = exc.diag.message_primary or str(exc).strip().splitlines()[0]
    if isinstance(exc, pg_errors.IntegrityError | pg_errors.RaiseException):
        return ServerRefused(message)
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return ServerRefused(message)
    if isinstance(exc, psycopg.OperationalError) and exc.sqlstate in (None, "57P01", "57P02"):
        # No SQLSTATE: the connection itself failed (cable out, server stopped).
        return ServerGone(message)
    if isinstance(exc, pg_errors.LockNotAvailable | pg_errors.QueryCanceled):
        return ServerUnavailable(message)
    if isinstance(exc, pg_errors.SerializationFailure | pg_errors.DeadlockDetected):
        return ServerUnavailable(message)
    if isinstance(exc, pg_errors.DiskFull | pg_errors.AdminShutdown | pg_errors.CannotConnectNow):
        return ServerUnavailable(message)
    return StoreError(message)


@contextlib.contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except psycopg.Error as exc:
        raise _translate(exc) from exc


# SQLite's rowid is hidden from ``SELECT *``; the server's stand-in (a real identity column,
# so that ORDER BY rowid means insertion order on both) is hidden from rows the same way, as is
# the server's stored search column (patients.search_words), which the file has no column for.
_HIDDEN = ("rowid", "search_words")


class _WithoutHidden:
    """A cursor's rows without the hidden columns, for statements that selected them by ``*``."""

    def __init__(self, cursor: psycopg.Cursor[Any], hidden: set[int]) -> None:
        self._cursor, self._hidden = cursor, hidden
        self.description = [d for i, d in enumerate(cursor.description or []) if i not in hidden]
        self.rowcount = cursor.rowcount

    def _cut(self, row: Any) -> tuple[Any, ...]:
        return tuple(v for i, v in enumerate(row) if i not in self._hidden)

    def fetchone(self) -> tuple[Any, ...] | None:
        row = self._cursor.fetchone()
        return None if row is None else self._cut(row)

    def fetchall(self) -> list[tuple[Any, ...]]:
        return [self._cut(r) for r in self._cursor.fetchall()]

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return (self._cut(r) for r in self._cursor)


def _connect(url: str, timeout_s: int) -> psycopg.Connection[Any]:
    with _errors():
        return psycopg.connect(
            url,
            autocommit=True,
            connect_timeout=timeout_s,
            application_name="treatment-console",
            options=f"-c lock_timeout={LOCK_TIMEOUT_MS} -c TimeZone=UTC",
            **_TCP_LIVENESS,  # type: ignore[arg-type]
        )


class PgDatabase:
    """One room's connection to the clinic's server (autocommit; ``atomic()`` begins one)."""

    engine = "postgresql"

    def __init__(self, conn: psycopg.Connection[Any], url: str) -> None:
        self.conn = conn
        self.url = url  # as given to --db: a libpq URL, which never holds the password here
        self._depth = 0  # open atomic() blocks: a broken connection is not replaced inside one

    @classmethod
    def connect(cls, url: str) -> PgDatabase:
        return cls(_connect(url, CONNECT_TIMEOUT_S), url)

    def _usable(self) -> None:
        """After the connection broke (``ServerGone``), the next call outside a transaction
        connects again: one attempt, bounded by RECONNECT_TIMEOUT_S, never a loop. Inside a
        transaction there is nothing to resume: that call fails and the caller's block rolls
        back with it."""
        if not self.conn.broken:  # closed by close(): the room is quitting, not reconnecting
            return
        if self._depth:
            raise ServerGone("the connection to the clinic's server was lost")
        self.conn = _connect(self.url, RECONNECT_TIMEOUT_S)

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        """One statement; a cursor (``fetchone``/``fetchall``/``rowcount``), rows as tuples."""
        self._usable()
        with _errors():
            cursor = self.conn.execute(_as_sent(sql, parameters), parameters)
        names = [d.name for d in cursor.description or ()]
        hidden = {i for i, name in enumerate(names) if name in _HIDDEN}
        return _WithoutHidden(cursor, hidden) if hidden else cursor

    def executemany(self, sql: str, rows: Any) -> None:
        self._usable()
        with _errors(), self.conn.cursor() as cur:
            cur.executemany(placeholders(sql), list(rows))

    def query(
        self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Rows as dicts, as sqlite-utils' ``query`` yields them."""
        self._usable()
        with _errors(), self.conn.cursor(row_factory=dict_row) as cur:
            cur.execute(_as_sent(sql, params), params)
            rows = cur.fetchall()
        for row in rows:
            for name in _HIDDEN:
                row.pop(name, None)
            yield row

    @contextlib.contextmanager
    def atomic(self) -> Iterator[PgDatabase]:
        """A transaction; inside another one, a savepoint (as on the file)."""
        self._usable()
        self._depth += 1
        try:
            with _errors(), self.conn.transaction():
                yield self
        finally:
            self._depth -= 1

    def close(self) -> None:
        self.conn.close()

    def __repr__(self) -> str:
        return f"<PgDatabase {self.conn.info.host}/{self.conn.info.dbname}>"
