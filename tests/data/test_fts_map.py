"""The search index follows every insert, change and delete through its rowid map."""

from __future__ import annotations

from datetime import date

from console.context import AppContext
from console.data import patients_repo


def _hits(ctx: AppContext, token: str) -> list[str]:
    sql = "SELECT patient_id FROM patients_fts WHERE patients_fts MATCH ?"
    return [r[0] for r in ctx.db.execute(sql, [f'"{token}"*'])]


def test_index_rows_follow_changes_and_deletes(ctx: AppContext) -> None:
    ids = [
        patients_repo.insert(
            ctx.db, full_name=name, date_of_birth=date(1990, 1, 2), now=ctx.now(), by=None
        )
        for name in ("Zoë Brontë", "Łukasz Wiśniewski", "王小明")
    ]
    zoe = ids[0]
    ctx.db.execute(
        "UPDATE patients SET full_name = 'Zoë Ångström', search_text = ? WHERE id = ?",
        [patients_repo.search_text("Zoë Ångström", date(1990, 1, 2), "", ""), zoe],
    )
    assert _hits(ctx, "angstrom") == [zoe]
    assert _hits(ctx, "bronte") == []
    ctx.db.execute("DELETE FROM patients WHERE id = ?", [ids[1]])
    assert _hits(ctx, "lukasz") == []
    assert _hits(ctx, "王小明") == [ids[2]]
    counts = ctx.db.execute(
        "SELECT (SELECT COUNT(*) FROM patients_fts), (SELECT COUNT(*) FROM patients_fts_map)"
    ).fetchone()
    assert counts == (2, 2)
    # Every map entry points at the index row of its own patient.
    assert (
        ctx.db.execute(
            "SELECT COUNT(*) FROM patients_fts_map m JOIN patients_fts f ON f.rowid = m.fts_rowid "
            "WHERE f.patient_id = m.patient_id"
        ).fetchone()[0]
        == 2
    )
