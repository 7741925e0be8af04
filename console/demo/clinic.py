"""A realistic demo clinic: practitioners and patients with names in several scripts.

Deterministic for a given seed, fast enough for 100,000 patients (one transaction,
executemany). Visits are added by ``console.demo.visits``.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from console.clock import iso
from console.context import AppContext
from console.data import demo_repo, patients_repo
from console.data.store import Db
from console.errors import DomainError

# (given names, family names, family-first?, the language its patients read, None: the
# clinic's) per naming culture, so the demo's sheets and consents show the patient's language.
_CULTURES: list[tuple[list[str], list[str], bool, str | None]] = [
    (
        ["Zoë", "Chloé", "Amélie", "Noël", "Inès", "Hélène", "Renée", "Joël"],
        ["Lefèvre", "Dubois", "Müller", "Brontë", "García", "Núñez", "Øvergård", "Ångström"],
        False,
        None,
    ),
    (
        ["Łukasz", "Paweł", "Zuzanna", "Małgorzata", "Wojciech", "Agnieszka"],
        ["Wiśniewski", "Kowalczyk", "Dąbrowska", "Żuławski", "Szymańska", "Jabłoński"],
        False,
        "pl",
    ),
    (
        ["Ngọc Anh", "Thị Hương", "Văn Đức", "Minh Châu", "Quốc Bảo", "Thu Trang"],
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng"],
        True,
        "vi",
    ),
    (
        ["小明", "丽华", "建国", "美玲", "志强", "秀英"],
        ["王", "李", "张", "刘", "陈", "杨"],
        True,
        "zh",
    ),
    (
        ["Σοφία", "Γιώργος", "Ελένη", "Νίκος"],
        ["Παπαδοπούλου", "Οικονόμου", "Γεωργίου"],
        False,
        None,
    ),
    (["Анна", "Дмитрий", "Ольга", "Сергей"], ["Иванова", "Смирнов", "Кузнецова"], False, None),
    (
        ["Emma", "Oliver", "Amelia", "Jack", "Sophie", "Harry", "Olivia", "George"],
        ["Smith", "Jones", "O'Brien", "Taylor", "MacDonald", "Williams", "Brown", "Evans"],
        False,
        None,
    ),
    (["Siobhán", "Seán", "Aoife", "Tadhg"], ["Ó Briain", "Mac Giolla", "Ní Dhónaill"], False, None),
]

DEMO_PRACTITIONERS = [
    # (name, role, PIN) — listed in the README; never use these PINs in a real clinic.
    ("Dr Amara Okafor", "admin", "2468"),
    ("Nurse Chloé Martin", "practitioner", "1357"),
    ("Aesthetician Nguyễn Thu", "practitioner", "8642"),
]

# The demo clinic's details, so its aftercare sheets are complete. 020 7946 0xxx is a UK
# range set aside for drama; example.org is reserved: neither reaches anyone real.
DEMO_CLINIC = {
    "clinic.name": "Harbour Skin Clinic (demo)",
    "clinic.address": "12 Quay Street, Bristol",
    "clinic.phone": "020 7946 0123",
    "clinic.website": "harbour-skin.example.org",
}


def fill_in_clinic(ctx: AppContext, admin_id: str) -> None:
    """Give the demo clinic its details, unless someone already named the clinic."""
    from console.data import settings_repo
    from console.settings import service as settings_service

    if settings_repo.get(ctx.db, "clinic.name") != settings_repo.DEFAULTS["clinic.name"]:
        return
    ctx.practitioner_id = admin_id  # the demo admin fills them in, audited as such
    settings_service.save(ctx, dict(DEMO_CLINIC))


@dataclass(frozen=True)
class DemoPatient:
    full_name: str
    date_of_birth: date
    phone: str
    email: str
    fitzpatrick: int
    language: str | None = None  # preferred language; None: the clinic's


def _ascii_local(name: str) -> str:
    from console.model.folding import fold

    local = "".join(c for c in fold(name) if c.isascii() and c.isalnum())
    return local or "patient"


def make_patient(rng: random.Random, today: date) -> DemoPatient:
    given, family, family_first, language = rng.choice(_CULTURES)
    g, f = rng.choice(given), rng.choice(family)
    if family_first:
        full = f + g if all(ord(c) > 0x2E80 for c in f + g) else f"{f} {g}"
    else:
        full = f"{g} {f}"
    age_days = rng.randint(22 * 365, 70 * 365)  # adults; SkinPen acne-scar use is 22+
    dob = today - timedelta(days=age_days)
    phone = f"+44 7{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
    email = f"{_ascii_local(g)}.{_ascii_local(f)}{rng.randint(1, 999)}@example.org"
    return DemoPatient(full, dob, phone, email, rng.randint(1, 6), language)


def create_practitioners(db: Db, now: datetime, pin_hasher: object = None) -> list[str]:
    """Create the demo staff unless they exist; returns their ids (admin first)."""
    from console.data import practitioners_repo

    ids: list[str] = []
    existing = {p["display_name"]: p["id"] for p in practitioners_repo.list_active(db)}
    for name, role, pin in DEMO_PRACTITIONERS:
        if name in existing:
            ids.append(existing[name])
            continue
        pin_hash = pin_hasher(pin) if callable(pin_hasher) else None
        ids.append(
            practitioners_repo.create(db, display_name=name, role=role, pin_hash=pin_hash, now=now)
        )
    return ids


def create_patients(db: Db, count: int, *, seed: int, now: datetime, by: str | None) -> list[str]:
    rng = random.Random(seed)
    today = now.date()
    ids: list[str] = []
    rows = []
    for _ in range(count):
        p = make_patient(rng, today)
        pid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        ids.append(pid)
        rows.append(
            [
                pid,
                p.full_name,
                p.date_of_birth.isoformat(),
                p.phone,
                p.email,
                p.fitzpatrick,
                "",
                "",
                patients_repo.search_text(p.full_name, p.date_of_birth, p.phone, p.email),
                iso(now),
                by,
                iso(now),
                p.language,
            ]
        )
    # The same seed makes the same ids: a second run with it would collide halfway through.
    if ids and patients_repo.get(db, ids[0]) is not None:
        raise DomainError(
            f"This database already holds the demo patients of seed {seed}: "
            "choose another --seed to add more."
        )
    with db.atomic():
        demo_repo.add_patients(db, rows)
    return ids
