"""The errors a store raises, whichever engine holds the data.

Services catch these tuples instead of one driver's classes, so the same ``except`` works for a
room's SQLite file and the clinic's PostgreSQL server. The server's errors are raised as the
classes below by ``console.data.pg`` (with the server's message word for word); the file's stay
sqlite3's own, which the tuples include.
"""

from __future__ import annotations

import sqlite3


class StoreError(Exception):
    """The clinic's server refused or failed a statement."""


class ServerRefused(StoreError):
    """A constraint, a trigger or a missing privilege refused the write (nothing was saved)."""


class ServerUnavailable(StoreError):
    """The server is there but could not do it now: a lock held too long, a full disk."""


class ServerGone(ServerUnavailable):
    """No connection to the server (cable out, server stopped or restarting)."""


# Any store error, either engine.
Error: tuple[type[Exception], ...] = (sqlite3.Error, StoreError)
# Anything that means "this is not a usable database" (a file that is not ours; a server error).
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError, StoreError)
# The schema refused a write: a unique index, a CHECK, a trigger (a locked visit).
IntegrityError: tuple[type[Exception], ...] = (sqlite3.IntegrityError, ServerRefused)
# The store could not do it now: locked, full disk, read-only, server gone.
OperationalError: tuple[type[Exception], ...] = (sqlite3.OperationalError, ServerUnavailable)
