"""erasure_repo, and db.py/db_file.py's promises about the file a store is opened from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from console.clock import FakeClock
from console.data import erasure_repo, patients_repo
from console.data.db import open_database
from console.data.db_file import DatabaseRefused, applied_steps, refuse_unusable
from console.data.migrations import MIGRATIONS
from console.records import erasure
from tests.data.contract.conftest import Store


def test_anonymised_patients_are_no_longer_found_and_not_yet_erased_says_who_is_left(
    store: Store, patient_id: str, clock: FakeClock
) -> None:
    clock.advance(60)
    with store.db.atomic():
        other = patients_repo.insert(
            store.db,
            full_name="Zoë Adams",
            date_of_birth=date(1988, 3, 14),
            now=clock.now(),
            by=None,
        )
    everyone = [other, "not-in-this-store", patient_id]
    assert erasure_repo.not_yet_erased(store.db, everyone) == [patient_id, other]  # oldest first
    assert erasure_repo.not_yet_erased(store.db, []) == []
    erasure.anonymise(store.ctx, patient_id, reason="Written request of 20 Nov 2026")
    assert erasure_repo.not_yet_erased(store.db, everyone) == [other]
    assert [h["id"] for h in patients_repo.search(store.db, "zoe")] == [other]
    assert [r["id"] for r in patients_repo.with_birth_date(store.db, date(1988, 3, 14))] == [other]


def test_backup_folders_are_those_the_audit_trail_names(store: Store, clock: FakeClock) -> None:
    store.ctx.audit("backup.create", detail={"folder": "/media/usb/backups"})
    clock.advance(3600)
    later = clock.now()
    store.ctx.audit("backup.create", detail={"folder": "/media/usb/backups"})
    store.ctx.audit("backup.create", detail={"folder": "/srv/nas/console"})
    store.ctx.audit("backup.verify", detail={"folder": "/elsewhere"})
    found = dict((str(folder), at) for at, folder in erasure_repo.backup_folders(store.db))
    assert found == {"/media/usb/backups": later, "/srv/nas/console": later}


# -- SQLite only: the file itself (a PostgreSQL store has no file; its opener has its own tests)
def test_a_backup_file_is_read_without_being_changed(
    store: Store, patient_id: str, tmp_path: Path
) -> None:
    if store.engine != "sqlite":
        pytest.skip("a backup of a server store is a pg_dump, not a file to open")
    assert store.ctx.db_path is not None
    copy = tmp_path / "backup.sqlite3"
    store.db.execute("VACUUM INTO ?", [str(copy)])
    before = copy.read_bytes()
    assert erasure_repo.identified_in(copy, patient_id)
    assert not erasure_repo.identified_in(copy, "someone-else")
    assert copy.read_bytes() == before


def test_the_stores_file_records_every_schema_step_and_other_files_are_refused(
    store: Store, tmp_path: Path
) -> None:
    if store.engine != "sqlite":
        pytest.skip("only a SQLite store is a file")
    assert applied_steps(store.db.conn) == [m.name for m in MIGRATIONS._migrations]
    assert store.ctx.db_path is not None
    assert refuse_unusable(store.ctx.db_path, may_create=False) is False  # ours: usable
    assert refuse_unusable(tmp_path / "new" / "console.sqlite3", may_create=True) is True
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + b"x" * 200)
    with pytest.raises(DatabaseRefused, match="not an SQLite file"):
        open_database(pdf)
    assert pdf.read_bytes() == b"%PDF-1.7\n" + b"x" * 200
    with pytest.raises(DatabaseRefused, match="There is no database"):
        open_database(tmp_path / "missing.sqlite3", create=False)
    assert not (tmp_path / "missing.sqlite3").exists()
