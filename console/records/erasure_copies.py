"""Which backups still hold an erased patient's identity, and when the console deletes them.

Backups are copies of the whole file taken before the erasure; the console does not rewrite
them (a backup that changes is no longer a backup). It names them instead, with their date and
how many more backups it takes until rotation deletes each one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from console.data import erasure_repo
from console.data.store import Db
from console.files.backup import KEEP, backup_time, list_backups


@dataclass(frozen=True)
class HeldCopy:
    path: Path
    taken_at: datetime | None
    rotates_after: int | None  # more backups into its folder until it is deleted; None: unknown
    own_folder: bool  # the console's backups/ folder (True) or one given to `backup --to`
    readable: bool = True

    def line(self, zone: ZoneInfo) -> str:
        when = f"{self.taken_at.astimezone(zone):%a %d %b %Y %H:%M}" if self.taken_at else "?"
        if self.rotates_after is None and self.readable:
            return (
                f"{self.path} (backup --to, last written {when}): cannot be reached now; the "
                "copies there made before the erasure still hold them"
            )
        where = self.path.name if self.own_folder else f"{self.path} (backup --to)"
        if not self.readable:
            return f"{where}, taken {when}: could not be read; treat it as holding them"
        more = f"{self.rotates_after} more backup{'s' if self.rotates_after != 1 else ''}"
        into = "" if self.own_folder else " into that folder"
        return f"{where}, taken {when}: deleted after {more}{into}"


def holding(db: Db, backups_dir: Path, patient_id: str) -> list[HeldCopy]:
    """Backups in the console's folder and every `backup --to` folder still holding the patient."""
    folders: list[tuple[Path, datetime | None, bool]] = [(backups_dir, None, True)]
    folders += [
        (folder, at, False)
        for at, folder in erasure_repo.backup_folders(db)
        if not _same(folder, backups_dir)
    ]
    held: list[HeldCopy] = []
    for folder, last_written, own in folders:
        if not own and not folder.is_dir():
            held.append(HeldCopy(folder, last_written, None, own))  # a USB disk not plugged in
            continue
        for index, path in enumerate(list_backups(folder)):
            try:
                found = erasure_repo.identified_in(path, patient_id)
            except sqlite3.Error:
                held.append(HeldCopy(path, backup_time(path), None, own, readable=False))
                continue
            if found:
                # rotate() keeps the newest KEEP: the file at ``index`` goes with KEEP - index more.
                held.append(HeldCopy(path, backup_time(path), max(1, KEEP - index), own))
    return held


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
