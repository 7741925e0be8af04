from __future__ import annotations

from datetime import date

import pytest

from console.context import AppContext
from console.data import patients_repo
from console.model.folding import fold


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("Zoë Brontë", "zoe"),
        ("Łukasz Żuławski", "lukasz zul"),
        ("Nguyễn Thu Trang", "nguyen"),
        ("王小明", "王小明"),
        ("Øvergård", "overg"),
    ],
)
def test_the_index_ignores_accents_and_case(ctx: AppContext, name: str, typed: str) -> None:
    pid = patients_repo.insert(
        ctx.db, full_name=name, date_of_birth=date(1990, 1, 2), now=ctx.now(), by=None
    )
    query = " ".join(f'"{t}"*' for t in fold(typed).split())
    hits = [
        r[0]
        for r in ctx.db.execute(
            "SELECT patient_id FROM patients_fts WHERE patients_fts MATCH ?", [query]
        )
    ]
    assert hits == [pid]
