"""protocol_repo: the shipped library is version 1, edits are new versions, old ones stay."""

from __future__ import annotations

import pytest

from console.data import protocol_repo
from console.errors import DomainError, NotFound
from console.model.protocol import default_body
from tests.data.contract.conftest import Store


def test_the_store_opens_with_the_shipped_protocol_and_seeding_again_changes_nothing(
    store: Store,
) -> None:
    shipped = protocol_repo.current(store.db)
    assert shipped.version == 1 and shipped.zones and shipped.contraindications
    with store.db.atomic():
        protocol_repo.seed_defaults(store.db, store.ctx.now())
    assert protocol_repo.current(store.db).version == 1


def test_a_saved_version_becomes_current_and_earlier_ones_stay_readable(
    store: Store, practitioner: str
) -> None:
    body = default_body()
    body["default_target_passes"] = 4
    with store.db.atomic():
        saved = protocol_repo.save_version(
            store.db, body, now=store.ctx.now(), by=practitioner, note="four passes"
        )
        # An edit after seeding: seeding again never overwrites it.
        protocol_repo.seed_defaults(store.db, store.ctx.now())
    assert saved.version == 2
    assert protocol_repo.current(store.db).default_target_passes == 4
    assert protocol_repo.get(store.db, 2) == saved
    assert protocol_repo.get(store.db, 1).default_target_passes != 4
    with pytest.raises(NotFound):
        protocol_repo.get(store.db, 3)


def test_an_invalid_library_is_refused_and_nothing_is_stored(
    store: Store, practitioner: str
) -> None:
    body = default_body()
    body["zones"] = "not a list of zones"
    with pytest.raises((DomainError, ValueError, KeyError, TypeError)), store.db.atomic():
        protocol_repo.save_version(store.db, body, now=store.ctx.now(), by=practitioner, note="")
    assert protocol_repo.current(store.db).version == 1
