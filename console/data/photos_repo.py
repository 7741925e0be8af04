"""Clinical photos and their standard views: every SQL statement of the photo layer."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from console.clock import iso, parse_iso
from console.data.store import Db
from console.errors import NotFound
from console.model.photos import Photo, View

_COLUMNS = (
    "id, patient_id, visit_id, view_id, stage, taken_at, source, width, height, path, sha256, "
    "thumb_path, screen_path"
)


def _photo(row: Any) -> Photo:
    return Photo(
        id=str(row[0]),
        patient_id=str(row[1]),
        visit_id=None if row[2] is None else str(row[2]),
        view_id=str(row[3]),
        stage=str(row[4]),
        taken_at=parse_iso(str(row[5])),
        source=str(row[6]),
        width=int(row[7]),
        height=int(row[8]),
        path=str(row[9]),
        sha256=str(row[10]),
        thumb_path=str(row[11]),
        screen_path=str(row[12]),
    )


def views(db: Db, *, retired: bool = False) -> list[View]:
    """The clinic's views in its order; the retired ones too (last) when asked."""
    rows = db.execute(
        "SELECT id, name, guide, zone_id, active FROM photo_views "
        "WHERE active = 1 OR ? = 1 ORDER BY active DESC, position, id",
        [1 if retired else 0],
    ).fetchall()
    return [View(str(r[0]), str(r[1]), str(r[2]), str(r[3]), not r[4]) for r in rows]


def view_exists(db: Db, view_id: str) -> bool:
    row = db.execute("SELECT 1 FROM photo_views WHERE id = ?", [view_id]).fetchone()
    return row is not None


def add_view(db: Db, view: View) -> None:
    """A new view, placed after the others."""
    db.execute(
        "INSERT INTO photo_views (id, name, guide, zone_id, position, active) "
        "VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM photo_views), 1)",
        [view.id, view.name, view.guide, view.zone_id],
    )


def update_view(db: Db, view: View) -> None:
    db.execute(
        "UPDATE photo_views SET name = ?, guide = ?, zone_id = ? WHERE id = ?",
        [view.name, view.guide, view.zone_id, view.id],
    )


def set_view_active(db: Db, view_id: str, active: bool) -> None:
    db.execute("UPDATE photo_views SET active = ? WHERE id = ?", [1 if active else 0, view_id])


def set_view_order(db: Db, view_ids: list[str]) -> None:
    for position, view_id in enumerate(view_ids):
        db.execute("UPDATE photo_views SET position = ? WHERE id = ?", [position, view_id])


def planned_zone_ids(db: Db, visit_id: str) -> set[str]:
    """The zones planned on a visit (its treated areas)."""
    rows = db.execute("SELECT zone_id FROM treated_areas WHERE visit_id = ?", [visit_id])
    return {str(r[0]) for r in rows.fetchall()}


def new_id() -> str:
    return str(uuid.uuid4())


def insert(
    db: Db,
    *,
    photo_id: str,
    patient_id: str,
    visit_id: str | None,
    view_id: str,
    stage: str,
    taken_at: datetime,
    source: str,
    width: int,
    height: int,
    path: str,
    sha256: str,
    thumb_path: str,
    screen_path: str,
    practitioner_id: str | None,
) -> None:
    db.execute(
        f"INSERT INTO photos ({_COLUMNS}, practitioner_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            photo_id,
            patient_id,
            visit_id,
            view_id,
            stage,
            iso(taken_at),
            source,
            width,
            height,
            path,
            sha256,
            thumb_path,
            screen_path,
            practitioner_id,
        ],
    )


def get(db: Db, photo_id: str) -> Photo:
    row = db.execute(f"SELECT {_COLUMNS} FROM photos WHERE id = ?", [photo_id]).fetchone()
    if row is None:
        raise NotFound(f"No photo {photo_id}.")
    return _photo(row)


def for_patient(db: Db, patient_id: str) -> list[Photo]:
    """The patient's photos, oldest first (the order of a timeline)."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM photos WHERE patient_id = ? ORDER BY taken_at, rowid",
        [patient_id],
    ).fetchall()
    return [_photo(r) for r in rows]


def for_visit(db: Db, visit_id: str) -> list[Photo]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM photos WHERE visit_id = ? ORDER BY taken_at, rowid", [visit_id]
    ).fetchall()
    return [_photo(r) for r in rows]


def visit_patient(db: Db, visit_id: str) -> tuple[str, str, datetime]:
    """(patient id, status, started_at) of a visit."""
    row = db.execute(
        "SELECT patient_id, status, started_at FROM visits WHERE id = ?", [visit_id]
    ).fetchone()
    if row is None:
        raise NotFound(f"No visit {visit_id}.")
    return str(row[0]), str(row[1]), parse_iso(str(row[2]))


def patient_exists(db: Db, patient_id: str) -> bool:
    row = db.execute("SELECT 1 FROM patients WHERE id = ?", [patient_id]).fetchone()
    return row is not None


def clear_files(db: Db, patient_id: str) -> None:
    """Erasure: the rows stay (a photo of that view was taken then), the files go."""
    db.execute(
        "UPDATE photos SET path = '', thumb_path = '', screen_path = '' WHERE patient_id = ?",
        [patient_id],
    )
