"""Reading the audit trail: admins only, and exporting it is itself audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from console import store_errors
from console.access.auth import require_admin
from console.context import AppContext
from console.data import audit_repo
from console.data.audit_repo import AuditFilter, ChainCheck
from console.data.store import Db
from console.files.backup import list_backups

# The filter and the check's answer are plain values the Audit screen builds and shows.
__all__ = ["AuditFilter", "ChainCheck", "actions", "count", "export_csv", "verify", "view"]


def view(ctx: AppContext, where: AuditFilter, *, limit: int = 1000) -> list[dict[str, Any]]:
    require_admin(ctx)
    return audit_repo.rows(ctx.db, limit=limit, filter=where)


def count(ctx: AppContext, where: AuditFilter) -> int:
    """How many rows match (``view`` shows at most its limit). Only a number: no admin check."""
    return audit_repo.count(ctx.db, where)


def actions(ctx: AppContext) -> list[str]:
    """Every action name the trail holds, for the screen's filter."""
    return audit_repo.actions(ctx.db)


def export_csv(ctx: AppContext, path: Path, where: AuditFilter) -> int:
    """Write the rows matching ``where`` to ``path``; returns how many."""
    require_admin(ctx)
    count = audit_repo.export_csv(ctx.db, path, where)
    ctx.audit(
        "audit.export",
        entity="audit_log",
        detail={
            "rows": count,
            "file": path.name,
            "filter": {k: str(v) for k, v in where.__dict__.items() if v},
        },
    )
    return count


def verify(ctx: AppContext) -> ChainCheck:
    """Is the trail as it was written? (Settings → Audit; `check` runs the same.)"""
    require_admin(ctx)
    return verify_trail(ctx.db, ctx.backups_dir)


def verify_trail(db: Db, backups_dir: Path | None) -> ChainCheck:
    """The hash chain, then each backup's copy of it, newest first; the first fault found.

    The chain needs no secret, so an edit followed by recomputing every later hash passes the
    first test; it cannot also match the hashes the backups took before.
    """
    chain = audit_repo.verify_chain(db)
    if not chain.ok or not chain.chained or backups_dir is None:  # None: no file copies (server)
        return chain
    for copy in list_backups(backups_dir):
        try:
            found = audit_repo.verify_against_copy(db, copy)
        except store_errors.Error:
            continue  # a damaged backup says nothing about the trail (restore refuses it)
        if found is not None:
            return found
    return chain
