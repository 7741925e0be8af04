"""The journal's tests stop and start a server: their own, never the session's shared one."""

from __future__ import annotations

from tests.journal.outage_support import outage_server, room  # noqa: F401  (fixtures)
