"""Reading the audit trail: admins only, and exporting it is itself audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from console.auth import require_admin
from console.context import AppContext
from console.data import audit_repo
from console.data.audit_repo import AuditFilter


def view(ctx: AppContext, where: AuditFilter, *, limit: int = 1000) -> list[dict[str, Any]]:
    require_admin(ctx)
    return audit_repo.rows(ctx.db, limit=limit, filter=where)


def export_csv(ctx: AppContext, path: Path, where: AuditFilter) -> int:
    """Write the rows matching ``where`` to ``path``; returns how many."""
    require_admin(ctx)
    count = audit_repo.export_csv(ctx.db, path, where)
    ctx.audit("audit.export", entity="audit_log", detail={
        "rows": count, "file": path.name,
        "filter": {k: str(v) for k, v in where.__dict__.items() if v},
    })  # fmt: skip
    return count
