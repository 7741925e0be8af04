"""What the clinic's PostgreSQL server says about itself (its version), for its backups."""

from __future__ import annotations

from console.data.store import Db


def server_major(db: Db) -> int:
    """The server's major version (15 for 15.8): pg_dump must be at least as new."""
    return int(db.execute("SHOW server_version_num").fetchone()[0]) // 10000
