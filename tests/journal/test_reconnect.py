"""The adapter after its connection broke: the next call outside a transaction connects again
(once, bounded); inside a transaction nothing is resumed on a new connection."""

from __future__ import annotations

import time

import pytest

from console.data.pg import RECONNECT_TIMEOUT_S, PgDatabase
from console.store_errors import ServerGone
from tests import pg_outage
from tests.pg_fixtures import create_database
from tests.pg_server import PgServer


def test_the_next_call_after_a_restart_reconnects_and_a_transaction_never_does(
    outage_server: PgServer,
) -> None:
    db = PgDatabase.connect(create_database(outage_server))
    db.execute("CREATE TABLE t (a TEXT)")
    pg_outage.stop(outage_server)
    try:
        with pytest.raises(ServerGone):
            db.execute("SELECT 1")  # the restart ended the connection
        began = time.monotonic()
        with pytest.raises(ServerGone):
            db.execute("SELECT 1")  # one attempt to connect, refused at once: no busy loop
        assert time.monotonic() - began < RECONNECT_TIMEOUT_S + 1
    finally:
        pg_outage.start(outage_server)
    assert db.execute("SELECT 2").fetchone() == (2,)  # connected again, nothing else to do

    with pytest.raises(ServerGone), db.atomic():
        db.execute("INSERT INTO t VALUES ('before')")
        pg_outage.stop(outage_server)
        try:
            db.execute("INSERT INTO t VALUES ('after')")
        finally:
            pg_outage.start(outage_server)
    # Neither half of the interrupted transaction was kept, on the old or a new connection.
    assert db.execute("SELECT COUNT(*) FROM t").fetchone() == (0,)
    db.close()
