"""Storage failures (full disk, read-only file, I/O error) as messages a practitioner can act on.

The transaction has rolled back when these are raised, so nothing is half-saved; the
in-memory state (a running pass) is kept so the action can simply be repeated.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from console import store_errors
from console.errors import DomainError

P = ParamSpec("P")
R = TypeVar("R")


class StorageError(DomainError):
    """The database file could not be written."""


class ServerGoneError(StorageError):
    """The clinic's server does not answer: in a room on the server, the journal takes over."""


def explain(exc: Exception) -> str:
    text = str(exc).lower()
    if "full" in text:
        why = "the disk is full"
    elif "readonly" in text or "read-only" in text:
        why = "the database file is read-only"
    elif "locked" in text or "busy" in text or "lock timeout" in text:
        why = "another program is using the database"
    elif isinstance(exc, store_errors.ServerGone):
        why = "the clinic's server does not answer"
    else:
        why = f"the database reported: {exc}"
    return f"Not saved: {why}. Nothing was half-saved; fix it and repeat the last action."


def guarded(method: Callable[P, R]) -> Callable[P, R]:
    """Turn the store's operational errors into a StorageError with a plain message."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except store_errors.OperationalError as exc:
            if isinstance(exc, store_errors.ServerGone):
                raise ServerGoneError(explain(exc)) from exc
            raise StorageError(explain(exc)) from exc

    return wrapper
