"""settings_repo: shipped defaults until someone changes a setting, then their value."""

from __future__ import annotations

import pytest

from console.data import settings_repo
from tests.data.contract.conftest import Store


def test_an_unset_key_reads_its_default_and_an_unknown_key_is_refused(store: Store) -> None:
    assert settings_repo.get(store.db, "clinic.timezone") == "Europe/London"
    assert settings_repo.get(store.db, "room.idle_lock_minutes") == 5
    assert settings_repo.get_all(store.db) == settings_repo.DEFAULTS
    with pytest.raises(KeyError):
        settings_repo.get(store.db, "no.such.key")


def test_a_value_is_read_back_with_its_type_and_the_last_write_wins(
    store: Store, practitioner: str
) -> None:
    now = store.ctx.now()
    with store.db.atomic():
        settings_repo.put(store.db, "clinic.name", "Clinique Élodie", now=now, by=practitioner)
        settings_repo.put(store.db, "room.font_scale", 1.25, now=now, by=practitioner)
        settings_repo.put(store.db, "consent.valid_months", 6, now=now, by=practitioner)
        settings_repo.put(store.db, "consent.valid_months", 18, now=now, by=practitioner)
        settings_repo.put(store.db, "room.extra", {"pedal": ["F9", "F10"]}, now=now, by=None)
    assert settings_repo.get(store.db, "clinic.name") == "Clinique Élodie"
    assert settings_repo.get(store.db, "room.font_scale") == 1.25
    assert settings_repo.get(store.db, "consent.valid_months") == 18
    assert settings_repo.get(store.db, "room.extra") == {"pedal": ["F9", "F10"]}
    everything = settings_repo.get_all(store.db)
    assert everything["clinic.name"] == "Clinique Élodie"
    assert everything["clinic.timezone"] == "Europe/London"  # untouched keys keep defaults
    assert everything["room.extra"] == {"pedal": ["F9", "F10"]}


def test_a_setting_changed_in_another_connection_is_seen(store: Store) -> None:
    other = store.open_another()
    try:
        with other.atomic():
            settings_repo.put(other, "room.name", "Room B", now=store.ctx.now(), by=None)
    finally:
        other.close()
    assert settings_repo.get(store.db, "room.name") == "Room B"
