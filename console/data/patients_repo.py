"""Patients and the accent-folding full-text index used for search while typing."""

from __future__ import annotations

import re
import sqlite3
import uuid
from datetime import date, datetime
from typing import Any

from console.clock import iso
from console.data.store import Db, is_server
from console.model.folding import CONSONANT_MARK, consonant_key, fold, search_forms, tokens

# Columns a search result carries; the newest visit comes from the visits_patient index.
_HIT_COLUMNS = (
    "p.id, p.full_name, p.date_of_birth, p.phone, p.email, p.search_text, "
    "(SELECT MAX(v.started_at) FROM visits v WHERE v.patient_id = p.id) AS last_visit"
)
EDITABLE = (
    "full_name",
    "date_of_birth",
    "phone",
    "email",
    "fitzpatrick",
    "allergies",
    "notes",
    "preferred_language",
)


def folded_name(full_name: str) -> str:
    return " ".join(fold(full_name).split())


def _national_forms(phone: str, digits: str) -> list[str]:
    # "+33 6 12 34 56 78" is dialled "06 12 34 56 78" at home: index the trunk-0 form for
    # each possible country-code length (1-3 digits) so either way of typing finds it.
    stripped = phone.strip()
    if stripped.startswith("+"):
        international = digits
    elif digits.startswith("00"):
        international = digits[2:]
    else:
        return []
    return ["0" + international[k:] for k in (1, 2, 3) if len(international) > k + 4]


def search_text(full_name: str, date_of_birth: date, phone: str, email: str) -> str:
    """Everything a practitioner might type to find a patient, folded for the index.

    It starts with the folded name, so an index on it answers "name starts with …" in
    alphabetical order with the exact name first.
    """
    name = folded_name(full_name)
    # "obrien" finds O'Brien: the tokenizer splits at the apostrophe, people type it without.
    squashed = [re.sub(r"\W", "", w) for w in name.split(" ") if re.search(r"\W", w)]
    digits = "".join(c for c in phone if c.isdigit())
    dob_forms = [
        date_of_birth.isoformat(),
        date_of_birth.strftime("%d.%m.%Y"),
        date_of_birth.strftime("%d/%m/%Y"),
        date_of_birth.strftime("%d%m%Y"),
    ]
    email_parts = " ".join(tokens(email))
    # Other scripts: parts of CJK names, Latin spellings, consonant keys (console.model.folding).
    parts = [name, *[s for s in squashed if s], *search_forms(name), *dob_forms, digits]
    parts += _national_forms(phone, digits)
    parts.append(email_parts)
    return " ".join(p for p in parts if p).strip()


def insert(
    db: Db,
    *,
    full_name: str,
    date_of_birth: date,
    phone: str = "",
    email: str = "",
    fitzpatrick: int | None = None,
    allergies: str = "",
    notes: str = "",
    preferred_language: str | None = None,
    now: datetime,
    by: str | None,
    patient_id: str | None = None,
) -> str:
    pid = patient_id or str(uuid.uuid4())
    db.execute(
        "INSERT INTO patients (id, full_name, date_of_birth, phone, email, fitzpatrick, "
        "allergies, notes, search_text, created_at, created_by, updated_at, preferred_language) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            pid,
            full_name,
            date_of_birth.isoformat(),
            phone,
            email,
            fitzpatrick,
            allergies,
            notes,
            search_text(full_name, date_of_birth, phone, email),
            iso(now),
            by,
            iso(now),
            preferred_language,
        ],
    )
    return pid


def update(db: Db, patient_id: str, values: dict[str, Any], *, now: datetime) -> None:
    """Change the given columns (names from ``EDITABLE``) and keep the search index in step."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    current = get(db, patient_id)
    if current is None:
        raise KeyError(patient_id)
    merged = {
        **current,
        **{k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()},
    }
    merged["search_text"] = search_text(
        merged["full_name"],
        date.fromisoformat(merged["date_of_birth"]),
        merged["phone"],
        merged["email"],
    )
    merged["updated_at"] = iso(now)
    # The FTS update trigger deletes by an unindexed column (a scan, ~30 ms on 100,000
    # patients): touch search_text only when it changed (not for allergies or notes).
    columns = [*values, "updated_at"]
    if merged["search_text"] != current["search_text"]:
        columns.append("search_text")
    db.execute(
        f"UPDATE patients SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
        [*(merged[c] for c in columns), patient_id],
    )


def exists(db: Db, patient_id: str) -> bool:
    return db.execute("SELECT 1 FROM patients WHERE id = ?", [patient_id]).fetchone() is not None


def get(db: Db, patient_id: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM patients WHERE id = ?", [patient_id]))
    return dict(rows[0]) if rows else None


def with_birth_date(db: Db, date_of_birth: date) -> list[dict[str, Any]]:
    """Patients born on that day (the duplicate guard compares their names)."""
    return [
        dict(r)
        for r in db.query(
            "SELECT * FROM patients WHERE date_of_birth = ? AND anonymised_at IS NULL",
            [date_of_birth.isoformat()],
        )
    ]


def _prefixes(token: str) -> list[str]:
    """One typed word: a prefix, or, for a Latin word of three letters or more, also the
    consonant key that Arabic and Hebrew names are indexed under ("muhammad" finds محمد)."""
    if len(token) >= 3 and token.isascii() and token.isalpha():
        key = consonant_key(token)
        if len(key) >= 2:  # one consonant ("zoe" → "z") would find half the Arabic names
            return [token, f"{CONSONANT_MARK}{key}"]
    return [token]


def _phone_in_groups(text: str, parts: list[str]) -> bool:
    # "07700 900" is one phone number typed in groups: also match the digits run together.
    return len(parts) > 1 and re.fullmatch(r"[\d\s+\-()./]+", text) is not None


def _fts_query(text: str) -> str:
    parts = tokens(text)
    terms = [" OR ".join(f'"{p}"*' for p in _prefixes(t)) for t in parts]
    every = " AND ".join(f"({t})" if " OR " in t else t for t in terms)  # FTS5 wants AND
    if _phone_in_groups(text, parts):
        return f'({every}) OR "{"".join(parts)}"*'
    return every


# On the server the search text's words are found with LIKE '% word%' on this column, stored
# and trigram-indexed (migration 0001's PostgreSQL form): the search text with ASCII punctuation
# as spaces, so a word starts after a space as it does in SQLite's tokenizer.
PG_SEARCH_WORDS = "p.search_words"


def _like_prefix(word: str) -> str:
    return "% " + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _pg_words_match(text: str) -> tuple[str, list[str]]:
    """The server's form of ``_fts_query``: the same prefixes, as LIKE conditions."""
    parts = tokens(text)
    clauses, params = [], []
    for t in parts:
        alternatives = _prefixes(t)
        clauses.append("(" + " OR ".join(f"{PG_SEARCH_WORDS} LIKE ?" for _ in alternatives) + ")")
        params += [_like_prefix(a) for a in alternatives]
    where = " AND ".join(clauses)
    if _phone_in_groups(text, parts):
        where = f"({where}) OR {PG_SEARCH_WORDS} LIKE ?"
        params.append(_like_prefix("".join(parts)))
    return where, params


def _next_char(c: str) -> str:
    n = ord(c) + 1
    if 0xD800 <= n <= 0xDFFF:  # surrogates cannot be stored: skip past them
        n = 0xE000
    return chr(min(n, 0x10FFFF))


def search(
    db: Db, query: str, *, limit: int = 50, birth_date: date | None = None
) -> list[dict[str, Any]]:
    """Patients matching what was typed, best first, at most ``limit``.

    Tiers, each cut by LIMIT inside SQLite before any join so that a one-letter prefix
    (thousands of matches) costs no more than a full name:
    1. born on ``birth_date`` (the query read as a date);
    2. the name starts with the query: a range scan on the search_text index, which is
       alphabetical, so the exact name comes first;
    3. every typed token is a prefix of some indexed token (family name, phone, email …).
    """
    q = folded_name(query)
    if not q or limit <= 0:
        return []
    found: dict[str, dict[str, Any]] = {}

    def add(rows: Any) -> None:
        for r in rows:
            if len(found) < limit and r["id"] not in found:
                found[r["id"]] = dict(r)

    live = "p.anonymised_at IS NULL"
    server = is_server(db)
    if birth_date is not None:
        add(
            db.query(
                f"SELECT {_HIT_COLUMNS} FROM patients p WHERE p.date_of_birth = ? AND {live} "
                "ORDER BY p.search_text LIMIT ?",
                [birth_date.isoformat(), limit],
            )
        )
    if len(found) < limit and not q[0].isdigit():
        # Upper bound: the prefix with its last character incremented (exact in UTF-8 order).
        upper = q[:-1] + _next_char(q[-1])
        # Code point order on both engines (the server's index is COLLATE "C" for this).
        add(
            db.query(
                f"SELECT {_HIT_COLUMNS} FROM patients p INDEXED BY patients_search_text "
                f"WHERE p.search_text >= ? AND p.search_text < ? AND {live} "
                "ORDER BY p.search_text LIMIT ?"
                if not server
                else f"SELECT {_HIT_COLUMNS} FROM patients p "
                'WHERE p.search_text COLLATE "C" >= ? AND p.search_text COLLATE "C" < ? '
                f'AND {live} ORDER BY p.search_text COLLATE "C" LIMIT ?',
                [q, upper, limit],
            )
        )
    match = _fts_query(q)
    if len(found) < limit and match:
        wanted = limit + len(found)
        if server:
            where, params = _pg_words_match(q)
            rows = list(
                db.query(
                    f"SELECT {_HIT_COLUMNS} FROM patients p WHERE ({where}) AND {live} LIMIT ?",
                    [*params, wanted],
                )
            )
        else:
            try:
                rows = list(
                    db.query(
                        f"SELECT {_HIT_COLUMNS} FROM patients p WHERE p.id IN "
                        "(SELECT patient_id FROM patients_fts WHERE patients_fts MATCH ? "
                        f"LIMIT ?) AND {live}",
                        [match, wanted],
                    )
                )
            except sqlite3.OperationalError:
                rows = []  # a query the tokenizer reduces to nothing: no extra matches
        typed = tokens(q)

        def name_first(r: Any) -> tuple[int, str]:
            names = tokens(r["full_name"])
            in_name = all(any(n.startswith(t) for n in names) for t in typed)
            return (0 if in_name else 1, r["search_text"])

        add(sorted(rows, key=name_first))
    return list(found.values())


def recent_visits(db: Db, patient_id: str, *, limit: int = 5) -> list[dict[str, Any]]:
    """The patient's newest visits with their areas, for the history at a glance."""
    visits = [
        dict(r)
        for r in db.query(
            "SELECT v.id, v.started_at, v.status, v.step, pr.display_name AS practitioner "
            "FROM visits v JOIN practitioners pr ON pr.id = v.practitioner_id "
            "WHERE v.patient_id = ? ORDER BY v.started_at DESC LIMIT ?",
            [patient_id, limit],
        )
    ]
    for v in visits:
        v["areas"] = [
            dict(a)
            for a in db.query(
                "SELECT zone_name, depth_mm, endpoint, "
                "(SELECT COUNT(*) FROM passes ps WHERE ps.area_id = a.id) AS passes "
                "FROM treated_areas a WHERE a.visit_id = ? ORDER BY position",
                [v["id"]],
            )
        ]
    return visits


def change_marker(db: Db) -> tuple[int, str]:
    """What changes when any room registers, edits or erases a patient: the count and the
    newest ``updated_at`` (indexed, m0021), so other rooms' screens notice cheaply."""
    row = db.execute("SELECT COUNT(*), MAX(updated_at) FROM patients").fetchone()
    return int(row[0]), str(row[1] or "")
