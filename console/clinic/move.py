"""Moving a room's file onto the clinic's server: every row, its files and its audit trail.

One transaction on the server: every row goes in, is counted and checked, or none does. The
file is only read. Ids are UUIDs, so a second room's file joins the first without collisions;
what two rooms both hold by nature (the same practitioner, the shipped photo views, the clinic's
settings, library versions with the same number) is kept once, as the tables below say.

The audit trail continues the server's: each moved row keeps its order and its words, and is
numbered and chained after the server's last row (an empty server: the file's own numbers and
hashes, unchanged). The ``clinic.move`` row written after them records the file's first and
last hash and the offset, so the file's own chain can be recomputed from the moved rows at any
time (``original_chain_ok``), and a second run of the same file is recognised by it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console import store_errors
from console.clinic import move_files
from console.context import AppContext
from console.data import audit_repo, move_repo
from console.data.audit_chain import GENESIS, row_hash
from console.data.db_file import refuse_unusable
from console.data.patients_repo import folded_name
from console.data.store import Db
from console.errors import DomainError

# Settings that belong to a room's PC (its printer, pedal keys, type size…), not the clinic.
ROOM_LOCAL = ("room.", "keys.", "ui.")
# Tables two rooms both hold by nature, kept once by this key (the server's row wins).
SHARED_BY_KEY = {"practitioners": "id", "photo_views": "id", "settings": "key"}
# Numbered library versions: the same number with the same body is one version; another body
# gets the server's next number, and the moved rows that cite it follow.
VERSIONED = {
    "protocol_versions": [("visits", "protocol_version")],
    "consent_template_versions": [
        ("consents", "library_version"),
        ("consent_declines", "library_version"),
    ],
}
# Columns that name a file under the data folder, and the column holding its hash (if any).
FILE_COLUMNS: dict[str, list[tuple[str, str | None]]] = {
    "handouts": [("path", "sha256")],
    "consents": [("pdf_path", "pdf_sha256")],
    "photos": [("path", "sha256"), ("thumb_path", None), ("screen_path", None)],
}
# Hashes compared row by row between the file and the server after the move.
HASHED = {"handouts": "sha256", "consents": "pdf_sha256"}


class MoveRefused(DomainError):
    """The file was not moved (nothing on the server or in the folder changed)."""


@dataclass(frozen=True)
class Namesake:
    name: str
    born: str
    in_file: str  # patient id
    on_server: str


@dataclass
class MoveSummary:
    source: Path
    server: str
    files_dir: Path
    moved: dict[str, int] = field(default_factory=dict)  # table -> rows moved
    kept: dict[str, int] = field(default_factory=dict)  # table -> rows already on the server
    files: int = 0
    files_already_there: int = 0
    audit_first: int = 0  # the moved trail's rows on the server
    audit_last: int = 0
    seq_offset: int = 0  # server seq = the file's seq + this
    chain_rows: int = 0
    room: str = ""  # the room's name (its setting, else its folder's), to tell rows apart
    renumbered: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    settings_kept: list[str] = field(default_factory=list)
    namesakes: list[Namesake] = field(default_factory=list)
    already_moved: str = ""  # set when this file was moved before: nothing changed


def move_file(ctx: AppContext, source: Path) -> MoveSummary:
    """Move the room's file at ``source`` onto ``ctx.db`` (the server), its files into
    ``ctx.data_dir``. Raises ``MoveRefused`` (or ``DatabaseRefused``) with one sentence."""
    refuse_unusable(source, may_create=False)
    summary = MoveSummary(source, ctx.server or "the server", ctx.data_dir)
    room = move_repo.open_file_read_only(source)
    try:
        _refuse_unready(room, source)
        summary.room = move_repo.room_name(room) or source.resolve().parent.name
        trail = move_repo.audit_rows(room)
        trail_id = str(trail[0][-1]) if trail else ""
        if trail_id and _moved_before(ctx, trail, trail_id, summary):
            return summary
        staged = move_files.stage(source.resolve().parent, _wanted(room), ctx.data_dir)
        try:
            with ctx.db.atomic():
                _copy_rows(ctx, room, summary)
                _append_trail(ctx, trail, trail_id, summary)
                _verify(ctx, room, trail, summary)
                staged.place()
            summary.files = len(staged.files)
            summary.files_already_there = staged.already_there
        except BaseException:
            staged.take_back()
            raise
        finally:
            staged.discard()
    except store_errors.Error as exc:
        raise MoveRefused(f"The server refused the move, so nothing was moved: {exc}") from exc
    finally:
        room.close()
    return summary


def _refuse_unready(room: Db, source: Path) -> None:
    pending = move_repo.pending_steps(room)
    if pending:
        raise MoveRefused(
            f"{source} has schema steps still to apply (from {pending[0]} on): open it once "
            "with this console (python -m console --db FILE) and quit, then move it."
        )
    chain = audit_repo.verify_chain(room)
    if not chain.ok:
        raise MoveRefused(f"{source}: {chain.sentence()}; nothing was moved.")


def _moved_before(
    ctx: AppContext, trail: list[tuple[Any, ...]], trail_id: str, summary: MoveSummary
) -> bool:
    earlier = move_repo.earlier_move(ctx.db, trail_id)
    if earlier is None:
        return False
    detail = json.loads(earlier["detail"])
    if int(detail.get("rows", 0)) != len(trail):
        newer = len(trail) - int(detail.get("rows", 0))
        raise MoveRefused(
            f"{summary.source} was moved onto this server at {earlier['at']}, and its trail has "
            f"{newer} row(s) written since in the room: those are not moved by a second run "
            "(nothing changed)."
        )
    summary.already_moved = (
        f"{summary.source} was already moved onto this server at {earlier['at']} "
        f"(audit row {earlier['seq']}); nothing changed."
    )
    return True


def _wanted(room: Db) -> list[move_files.Wanted]:
    wanted: list[move_files.Wanted] = []
    for table, pairs in FILE_COLUMNS.items():
        columns = [c for pair in pairs for c in pair if c is not None]
        for row in move_repo.file_rows(room, table, ["id", *columns]):
            values = dict(zip(["id", *columns], row, strict=True))
            for path_column, hash_column in pairs:
                if values[path_column]:
                    digest = values[hash_column] if hash_column else None
                    what = f"{table[:-1]} {values['id']}"
                    wanted.append(move_files.Wanted(str(values[path_column]), digest, what))
    return wanted


def _copy_rows(ctx: AppContext, room: Db, summary: MoveSummary) -> None:
    db = ctx.db
    renumbering: dict[str, dict[int, int]] = {}
    before_namesakes = {
        (folded_name(name), born): pid for pid, name, born in move_repo.patients_named(db)
    }
    for table in move_repo.tables_in_order(db):
        if table == move_repo.AUDIT:
            continue
        columns = move_repo.copied_columns(db, table)
        rows = move_repo.file_rows(room, table, columns)
        rows = _follow_renumbering(table, columns, rows, renumbering)
        if table in SHARED_BY_KEY:
            rows = _new_shared(ctx, table, columns, rows, summary)
        elif table in VERSIONED:
            rows, renumbering[table] = _new_versions(ctx, table, columns, rows, summary)
        elif "id" in columns:
            _refuse_present(ctx, table, columns, rows, summary)
        before = move_repo.count(db, table)
        with move_repo.locks_lifted(db, table):
            move_repo.insert(db, table, columns, rows)
        moved = move_repo.count(db, table) - before
        if moved != len(rows):
            raise MoveRefused(f"{table}: {len(rows)} rows sent, {moved} arrived; nothing moved.")
        summary.moved[table] = moved
        if table == "patients":
            summary.namesakes = _namesakes(columns, rows, before_namesakes)


def _follow_renumbering(
    table: str,
    columns: list[str],
    rows: list[tuple[Any, ...]],
    renumbering: dict[str, dict[int, int]],
) -> list[tuple[Any, ...]]:
    """Rows citing a version that got a new number on the server cite the new number."""
    for versions, citing in VERSIONED.items():
        for citing_table, column in citing:
            if citing_table != table:
                continue
            if versions not in renumbering:  # the numbers must be settled before they are cited
                raise RuntimeError(f"{table} was reached before {versions}")
            mapping = renumbering[versions]
            if not mapping:
                continue
            at = columns.index(column)
            rows = [
                (*r[:at], mapping.get(r[at], r[at]), *r[at + 1 :]) if r[at] in mapping else r
                for r in rows
            ]
    return rows


def _new_shared(
    ctx: AppContext, table: str, columns: list[str], rows: list[tuple[Any, ...]], s: MoveSummary
) -> list[tuple[Any, ...]]:
    key = SHARED_BY_KEY[table]
    at = columns.index(key)
    if table == "settings":
        rows = [r for r in rows if not str(r[at]).startswith(ROOM_LOCAL)]
    there = move_repo.rows_by_key(ctx.db, table, key, columns)
    fresh = [r for r in rows if r[at] not in there]
    s.kept[table] = len(rows) - len(fresh)
    if table == "practitioners":
        fresh = _named_apart(columns, fresh, there, s)
    if table == "settings":
        value = columns.index("value")
        s.settings_kept = [
            f"{r[at]}: kept {there[r[at]][1 + value]}, the file had {r[value]}"
            for r in rows
            if r[at] in there and there[r[at]][1 + value] != r[value]
        ]
    return fresh


def _named_apart(
    columns: list[str],
    fresh: list[tuple[Any, ...]],
    there: dict[Any, tuple[Any, ...]],
    s: MoveSummary,
) -> list[tuple[Any, ...]]:
    """A name the server already gives to another account (each room made its own "Dr Ames")
    gets the room's name after it: two accounts are never merged by name (their rows and audit
    rows carry their ids), and an admin sees both and may deactivate one."""
    at = columns.index("display_name")
    taken = {str(r[1 + at]).casefold() for r in there.values()}
    out = []
    for row in fresh:
        name = str(row[at])
        if name.casefold() in taken:
            renamed = f"{name} ({s.room})"
            out.append((*row[:at], renamed, *row[at + 1 :]))
            s.renamed.append(f"practitioner {name} of the file is {renamed!r} here")
        else:
            out.append(row)
    return out


def _new_versions(
    ctx: AppContext, table: str, columns: list[str], rows: list[tuple[Any, ...]], s: MoveSummary
) -> tuple[list[tuple[Any, ...]], dict[int, int]]:
    at, body, note = columns.index("version"), columns.index("body"), columns.index("note")
    there = move_repo.rows_by_key(ctx.db, table, "version", columns)
    bodies = {json.dumps(json.loads(r[1 + body]), sort_keys=True): v for v, r in there.items()}
    next_free = max([0, *there]) + 1
    fresh: list[tuple[Any, ...]] = []
    mapping: dict[int, int] = {}
    for row in rows:
        number, same = int(row[at]), json.dumps(json.loads(row[body]), sort_keys=True)
        if same in bodies:  # this library version is already on the server (maybe numbered apart)
            if bodies[same] != number:
                mapping[number] = bodies[same]
            continue
        if number < next_free:  # taken here, or after a version that had to move up
            mapping[number] = next_free
            moved = (*row[:at], next_free, *row[at + 1 :])
            label = f"{row[note]} (version {number} in {s.source.name})".strip()
            fresh.append((*moved[:note], label, *moved[note + 1 :]))
            s.renumbered.append(f"{table}: version {number} of the file is version {next_free}")
            next_free += 1
        else:
            fresh.append(row)
            next_free = max(next_free, number + 1)
    s.kept[table] = len(rows) - len(fresh)
    return fresh, mapping


def _refuse_present(
    ctx: AppContext, table: str, columns: list[str], rows: list[tuple[Any, ...]], s: MoveSummary
) -> None:
    at = columns.index("id")
    present = move_repo.existing_keys(ctx.db, table, "id", [r[at] for r in rows])
    if present:
        raise MoveRefused(
            f"{len(present)} row(s) of {table} in {s.source.name} are already on the server "
            f"(e.g. {sorted(present)[0]}): was this file moved, or restored from one that was? "
            "Nothing was moved."
        )


def _namesakes(
    columns: list[str], rows: list[tuple[Any, ...]], before: dict[tuple[str, str], str]
) -> list[Namesake]:
    pid, name, born = (
        columns.index("id"),
        columns.index("full_name"),
        columns.index("date_of_birth"),
    )
    found = []
    for r in rows:
        twin = before.get((folded_name(str(r[name])), str(r[born])))
        if twin is not None and twin != r[pid]:
            found.append(Namesake(str(r[name]), str(r[born]), str(r[pid]), twin))
    return found


def _append_trail(
    ctx: AppContext, trail: list[tuple[Any, ...]], trail_id: str, s: MoveSummary
) -> None:
    """The file's trail after the server's last row, re-chained; then the move's own row."""
    end = move_repo.lock_trail_end(ctx.db)
    previous, rows = end.hash or GENESIS, []
    for *row, _ in trail:
        moved = [int(row[0]) + end.seq, *row[1:]]
        previous = row_hash(previous, *moved)
        rows.append([*moved, previous])
    move_repo.append_audit(ctx.db, rows)
    s.seq_offset = end.seq
    s.audit_first = end.seq + int(trail[0][0]) if trail else 0
    s.audit_last = end.seq + int(trail[-1][0]) if trail else 0
    ctx.audit(
        move_repo.MOVE_ACTION,
        entity=move_repo.AUDIT,
        entity_id=trail_id,
        by=None,
        detail={
            "file": str(s.source.resolve()),
            "rows": len(trail),
            "seq_offset": end.seq,
            "first_hash": trail_id,
            "last_hash": str(trail[-1][-1]) if trail else "",
            "moved": s.moved,
            "kept": s.kept,
            "renumbered": s.renumbered,
            "renamed": s.renamed,
        },
    )


def original_chain_ok(moved: list[tuple[Any, ...]], seq_offset: int, last_hash: str) -> bool:
    """Recompute the file's own chain from the moved rows (their numbers less the offset)."""
    previous = GENESIS
    for *row, _ in moved:
        previous = row_hash(previous, int(row[0]) - seq_offset, *row[1:])
    return previous == last_hash if moved else last_hash == ""


def _verify(ctx: AppContext, room: Db, trail: list[tuple[Any, ...]], s: MoveSummary) -> None:
    """Before committing: the server's chain, the file's chain within it, and the hashes."""
    chain = audit_repo.verify_chain(ctx.db)
    if not chain.ok:
        whose = "the server's own" if (chain.broken_seq or 0) <= s.seq_offset else "the moved"
        raise MoveRefused(f"Nothing was moved: in {whose} rows, {chain.sentence()}.")
    s.chain_rows = chain.rows
    if trail:
        moved = move_repo.audit_between(ctx.db, s.audit_first, s.audit_last)
        if not original_chain_ok(moved, s.seq_offset, str(trail[-1][-1])):
            raise MoveRefused("The moved trail does not recompute to the file's own chain.")
    for table, column in HASHED.items():
        mine = move_repo.pairs(room, table, "id", column)
        theirs = move_repo.pairs(ctx.db, table, "id", column)
        wrong = [i for i, digest in mine.items() if theirs.get(i) != digest]
        if wrong:
            raise MoveRefused(f"{table} {wrong[0]}: its hash differs on the server after the move.")
