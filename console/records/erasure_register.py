"""The register of erased patients, kept beside the database so a restore can erase them again.

A backup taken before an erasure still holds the patient; restoring it would bring them back.
This small file (patient ids and when they were erased, nothing that identifies a person) lives
in the data folder, outside every backup, and outlives the database file it was written for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from console.clock import iso, parse_iso
from console.errors import DomainError
from console.files.private import write_private

FILENAME = "erasures.json"
_FORMAT = 1


@dataclass(frozen=True)
class Erased:
    patient_id: str
    at: datetime


def path_in(data_dir: Path) -> Path:
    return data_dir / FILENAME


def read(data_dir: Path) -> list[Erased]:
    """Every registered erasure, oldest first; no file yet means none.

    An unreadable register is refused, never taken for an empty one: that would let a restore
    bring back patients who asked to be erased.
    """
    path = path_in(data_dir)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise DomainError(f"The erasure register {path} cannot be read ({exc.strerror}).") from exc
    try:
        doc = json.loads(raw.decode("utf-8"))
        entries = [Erased(str(e["patient_id"]), parse_iso(str(e["at"]))) for e in doc["erased"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise DomainError(
            f"The erasure register {path} is damaged; restore it from where you keep copies of "
            "the data folder before erasing or restoring."
        ) from exc
    return sorted(entries, key=lambda e: e.at)


def add(data_dir: Path, patient_id: str, at: datetime) -> bool:
    """Register ``patient_id``, written atomically; False when it was already there (the first
    date is kept)."""
    entries = read(data_dir)
    if any(e.patient_id == patient_id for e in entries):
        return False
    _write(data_dir, [*entries, Erased(patient_id, at)])
    return True


def remove(data_dir: Path, patient_id: str) -> None:
    """Undo ``add`` when the erasure it belongs to did not commit."""
    entries = read(data_dir)
    kept = [e for e in entries if e.patient_id != patient_id]
    if len(kept) != len(entries):
        _write(data_dir, kept)


def _write(data_dir: Path, entries: list[Erased]) -> None:
    doc = {
        "format": _FORMAT,
        "about": "Patients erased from the console database beside this file; a restore of an "
        "older backup erases them again. Holds no personal data.",
        "erased": [{"patient_id": e.patient_id, "at": iso(e.at)} for e in entries],
    }
    write_private(path_in(data_dir), json.dumps(doc, indent=1).encode("utf-8"))
