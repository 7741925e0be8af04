"""The files a room's rows point to (sheets, consents, photos), moved with their rows.

Copied first into a hidden staging folder inside the destination (same disk, so the final
step is a rename), each copy's SHA-256 checked; put in place only once the rows are in, and
taken away again if the server's transaction does not commit. Nothing half-moved either way.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from console.errors import DomainError
from console.files.private import NotWritten, private_dir, reason_for


class FilesRefused(DomainError):
    """A file the rows point to is missing, changed, or cannot be copied."""


@dataclass(frozen=True)
class Wanted:
    relative: str  # as the row stores it, relative to the data folder
    sha256: str | None  # the row's own hash, when the row keeps one
    row: str  # "consent 1f3…", for the sentence when it is missing


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _inside(root: Path, relative: str) -> Path:
    # A row's path is the console's own, but a file from elsewhere must not write outside.
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise FilesRefused(f"The path {relative!r} in the file leads outside its data folder.")
    return root.joinpath(*rel.parts)


@dataclass
class StagedFiles:
    """Copies waiting in ``staging`` for their final place under ``destination``."""

    destination: Path
    staging: Path
    files: dict[str, str] = field(default_factory=dict)  # relative -> sha256
    placed: list[Path] = field(default_factory=list)
    already_there: int = 0

    def place(self) -> None:
        """Rename each copy into place; a file already there must be the same file."""
        for relative, digest in sorted(self.files.items()):
            final = _inside(self.destination, relative)
            if final.exists():
                if sha256_of(final) != digest:
                    raise FilesRefused(
                        f"A different file is already at {final}: nothing was moved "
                        "(move it away, or choose another --files folder)."
                    )
                self.already_there += 1
                continue
            try:
                private_dir(final.parent)
                os.replace(_inside(self.staging, relative), final)
            except OSError as exc:
                raise FilesRefused(f"{final} could not be written: {reason_for(exc)}.") from exc
            self.placed.append(final)

    def take_back(self) -> None:
        """The rows did not go in: remove what ``place`` put there."""
        for path in self.placed:
            path.unlink(missing_ok=True)
        self.placed.clear()

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def stage(source_dir: Path, wanted: list[Wanted], destination: Path) -> StagedFiles:
    """Copy every wanted file into a staging folder under ``destination``, checked."""
    expected: dict[str, Wanted] = {}
    for item in wanted:
        expected.setdefault(item.relative, item)
    try:
        private_dir(destination)
    except NotWritten as exc:
        raise FilesRefused(f"The folder {destination} cannot be made: {exc.reason}.") from exc
    staged = StagedFiles(destination, destination / f".moving-{uuid.uuid4().hex[:12]}")
    try:
        for relative, item in sorted(expected.items()):
            source = _inside(source_dir, relative)
            if not source.is_file():
                raise FilesRefused(
                    f"{source} is missing ({item.row} points to it): nothing was moved "
                    "(put it back from a backup of the room's folder first)."
                )
            digest = sha256_of(source)
            if item.sha256 is not None and digest != item.sha256:
                raise FilesRefused(
                    f"{source} does not match the hash {item.row} keeps (changed after it was "
                    "written?): nothing was moved."
                )
            copy = _inside(staged.staging, relative)
            private_dir(copy.parent)
            shutil.copyfile(source, copy)
            os.chmod(copy, 0o600)
            if sha256_of(copy) != digest:
                raise FilesRefused(f"The copy of {source} does not read back the same.")
            staged.files[relative] = digest
    except OSError as exc:
        staged.discard()
        raise FilesRefused(
            f"The files could not be copied into {destination}: {reason_for(exc)}."
        ) from exc
    except BaseException:
        staged.discard()
        raise
    return staged
