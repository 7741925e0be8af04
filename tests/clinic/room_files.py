"""Rooms' files as a clinic has them before it moves onto its server: the demo clinic, plus what
the demo does not make (a sheet and its print, an amendment, a withdrawn consent, a depth
change and a pass still running in an open visit, an edited protocol, a room-local setting)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from console.aftercare.archive import create_handout, record_print
from console.cli import main as cli
from console.clock import iso
from console.consent.service import ConsentService
from console.context import open_context
from console.data import areas_repo, patients_repo, protocol_repo
from console.data.db import open_database
from console.protocol import edit
from console.visit.service import VisitService
from tests.aftercare_visit import insert_completed_visit


def build_room(path: Path, *, seed: int, patients: int = 6, note: str = "") -> Path:
    """A demo room's file at ``path`` (its files beside it), with every kind of row."""
    assert cli(["demo", "--db", str(path), "--patients", str(patients), "--seed", str(seed)]) == 0
    ctx = open_context(path)
    try:
        admin = ctx.db.execute(
            "SELECT id FROM practitioners WHERE role = 'admin' ORDER BY rowid"
        ).fetchone()[0]
        ctx.practitioner_id = admin
        done = [
            str(r[0])
            for r in ctx.db.execute(
                "SELECT id FROM visits WHERE status = 'completed' ORDER BY rowid LIMIT 2"
            )
        ]
        sheet = create_handout(ctx, done[0])
        record_print(ctx, sheet.id, printer="Room printer", copies=1, ok=True)
        VisitService(ctx).amend(done[1], "notes", f"Amended in room {seed}", "typo")
        consent = ctx.db.execute("SELECT id FROM consents ORDER BY rowid LIMIT 1").fetchone()[0]
        ConsentService(ctx).withdraw(str(consent), "patient asked")
        body = json.loads(json.dumps(protocol_repo.current(ctx.db).body))
        body["series"]["interval_weeks"] = 4 + seed  # an edit of this room's own
        edit.save(ctx, body, note=note or f"room {seed}'s edit", check_role=False)
        ctx.db.execute(
            "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)",
            ["room.printer", json.dumps(f"Printer {seed}"), iso(ctx.now()), admin],
        )
        ctx.db.conn.commit()
        declined = insert_completed_visit(
            ctx, patient_name=f"Declined {seed}", zones=(), status="open"
        )
        ConsentService(ctx).decline(declined, "wants to think it over")
        visit = insert_completed_visit(ctx, patient_name=f"Open Visit {seed}", status="open")
        area = ctx.db.execute(
            "SELECT id FROM treated_areas WHERE visit_id = ? ORDER BY position", [visit]
        ).fetchone()[0]
        with ctx.db.atomic():
            areas_repo.insert_depth_change(
                ctx.db,
                change_id=str(uuid.uuid4()),
                area_id=area,
                at=ctx.now() - timedelta(minutes=5),
                from_mm=Decimal("0.5"),
                to_mm=Decimal("0.75"),
                reason="deeper scarring",
                by=admin,
            )
            ctx.db.execute(
                "INSERT INTO running_passes (area_id, started_at, depth_mm, direction) "
                "VALUES (?, ?, ?, ?)",
                [area, iso(ctx.now()), 0.75, "horizontal"],
            )
    finally:
        ctx.close()
    return path


def table_rows(path: Path, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        order = "seq" if table == "audit_log" else "rowid"
        names = ", ".join(f'"{c}"' for c in columns)
        return [tuple(r) for r in conn.execute(f'SELECT {names} FROM "{table}" ORDER BY {order}')]
    finally:
        conn.close()


def execute(path: Path, sql: str, params: list[Any]) -> None:
    """A change made to a room's file outside the console (the tests' own set-ups)."""
    db = open_database(path, migrate=False)
    try:
        with db.atomic():
            db.execute(sql, params)
    finally:
        db.close()


def written_otherwise(name: str) -> str:
    """The same name in capitals and without accents: the same folded name."""
    return patients_repo.folded_name(name).upper()
