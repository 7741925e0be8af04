"""Add the shipped consent translations to a database whose templates predate them.

m0013 seeded the templates from the file shipped at the time; a database made before the
translations shipped has English-only consent. Stored versions are never rewritten (signed
consents name theirs): the translations go into a NEW library version, and only into templates
whose English wording the clinic has not edited. A template the clinic rewrote is left as it
is; a translation of words it no longer shows would be a different consent.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from console.model.consent_templates import DEFAULT_LANGUAGE, Template, default_body, from_body

if TYPE_CHECKING:
    from console.data.migrations.postgres import PgStore

NAME = "0020_consent_translations"
NOTE = "Consent translations shipped with the console added ({languages})"


def _unedited(mine: Template, ours: Template) -> bool:
    """Whether the clinic left this template as shipped: same kind, material version and
    photo choices, and the same English text as the patient reads it (its SHA-256, so the
    short labels beside the boxes, added to the shipped file later, do not count)."""
    return (mine.kind, mine.material_version, mine.choices) == (
        ours.kind,
        ours.material_version,
        ours.choices,
    ) and mine.text_sha256(DEFAULT_LANGUAGE) == ours.text_sha256(DEFAULT_LANGUAGE)


def _with_translations(stored: dict[str, Any], shipped: dict[str, Any]) -> dict[str, Any]:
    texts = dict(stored.get("texts") or {})
    for code, wording in (shipped.get("texts") or {}).items():
        if code not in texts:
            texts[code] = wording
    english = dict(texts[DEFAULT_LANGUAGE])
    if "choice_labels" not in english and "choice_labels" in shipped["texts"][DEFAULT_LANGUAGE]:
        english["choice_labels"] = shipped["texts"][DEFAULT_LANGUAGE]["choice_labels"]
        texts[DEFAULT_LANGUAGE] = english
    return {**stored, "texts": texts}


def apply(db: Database) -> None:
    _upgrade(db)


POSTGRES: list[str] = []  # data only: the same portable SQL on both engines


def apply_postgres(db: PgStore) -> None:
    _upgrade(db)


def _upgrade(db: Database | PgStore) -> None:
    row = db.execute(
        "SELECT version, body FROM consent_template_versions ORDER BY version DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return
    version, body = int(row[0]), json.loads(row[1])
    shipped_body = default_body()
    shipped = {t["id"]: t for t in shipped_body["templates"]}
    mine, ours = from_body(version, body), from_body(0, shipped_body)
    added: set[str] = set()
    templates = []
    for stored in body.get("templates") or []:
        tid = stored.get("id")
        if tid in shipped and _unedited(mine.get(tid), ours.get(tid)):
            new = _with_translations(stored, shipped[tid])
            added |= set(new["texts"]) - set(stored.get("texts") or {})
            templates.append(new)
        else:
            templates.append(stored)
    if not added:
        return
    from_body(version + 1, {**body, "templates": templates})  # checks the set before storing
    db.execute(
        "INSERT INTO consent_template_versions (version, created_at, created_by, note, body) "
        "VALUES (?, ?, NULL, ?, ?)",
        [
            version + 1,
            datetime.now(UTC).isoformat(),
            NOTE.format(languages=", ".join(sorted(added))),
            json.dumps({**body, "templates": templates}, ensure_ascii=False, sort_keys=True),
        ],
    )
