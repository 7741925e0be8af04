"""PLACEHOLDER until h13-schema lands (the lead's branch only)."""

from __future__ import annotations

from console.data.store import Db


def apply_postgres_migrations(db: Db) -> None:
    raise NotImplementedError


def applied_postgres(db: Db) -> list[str]:
    raise NotImplementedError
