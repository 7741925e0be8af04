"""What Settings → About shows: which console this is and where its data lives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import console
from console.context import AppContext
from console.data.db import schema_version
from console.files import backup, logs


@dataclass(frozen=True)
class About:
    version: str
    schema: str  # the last migration applied, e.g. "0008_fts_rowid_map"
    db_path: str  # "in memory" for a test database
    data_dir: Path
    backups_dir: Path
    handouts_dir: Path
    logs_dir: Path
    backups: int
    newest_backup: str  # its file name, or "" when there is none yet


def about(ctx: AppContext) -> About:
    found = backup.list_backups(ctx.backups_dir)
    return About(
        version=console.__version__,
        schema=schema_version(ctx.db) or "none",
        db_path=str(ctx.db_path.resolve()) if ctx.db_path is not None else "in memory",
        data_dir=ctx.data_dir,
        backups_dir=ctx.backups_dir,
        handouts_dir=ctx.handouts_dir,
        logs_dir=logs.log_dir(ctx.data_dir),
        backups=len(found),
        newest_backup=found[0].name if found else "",
    )
