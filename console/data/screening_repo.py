"""Screening answers as stored: one row per question of the visit's checklist."""

from __future__ import annotations

import uuid
from datetime import date

from console.data.store import Db
from console.model.screening import Answer, Finding


def insert_answer(
    db: Db,
    *,
    visit_id: str,
    item_id: str,
    item_text: str,
    kind: str,
    answer: Answer,
    finding: Finding | None,
    answered_at: str,
    by: str,
) -> None:
    """One answer with what the rules made of it (``finding`` is None for a "no")."""
    c = answer.clearance if answer.present and kind == "needs_clearance" else None
    stored = ("acknowledged" if kind == "prompt" else "yes") if answer.present else "no"
    prompt = answer.prompt_answer if answer.present and kind == "prompt" else None
    db.execute(
        "INSERT INTO screening_answers (id, visit_id, item_id, item_text, kind, answer, "
        "event_date, safe_from, note, cleared_by_name, cleared_by_role, clearance_method, "
        "cleared_on, prompt_answer, prompt_answer_text, blocks, answered_at, answered_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            str(uuid.uuid4()),
            visit_id,
            item_id,
            item_text,
            kind,
            stored,
            _day(answer.event_date),
            _day(finding.safe_from if finding else None),
            c.note.strip() if c else "",
            c.by_name.strip() if c else None,
            c.by_role.strip() if c else None,
            c.method if c else None,
            _day(c.on if c else None),
            prompt or None,
            (finding.answer_text or None) if finding else None,
            int(finding.blocks) if finding else 0,
            answered_at,
            by,
        ],
    )


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def clearances_and_prompts_pass(db: Db, visit_id: str) -> bool:
    """No clearance or prompt of the visit blocks (rows from before migration 0010 do)."""
    row = db.execute(
        "SELECT COUNT(*) FROM screening_answers WHERE visit_id = ? AND answer != 'no' "
        "AND kind IN ('needs_clearance', 'prompt') AND COALESCE(blocks, 1) = 1",
        [visit_id],
    ).fetchone()
    return not row[0]


def delete_answers(db: Db, visit_id: str) -> None:
    db.execute("DELETE FROM screening_answers WHERE visit_id = ?", [visit_id])


def answered_without_stop(db: Db, visit_id: str, today: date) -> bool:
    """Answers are stored, no hard stop was answered yes and no waiting period runs today."""
    row = db.execute(
        # CASE, not SUM(condition): the server does not add up booleans.
        "SELECT COUNT(*), SUM(CASE WHEN kind = 'hard_stop' AND answer = 'yes' THEN 1 END), "
        "SUM(CASE WHEN safe_from IS NOT NULL AND safe_from > ? THEN 1 END) "
        "FROM screening_answers WHERE visit_id = ?",
        [today.isoformat(), visit_id],
    ).fetchone()
    return bool(row[0]) and not any(row[1:])


def any_present(db: Db, visit_id: str, item_ids: list[str]) -> bool:
    """Whether any of these checklist items was answered other than "no"."""
    if not item_ids:
        return False
    marks = ", ".join("?" for _ in item_ids)
    row = db.execute(
        "SELECT 1 FROM screening_answers WHERE visit_id = ? AND answer != 'no' "
        f"AND item_id IN ({marks}) LIMIT 1",
        [visit_id, *item_ids],
    ).fetchone()
    return row is not None
