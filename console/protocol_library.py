"""The protocol library as Settings shows it: the version in use, and who saved it when."""

from __future__ import annotations

from dataclasses import dataclass

from console.context import AppContext
from console.data import protocol_repo, protocol_versions_repo
from console.protocol import Protocol


@dataclass(frozen=True)
class SavedVersion:
    """Who saved a version of the library, when (ISO-8601 UTC), and the note they left."""

    version: int
    saved_at: str
    saved_by: str | None  # the practitioner's name; None for the shipped defaults
    note: str


def current(ctx: AppContext) -> Protocol:
    """The version new visits are planned under (visits keep the one they were done under)."""
    return protocol_repo.current(ctx.db)


def saved_version(ctx: AppContext, version: int) -> SavedVersion | None:
    found = protocol_versions_repo.saved(ctx.db, version)
    if found is None:
        return None
    saved_at, saved_by, note = found
    return SavedVersion(version=version, saved_at=saved_at, saved_by=saved_by, note=note)
