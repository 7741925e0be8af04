"""What every service and screen needs: the database, the clock, the files, who is signed in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from console.clock import Clock, SystemClock
from console.data import protocol_repo
from console.data.db import open_store
from console.data.server_url import is_server_url, redacted
from console.data.store import Db
from console.files import paths
from console.settings.clinic_time import clinic_zone


class SignedIn:
    """Who is signed in: the one place that knows. Services stamp every record with it and
    the screens' visit flow reads it (and announces changes) rather than keeping a copy."""

    __slots__ = ("practitioner_id",)

    def __init__(self, practitioner_id: str | None = None) -> None:
        self.practitioner_id = practitioner_id


class _SignedInNow:
    """The default of ``AppContext.audit(by=…)``: whoever is signed in when the row is written."""


SIGNED_IN = _SignedInNow()


@dataclass
class AppContext:
    db: Db
    db_path: Path | None  # None: the clinic's server (``server``) or an in-memory file (tests)
    clock: Clock = field(default_factory=SystemClock)
    data_dir: Path = field(default_factory=paths.default_data_dir)
    signed_in: SignedIn = field(default_factory=SignedIn)
    # The clinic's server this room works on, as it may be shown (no password); None: a file.
    server: str | None = None
    # This PC's room settings (console/settings/room.py): per PC, not in the shared database.
    room_file: Path = field(default_factory=paths.room_file_path)

    @property
    def practitioner_id(self) -> str | None:
        """Who is signed in; every record carries it."""
        return self.signed_in.practitioner_id

    @practitioner_id.setter
    def practitioner_id(self, practitioner_id: str | None) -> None:
        self.signed_in.practitioner_id = practitioner_id

    @property
    def handouts_dir(self) -> Path:
        return self.data_dir / "handouts"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    def now(self) -> datetime:
        return self.clock.now()

    def timezone(self) -> ZoneInfo:
        """The clinic's timezone (setting ``clinic.timezone``), for dates people read."""
        return clinic_zone(self.db)

    def today(self) -> date:
        """The clinic's local date: expiry and waiting periods are judged by it."""
        return self.now().astimezone(self.timezone()).date()

    def audit(
        self,
        action: str,
        *,
        entity: str = "",
        entity_id: str = "",
        detail: dict[str, Any] | None = None,
        by: str | _SignedInNow | None = SIGNED_IN,
    ) -> None:
        """Append an audit row for what the signed-in practitioner just did: the one audit path.

        Its own transaction, or a savepoint inside the caller's when one is open, so the row
        is written together with the change it describes or not at all. ``by`` names who
        acted only when that is not the signed-in practitioner: a sign-in attempt belongs to
        the account tried (nobody is signed in yet), a first admin creates themselves.
        """
        from console.data import audit_repo

        who = self.practitioner_id if isinstance(by, _SignedInNow) else by
        with self.db.atomic():
            audit_repo.record(
                self.db,
                at=self.now(),
                by=who,
                action=action,
                entity=entity,
                entity_id=entity_id,
                detail=detail,
            )

    def close(self) -> None:
        """Close the database: the console is quitting (or never got going)."""
        self.db.close()

    def require_practitioner(self) -> str:
        from console.errors import DomainError

        if self.practitioner_id is None:
            raise DomainError("Sign in first: every record carries who made it.")
        return self.practitioner_id


def open_context(
    db_path: Path | str | None,
    *,
    clock: Clock | None = None,
    data_dir: Path | None = None,
    create: bool = True,
) -> AppContext:
    """Open (and on first start, when ``create``, create and seed) the database at ``db_path``:
    a room's file, or the clinic's server when it is a ``postgresql://`` URL."""
    clock = clock or SystemClock()
    db = open_store(db_path, create=create)
    protocol_repo.seed_defaults(db, clock.now())
    if is_server_url(db_path):
        # Sheets, consents and photos: the clinic's shared files folder (--files), else this
        # PC's data folder (README: a clinic points every room at one shared folder).
        return AppContext(
            db=db,
            db_path=None,
            clock=clock,
            data_dir=data_dir or paths.clinic_files_dir(),
            server=redacted(str(db_path)),
        )
    path = Path(db_path) if db_path is not None else None
    if data_dir is None:
        data_dir = paths.data_dir_for(path)
    return AppContext(db=db, db_path=path, clock=clock, data_dir=data_dir)
