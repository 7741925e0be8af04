"""The console's PostgreSQL store for the schema tests, and how they expect the server's errors.

The adapter (``console/data/pg.py``) turns psycopg's errors into the console's own
(``console.store_errors``) and keeps the server's error as the cause; ``raises_pg`` checks both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

import pytest

from console.data.pg import PgDatabase
from console.store_errors import StoreError


def connect(url: str) -> Any:
    """The store the console would use for ``url``, without migrating it."""
    return PgDatabase.connect(url)


@contextmanager
def raises_pg(kind: type[BaseException], match: str | None = None) -> Iterator[SimpleNamespace]:
    """Expect the console's store error caused by the server's ``kind``; ``.value`` is that."""
    holder = SimpleNamespace(value=None)
    with pytest.raises(StoreError) as caught:
        yield holder
    cause = caught.value.__cause__
    assert isinstance(cause, kind), f"{cause!r} is not a {kind.__name__}"
    if match is not None:
        assert re.search(match, str(cause)), f"{match!r} not in {cause}"
    holder.value = cause
