"""Photos as use cases: import one (the call the room, the watched folder and the CLI make),
list a patient's series, pick what to compare, read a file back checked against its hash.

A photo is health data that shows the patient's face: refused without photo consent for the
clinical record, written atomically (0600, folders 0700) beside the database, and registered
with its audit row in one transaction (the files are removed if that fails). Paths and
hashes go to the audit trail; names and pictures never do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from console.aftercare.archive import sha256_hex
from console.consent.photo_use import photo_uses
from console.context import AppContext
from console.data import photos_repo, protocol_repo
from console.errors import DomainError, NotFound
from console.files.private import write_private
from console.model.photos import STAGES, Pair, Photo, View
from console.photos import image, view_rules
from console.protocol.edit import can_edit, require_admin
from console.settings import service as settings_service
from console.visit.storage import guarded

CLINICAL_USE = "clinical_record"
MAX_BYTES = 200 * 1024 * 1024  # a camera file is tens of MB; anything bigger is not a photo


@dataclass(frozen=True)
class Imported:
    photo: Photo
    path: Path  # absolute


class PhotoService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.db = ctx.db

    # -- reading ------------------------------------------------------------------------------
    def views(self) -> list[View]:
        """The views offered for capture, in the clinic's order."""
        return photos_repo.views(self.db)

    def all_views(self) -> list[View]:
        """Every view, the retired ones last (their photos stay readable in Records)."""
        return photos_repo.views(self.db, retired=True)

    def view(self, view_id: str) -> View:
        for v in self.all_views():
            if v.id == view_id:
                return v
        names = ", ".join(v.id for v in self.views())
        raise DomainError(f"No photo view {view_id!r}; the views are {names}.", "view")

    def views_for_visit(self, visit_id: str) -> list[View]:
        """What capture offers: the general views and those of the zones planned on the visit."""
        planned = photos_repo.planned_zone_ids(self.db, visit_id)
        return [v for v in self.views() if not v.zone_id or v.zone_id in planned]

    def for_patient(self, patient_id: str) -> list[Photo]:
        return photos_repo.for_patient(self.db, patient_id)

    def for_visit(self, visit_id: str) -> list[Photo]:
        return photos_repo.for_visit(self.db, visit_id)

    def patient_exists(self, patient_id: str) -> bool:
        return photos_repo.patient_exists(self.db, patient_id)

    def consent_problem(self, patient_id: str) -> str:
        """Why photos may not be taken of this patient now ("" when they may)."""
        uses = photo_uses(self.ctx, patient_id)
        if uses.allows(CLINICAL_USE):
            return ""
        return (
            f"No photos: {uses.reason or 'the photo consent does not cover the clinical record.'}"
            " Take photo consent on the Consent step first."
        )

    def timeline(self, patient_id: str) -> dict[str, list[Photo]]:
        """View id -> that view's photos, oldest first (views in the clinic's order)."""
        by_view: dict[str, list[Photo]] = defaultdict(list)
        for p in self.for_patient(patient_id):
            if p.path:
                by_view[p.view_id].append(p)
        order = [v.id for v in self.all_views() if v.id in by_view]
        order += sorted(set(by_view) - set(order))
        return {v: by_view[v] for v in order}

    def pair(self, earlier_id: str, later_id: str) -> Pair:
        """Two photos of the same view and patient, put in date order."""
        a, b = photos_repo.get(self.db, earlier_id), photos_repo.get(self.db, later_id)
        if a.patient_id != b.patient_id or a.view_id != b.view_id:
            raise DomainError("Compare two photos of the same view of the same patient.")
        if b.taken_at < a.taken_at:
            a, b = b, a
        return Pair(self.view(a.view_id), a, b)

    def visit_pair(self, visit_id: str, view_id: str) -> Pair | None:
        """This visit's last "before" and last "after" of a view, if both were taken."""
        photos = [p for p in self.for_visit(visit_id) if p.view_id == view_id and p.path]
        before = [p for p in photos if p.stage == "before"]
        after = [p for p in photos if p.stage == "after"]
        if not before or not after:
            return None
        return Pair(self.view(view_id), before[-1], after[-1])

    def ghost(self, visit_id: str, view_id: str) -> Photo | None:
        """The same view from the patient's last earlier visit (to match pose and distance)."""
        patient_id, _, started = photos_repo.visit_patient(self.db, visit_id)
        earlier = [
            p
            for p in self.for_patient(patient_id)
            if p.view_id == view_id and p.path and p.visit_id != visit_id and p.taken_at < started
        ]
        if not earlier:
            return None
        last_visit = earlier[-1].visit_id
        same = [p for p in earlier if p.visit_id == last_visit]
        before = [p for p in same if p.stage == "before"]
        return (before or same)[-1]

    def original(self, photo: Photo) -> bytes:
        """The kept file, after checking it against its SHA-256."""
        return self._read(photo.path, photo.sha256)

    def screen(self, photo: Photo) -> bytes:
        """The screen-size copy the compare view shows (the original if there is none)."""
        if not photo.screen_path:
            return self.original(photo)
        return self._read(photo.screen_path, None)

    def thumbnail(self, photo: Photo) -> bytes:
        if not photo.thumb_path:
            raise NotFound("This photo was deleted (erasure request).")
        return self._read(photo.thumb_path, None)

    def _read(self, relative: str, sha256: str | None) -> bytes:
        if not relative:
            raise NotFound("This photo was deleted (erasure request).")
        path = self.ctx.data_dir / relative
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise DomainError(f"The photo file is missing ({path}). Restore a backup.") from exc
        if sha256 is not None and sha256_hex(data) != sha256:
            raise DomainError(
                f"The photo {path.name} was changed after it was stored (its fingerprint "
                "does not match the record)."
            )
        return data

    def watch_folder(self) -> Path | None:
        """The room's watched folder, if one is set."""
        text = str(settings_service.get(self.ctx, "room.photo_folder") or "")
        return Path(text) if text else None

    @guarded
    def set_watch_folder(self, folder: Path | None) -> None:
        if folder is not None and not folder.is_dir():
            raise DomainError(f"{folder} is not a folder.", "folder")
        value = "" if folder is None else str(folder)
        settings_service.put_room(
            self.ctx,
            "room.photo_folder",
            value,
            audit=lambda: self.ctx.audit(
                "settings.photo_folder",
                entity="settings",
                entity_id="room.photo_folder",
                detail={"folder": value},
            ),
        )

    # -- the clinic's views (admins only; every change has its audit row) ---------------------
    def can_edit_views(self) -> bool:
        return can_edit(self.ctx)

    def zones(self) -> list[tuple[str, str]]:
        """(id, name) of the protocol library's zones a view may belong to."""
        return [(z.id, z.name) for z in protocol_repo.current(self.db).zones]

    def _zone(self, zone_id: str) -> str:
        if zone_id and zone_id not in {z for z, _ in self.zones()}:
            raise DomainError(f"No zone {zone_id!r} in the protocol library.", "zone")
        return zone_id

    @guarded
    def add_view(self, name: str, guide: str, *, zone_id: str = "", view_id: str = "") -> View:
        require_admin(self.ctx)
        taken = {v.id for v in self.all_views()}
        view = View(
            id=view_rules.check_id(view_id) if view_id else "",
            name=view_rules.clean_name(name),
            guide=view_rules.clean_guide(guide),
            zone_id=self._zone(zone_id),
        )
        if view.id in taken:
            raise DomainError(f"There is already a view with the id {view.id!r}.", "id")
        if not view.id:
            view = replace(view, id=view_rules.id_from_name(view.name, taken))
        self._check_name_free(view)
        self._write_view("photo_view.add", view, lambda: photos_repo.add_view(self.db, view))
        return view

    @guarded
    def edit_view(self, view_id: str, name: str, guide: str, *, zone_id: str = "") -> View:
        require_admin(self.ctx)
        old = self.view(view_id)
        view = replace(
            old,
            name=view_rules.clean_name(name),
            guide=view_rules.clean_guide(guide),
            zone_id=self._zone(zone_id),
        )
        self._check_name_free(view)
        self._write_view("photo_view.edit", view, lambda: photos_repo.update_view(self.db, view))
        return view

    @guarded
    def retire_view(self, view_id: str) -> View:
        """No longer offered for capture; the photos already taken stay readable in Records."""
        require_admin(self.ctx)
        view = replace(self.view(view_id), retired=True)
        self._write_view(
            "photo_view.retire", view, lambda: photos_repo.set_view_active(self.db, view_id, False)
        )
        return view

    @guarded
    def restore_view(self, view_id: str) -> View:
        require_admin(self.ctx)
        view = replace(self.view(view_id), retired=False)
        self._check_name_free(view)
        self._write_view(
            "photo_view.restore", view, lambda: photos_repo.set_view_active(self.db, view_id, True)
        )
        return view

    @guarded
    def order_views(self, view_ids: list[str]) -> None:
        """The capture order (number keys 1-9 follow it): every view offered, each once."""
        require_admin(self.ctx)
        if sorted(view_ids) != sorted(v.id for v in self.views()):
            raise DomainError("Put every view offered for capture in the order, each once.")
        with self.db.atomic():
            photos_repo.set_view_order(self.db, view_ids)
            self.ctx.audit(
                "photo_view.order",
                entity="photo_view",
                detail={"order": view_ids},
            )

    def _check_name_free(self, view: View) -> None:
        for other in self.views():
            if other.id != view.id and other.name.casefold() == view.name.casefold():
                raise DomainError(f"Another view is already called {view.name!r}.", "name")

    def _write_view(self, action: str, view: View, write: Callable[[], None]) -> None:
        with self.db.atomic():
            write()
            self.ctx.audit(
                action,
                entity="photo_view",
                entity_id=view.id,
                detail={"name": view.name, "zone": view.zone_id, "guide": view.guide},
            )

    # -- the use case -------------------------------------------------------------------------
    @guarded
    def import_photo(
        self,
        patient_id: str,
        view_id: str,
        raw: bytes,
        *,
        visit_id: str | None = None,
        stage: str = "before",
        source: str = "file",
    ) -> Imported:
        """Check consent, make the file safe to keep, store it and register it (one call)."""
        if not self.patient_exists(patient_id):
            raise NotFound(f"No patient with id {patient_id}.")
        if visit_id is not None:
            owner, status, _ = photos_repo.visit_patient(self.db, visit_id)
            if owner != patient_id:
                raise DomainError("That visit belongs to another patient.")
            if status != "open" and stage != "follow_up":
                raise DomainError(f"This visit is {status}: add later photos as follow-up.")
        if stage not in STAGES:
            raise DomainError(f"The stage is one of {', '.join(STAGES)}.", "stage")
        view = self.view(view_id)
        if view.retired:
            raise DomainError(
                f"The view {view.name!r} is retired: it is no longer taken. Pick another view.",
                "view",
            )
        problem = self.consent_problem(patient_id)
        if problem:
            raise DomainError(problem, "consent")
        if len(raw) > MAX_BYTES:
            raise DomainError("The file is larger than 200 MB: not a photo.", "file")
        prepared = image.prepare(raw)
        return self.store(
            patient_id,
            view.id,
            prepared,
            visit_id=visit_id,
            stage=stage,
            source=source,
            taken_at=self.ctx.now(),
        )

    def store(
        self,
        patient_id: str,
        view_id: str,
        prepared: image.Prepared,
        *,
        visit_id: str | None,
        stage: str,
        source: str,
        taken_at: datetime,
    ) -> Imported:
        """Write the files and register them; the checks are the caller's (import_photo, demo)."""
        photo_id = photos_repo.new_id()
        year = taken_at.astimezone(self.ctx.timezone()).year
        folder = Path("photos") / f"{year:04d}"
        relative = folder / f"{photo_id}{prepared.suffix}"
        thumb_relative = folder / f"{photo_id}.thumb.jpg"
        screen_relative = folder / f"{photo_id}.screen.jpg"
        made = [
            (self.ctx.data_dir / relative, prepared.data),
            (self.ctx.data_dir / thumb_relative, prepared.thumb),
            (self.ctx.data_dir / screen_relative, prepared.screen),
        ]
        digest = sha256_hex(prepared.data)
        try:
            for target, data in made:
                write_private(target, data)
            with self.db.atomic():
                photos_repo.insert(
                    self.db,
                    photo_id=photo_id,
                    patient_id=patient_id,
                    visit_id=visit_id,
                    view_id=view_id,
                    stage=stage,
                    taken_at=taken_at,
                    source=source,
                    width=prepared.width,
                    height=prepared.height,
                    path=relative.as_posix(),
                    sha256=digest,
                    thumb_path=thumb_relative.as_posix(),
                    screen_path=screen_relative.as_posix(),
                    practitioner_id=self.ctx.practitioner_id,
                )
                self.ctx.audit(
                    "photo.import",
                    entity="patient",
                    entity_id=patient_id,
                    detail={
                        "photo_id": photo_id,
                        "view": view_id,
                        "stage": stage,
                        "visit_id": visit_id,
                        "source": source,
                        "sha256": digest,
                    },
                )
        except OSError as exc:
            for target, _ in made:
                target.unlink(missing_ok=True)
            raise DomainError(
                f"Not saved: the photo could not be written ({exc.strerror or exc}). "
                "Nothing was half-saved; free some disk space and import it again."
            ) from exc
        except BaseException:
            # No row points at the files: remove them so the folder holds only registered ones.
            for target, _ in made:
                target.unlink(missing_ok=True)
            raise
        return Imported(photos_repo.get(self.db, photo_id), made[0][0])
