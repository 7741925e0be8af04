"""Changing the protocol library: validate, save as a new version, export and import it.

A visit keeps the version it was done under, so saving never rewrites history: it adds a
version. An import is validated whole and either becomes one new version or changes nothing.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.clock import iso
from console.context import AppContext
from console.data import practitioners_repo, protocol_repo
from console.errors import DomainError
from console.model.protocol import Protocol, VersionStamp
from console.protocol import bounds as bounds
from console.protocol.check import Problem, check

FORMAT = "treatment-room-console/protocol-library"
FORMAT_VERSION = 1
# Sections whose items carry an id, so a change can be reported item by item.
_ID_SECTIONS = (
    "devices",
    "cartridge_types",
    "concerns",
    "zones",
    "endpoints",
    "contraindications",
    "aftercare_rules",
)

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "ImportReport",
    "Problem",
    "ProtocolInvalid",
    "can_edit",
    "changes_between",
    "export_document",
    "export_file",
    "import_file",
    "read_document",
    "require_admin",
    "save",
    "validate",
]


class ProtocolInvalid(DomainError):
    """Refused: the document has problems; each one names where it is."""

    def __init__(self, problems: list[Problem], body: dict[str, Any] | None = None) -> None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        where = first.where(body)
        super().__init__(f"{where + ': ' if where else ''}{first.message}{more}", field=None)
        self.problems = problems


def validate(body: Any) -> list[Problem]:
    """Every problem in a library document (an empty list: it may be saved)."""
    return check(body)


def current(ctx: AppContext) -> Protocol:
    """The version new visits are planned under (visits keep the one they were done under)."""
    return protocol_repo.current(ctx.db)


def version_stamp(ctx: AppContext, version: int) -> VersionStamp | None:
    """When the library ``version`` was saved, by whom and why (for the editor's heading)."""
    return protocol_repo.stamp(ctx.db, version)


def can_edit(ctx: AppContext) -> bool:
    """Admins change settings once accounts exist; before that (a fresh install) anyone may."""
    if practitioners_repo.count_active(ctx.db) == 0:
        return True
    if ctx.practitioner_id is None:
        return False
    who = practitioners_repo.get(ctx.db, ctx.practitioner_id)
    return bool(who and who["role"] == "admin")


def require_admin(ctx: AppContext) -> None:
    if not can_edit(ctx):
        raise DomainError("Only an admin can change the settings. Ask your clinic's admin.")


def changes_between(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """What differs, per section: ids added/removed/changed, or True for a changed value."""
    out: dict[str, Any] = {}
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if key in _ID_SECTIONS and isinstance(a, list) and isinstance(b, list):
            ia = {i.get("id"): i for i in a if isinstance(i, dict)}
            ib = {i.get("id"): i for i in b if isinstance(i, dict)}
            entry = {
                "added": sorted(str(k) for k in ib.keys() - ia.keys()),
                "removed": sorted(str(k) for k in ia.keys() - ib.keys()),
                "changed": sorted(str(k) for k in ia.keys() & ib.keys() if ia[k] != ib[k]),
            }
            out[key] = {k: v for k, v in entry.items() if v} or {"reordered": True}
        else:
            out[key] = True
    return out


def save(
    ctx: AppContext, body: dict[str, Any], *, note: str = "", check_role: bool = True
) -> Protocol:
    """Store ``body`` as the next protocol version, with an audit row; refuses a bad document.

    ``check_role=False`` is for the command line: whoever can run it can write the file anyway.
    """
    if check_role:
        require_admin(ctx)
    problems = validate(body)
    if problems:
        raise ProtocolInvalid(problems, body)
    previous = protocol_repo.current(ctx.db)
    changes = changes_between(previous.body, body)
    if not changes:
        raise DomainError("Nothing has changed since the current version.")
    # A deep copy: the editor keeps editing its dict, the stored version must not follow it.
    body = copy.deepcopy(body)
    with ctx.db.atomic():
        protocol = protocol_repo.save_version(
            ctx.db, body, now=ctx.now(), by=ctx.practitioner_id, note=note
        )
        ctx.audit(
            "protocol.version",
            entity="protocol",
            entity_id=str(protocol.version),
            detail={
                "version": protocol.version,
                "previous": previous.version,
                "note": note,
                "changes": changes,
            },
        )
    return protocol


# -- export / import -----------------------------------------------------------------------
def export_document(ctx: AppContext) -> dict[str, Any]:
    current = protocol_repo.current(ctx.db)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": iso(ctx.now()),
        "protocol_version": current.version,
        "library": current.body,
    }


def export_file(ctx: AppContext, out: Path) -> int:
    """Write the current library to ``out`` (JSON, UTF-8); returns the version written."""
    doc = export_document(ctx)
    text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)  # a half-written export never sits under the final name
    ctx.audit(
        "protocol.export",
        entity="protocol",
        entity_id=str(doc["protocol_version"]),
        detail={"file": out.name},
    )
    return int(doc["protocol_version"])


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or why it refused): shown in a dialog and printed by the CLI."""

    ok: bool
    source: str
    new_version: int | None = None
    source_version: int | None = None
    problems: tuple[Problem, ...] = ()
    changes: dict[str, Any] = field(default_factory=dict)
    message: str = ""
    body: dict[str, Any] = field(default_factory=dict, repr=False)

    def lines(self) -> list[str]:
        out = [self.message]
        for p in self.problems:
            where = p.where(self.body)
            out.append(f"  {where}: {p.message}" if where else f"  {p.message}")
        for section, change in self.changes.items():
            parts = (
                ["changed"]
                if change is True
                else [f"{k} {', '.join(v)}" for k, v in change.items() if isinstance(v, list)]
            )
            out.append(f"  {section}: " + ("; ".join(parts) or "reordered"))
        return out


def read_document(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The library inside an export file, or None and the reason it is not one."""
    try:
        with path.open("rb") as f:
            raw = f.read(bounds.MAX_FILE_BYTES + 1)  # never more than the limit into memory
    except OSError as exc:
        return None, f"The file could not be read ({exc.strerror or exc})."
    if len(raw) > bounds.MAX_FILE_BYTES:
        return None, (
            f"The file is larger than a protocol library can be "
            f"({bounds.MAX_FILE_BYTES // 1_000_000} MB at most)."
        )
    try:
        doc = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        # ValueError: bad JSON, NaN/Infinity, or an integer of thousands of digits.
        return None, f"The file is not a JSON document ({exc})."
    except RecursionError:
        # The parser recurses per bracket; the library's own depth is checked with its size.
        return None, "The file is nested far deeper than a protocol library can be."
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        return None, "The file is not a protocol library exported by this console."
    version = doc.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        return None, "The file was written by a newer console: update this one first."
    library = doc.get("library")
    if not isinstance(library, dict):
        return None, "The file holds no library."
    return doc, ""


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a protocol can hold")


def import_file(ctx: AppContext, path: Path, *, check_role: bool = True) -> ImportReport:
    """Validate the file whole; save it as one new version, or refuse and save nothing."""
    if check_role:
        require_admin(ctx)
    doc, reason = read_document(path)
    if doc is None:
        return ImportReport(ok=False, source=path.name, message=f"Not imported: {reason}")
    library: dict[str, Any] = doc["library"]
    source_version = doc.get("protocol_version")
    source_version = source_version if isinstance(source_version, int) else None
    problems = validate(library)
    if problems:
        return ImportReport(
            ok=False,
            source=path.name,
            source_version=source_version,
            problems=tuple(problems),
            message=f"Not imported: {len(problems)} problem(s) in {path.name}; nothing changed.",
            body=library,
        )
    changes = changes_between(protocol_repo.current(ctx.db).body, library)
    if not changes:
        return ImportReport(
            ok=True,
            source=path.name,
            source_version=source_version,
            message="Already identical to the current library: no new version needed.",
        )
    note = f"Imported from {path.name}"
    if source_version is not None:
        note += f" (version {source_version} there)"
    protocol = save(ctx, library, note=note, check_role=False)
    return ImportReport(
        ok=True,
        source=path.name,
        new_version=protocol.version,
        source_version=source_version,
        changes=changes,
        message=f"Imported {path.name} as protocol version {protocol.version}.",
        body=library,
    )
