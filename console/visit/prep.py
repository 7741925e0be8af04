"""Prep: device, the sterile single-use cartridge, gel, numbing cream, cleansed skin."""

from __future__ import annotations

from datetime import datetime, time

from console import store_errors
from console.consent.service import ConsentService
from console.context import AppContext
from console.data import cartridges_repo, passes_repo, prep_repo, screening_repo, visits_repo
from console.errors import DomainError
from console.labels.udi import Label, check_not_expired, format_day, parse_label
from console.model.changes import Changed, Changes
from console.visit import holding
from console.visit.lifecycle import VisitLifecycle, new_id
from console.visit.storage import guarded

PREP = Changes(prep=True)


class SealedNewNeeded(DomainError):
    """A label without a serial: the practitioner must confirm a new sealed cartridge."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "sealed_new")


class PrepService:
    def __init__(self, ctx: AppContext, visits: VisitLifecycle | None = None) -> None:
        self.ctx = ctx
        self.db = ctx.db
        self.visits = visits or VisitLifecycle(ctx)

    @guarded
    def set_device(self, visit_id: str, device_id: str) -> Changes:
        self.visits.open_state(visit_id)
        device = self.visits.protocol_for(visit_id).device(device_id)
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            if passes_repo.visit_has_passes(self.db, visit_id):
                raise DomainError("Passes were recorded with the current device; it stays.")
            visits_repo.set_device(self.db, visit_id, device.id)
            self.ctx.audit(
                "visit.device",
                entity="visit",
                entity_id=visit_id,
                detail={"device_id": device.id},
            )
        return Changes(visit=True, prep=True)

    @guarded
    def record_cartridge_label(
        self,
        visit_id: str,
        text: str,
        *,
        cartridge_type_id: str,
        seal_intact: bool,
        sealed_new_confirmed: bool = False,
    ) -> Changed[str]:
        """A scanned (or typed printed-form) UDI label; refused if expired or already used.

        A label without a serial raises ``SealedNewNeeded`` until ``sealed_new_confirmed``.
        """
        label = parse_label(text, today=self.ctx.today())
        return self._record_cartridge(
            visit_id,
            label,
            cartridge_type_id=cartridge_type_id,
            seal_intact=seal_intact,
            entry="scan",
            raw=text,
            sealed_new_confirmed=sealed_new_confirmed,
        )

    @guarded
    def record_cartridge_manual(
        self,
        visit_id: str,
        *,
        gtin: str,
        lot: str,
        expiry: str,
        serial: str = "",
        cartridge_type_id: str,
        seal_intact: bool,
        sealed_new_confirmed: bool = False,
    ) -> Changed[str]:
        """For a box that will not scan: lot and expiry typed from the label."""
        from console.labels.typed import manual_label

        label = manual_label(gtin, lot, expiry, today=self.ctx.today(), serial_text=serial)
        return self._record_cartridge(
            visit_id,
            label,
            cartridge_type_id=cartridge_type_id,
            seal_intact=seal_intact,
            entry="manual",
            raw="",
            sealed_new_confirmed=sealed_new_confirmed,
        )

    def _record_cartridge(
        self,
        visit_id: str,
        label: Label,
        *,
        cartridge_type_id: str,
        seal_intact: bool,
        entry: str,
        raw: str,
        sealed_new_confirmed: bool,
    ) -> Changed[str]:
        by = self.ctx.require_practitioner()
        visit = self.visits.open_state(visit_id)
        protocol = self.visits.protocol_for(visit_id)
        ctype = protocol.cartridge_type(cartridge_type_id)
        if visit.device_id and ctype.device_id != visit.device_id:
            raise DomainError(f"{ctype.name} does not fit the chosen device.", "cartridge_type")
        if not seal_intact:
            raise DomainError(
                "The sterile seal is not intact: do not use this cartridge. Open a new one.", "seal"
            )
        if not label.lot:
            raise DomainError("The label has no lot number.", "label")
        if label.expiry is None:
            raise DomainError("The label has no expiry date.", "label")
        check_not_expired(label, self.ctx.today())
        cartridge_id = new_id()
        earlier_today: list[datetime] = []
        try:
            # The look-up and the insert in one write transaction, so two rooms cannot both
            # record the same cartridge between them.
            with self.db.atomic():
                holding.check(self.ctx, visit_id)
                if label.serial:
                    used = cartridges_repo.same_cartridge(
                        self.db, gtin=label.gtin, lot=label.lot, serial=label.serial
                    )
                    if used and used.visit_id == visit_id:
                        raise DomainError(
                            "This cartridge is already recorded on this visit.", "label"
                        )
                    if used:
                        day = format_day(used.visit_started_at.astimezone(self.ctx.timezone()))
                        raise DomainError(
                            "This cartridge (same lot and serial) is already recorded on a visit "
                            f"of {day}. Cartridges are single use: open a new one.",
                            "label",
                        )
                else:
                    earlier_today = cartridges_repo.same_lot_since(
                        self.db, gtin=label.gtin, lot=label.lot, since=self._start_of_today()
                    )
                    if not sealed_new_confirmed:
                        raise SealedNewNeeded(self._sealed_new_question(label, earlier_today))
                cartridges_repo.insert(
                    self.db,
                    cartridge_id=cartridge_id,
                    visit_id=visit_id,
                    cartridge_type_id=ctype.id,
                    needle_count=ctype.needle_count,
                    gtin=label.gtin,
                    lot=label.lot,
                    expiry=label.expiry,
                    serial=label.serial,
                    raw_label=raw,
                    entry=entry,
                    sealed_new_confirmed=None if label.serial else True,
                    now=self.ctx.now(),
                    by=by,
                )
                self.ctx.audit(
                    "visit.cartridge",
                    entity="visit",
                    entity_id=visit_id,
                    detail={
                        "lot": label.lot,
                        "entry": entry,
                        **(
                            {}
                            if label.serial
                            else {
                                "sealed_new_confirmed": True,
                                "same_lot_earlier_today": len(earlier_today),
                            }
                        ),
                    },
                )
        except store_errors.IntegrityError as exc:  # the unique index: another room got there first
            raise DomainError("This cartridge is already recorded on another visit.") from exc
        return Changed(cartridge_id, PREP)

    def _start_of_today(self) -> datetime:
        """Midnight of the clinic's day, as an aware datetime."""
        tz = self.ctx.timezone()
        return datetime.combine(self.ctx.today(), time(0), tzinfo=tz)

    def _sealed_new_question(self, label: Label, earlier: list[datetime]) -> str:
        text = (
            "This label has no serial number, so it cannot show that the cartridge is unused. "
            "Confirm that you opened a new sealed cartridge for this patient."
        )
        if earlier:
            times = ", ".join(f"{t.astimezone(self.ctx.timezone()):%H:%M}" for t in earlier)
            count = "a cartridge" if len(earlier) == 1 else f"{len(earlier)} cartridges"
            text += (
                f" Warning: {count} of the same product and lot {label.lot} "
                f"{'was' if len(earlier) == 1 else 'were'} already recorded today in this room "
                f"(at {times}): make sure this is not one of them."
            )
        return text

    @guarded
    def remove_cartridge(self, visit_id: str, cartridge_id: str) -> Changes:
        """Undo a mistaken entry, only before any pass was made with it."""
        self.visits.open_state(visit_id)
        if passes_repo.visit_has_passes(self.db, visit_id):
            raise DomainError("Passes were made with this cartridge: it stays on the record.")
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            cartridges_repo.delete(self.db, visit_id, cartridge_id)
            self.ctx.audit(
                "visit.cartridge_removed",
                entity="visit",
                entity_id=visit_id,
                detail={"cartridge_id": cartridge_id},
            )
        return PREP

    @guarded
    def record_gel(self, visit_id: str, *, product: str, lot: str) -> Changed[str]:
        if not product.strip():
            raise DomainError("Name the gel product.", "gel_product")
        if not lot.strip():
            raise DomainError("Type the gel's lot number (on the tube).", "gel_lot")
        return self._consumable(visit_id, "gel", product, lot)

    @guarded
    def apply_numbing(
        self,
        visit_id: str,
        *,
        product: str,
        lot: str,
        applied_at: datetime,
        wait_minutes: int,
        occluded: bool = False,
    ) -> Changed[str]:
        protocol = self.visits.protocol_for(visit_id)
        if self.numbing_forbidden(visit_id):
            raise DomainError("The patient is allergic to local anaesthetics: no numbing cream.")
        if not product.strip():
            raise DomainError("Name the numbing cream.", "numbing_product")
        limits = protocol.numbing
        if not limits.min_wait_minutes <= wait_minutes <= limits.max_wait_minutes:
            raise DomainError(
                f"Waiting time must be {limits.min_wait_minutes}–{limits.max_wait_minutes} min.",
                "numbing_wait",
            )
        if applied_at > self.ctx.now():
            raise DomainError("The application time is in the future.", "numbing_applied_at")
        return self._consumable(
            visit_id,
            "numbing",
            product,
            lot,
            applied_at=applied_at,
            wait=wait_minutes,
            occluded=occluded,
        )

    def numbing_forbidden(self, visit_id: str) -> bool:
        """The screening found an allergy to local anaesthetics (or another numbing blocker)."""
        protocol = self.visits.protocol_for(visit_id)
        blockers = [c.id for c in protocol.contraindications if c.blocks_numbing]
        return screening_repo.any_present(self.db, visit_id, blockers)

    @guarded
    def remove_numbing(self, visit_id: str, consumable_id: str) -> Changes:
        self.visits.open_state(visit_id)
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            prep_repo.mark_numbing_removed(self.db, visit_id, consumable_id, self.ctx.now())
            self.ctx.audit("visit.numbing_removed", entity="visit", entity_id=visit_id)
        return PREP

    def _consumable(
        self,
        visit_id: str,
        kind: str,
        product: str,
        lot: str,
        *,
        applied_at: datetime | None = None,
        wait: int | None = None,
        occluded: bool = False,
    ) -> Changed[str]:
        by = self.ctx.require_practitioner()
        self.visits.open_state(visit_id)
        cid = new_id()
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            prep_repo.insert_consumable(
                self.db,
                consumable_id=cid,
                visit_id=visit_id,
                kind=kind,
                product=product.strip(),
                lot=lot.strip(),
                occluded=occluded,
                wait_minutes=wait,
                applied_at=applied_at,
                now=self.ctx.now(),
                by=by,
            )
            self.ctx.audit(
                f"visit.{kind}", entity="visit", entity_id=visit_id, detail={"lot": lot.strip()}
            )
        return Changed(cid, PREP)

    @guarded
    def mark_skin_cleansed(self, visit_id: str) -> Changes:
        self.visits.open_state(visit_id)
        with self.db.atomic():
            holding.check(self.ctx, visit_id)
            visits_repo.set_skin_cleansed(self.db, visit_id, self.ctx.now())
            self.ctx.audit("visit.cleansed", entity="visit", entity_id=visit_id)
        return Changes(visit=True, prep=True)

    def prep_missing(self, visit_id: str) -> list[str]:
        """What still stands between prep and the first pass, in words."""
        visit = self.visits.state(visit_id)
        missing = []
        if not self.visits.screening_passed(visit_id):
            missing.append("Screening is not complete or a contraindication blocks treatment.")
        missing += ConsentService(self.ctx).missing(visit_id)
        if not visit.device_id:
            missing.append("Choose the device.")
        if not cartridges_repo.visit_has_cartridge(self.db, visit_id):
            missing.append("Record the needle cartridge.")
        if not prep_repo.has_gel(self.db, visit_id):
            missing.append("Record the gel product and lot.")
        if prep_repo.numbing_on_skin(self.db, visit_id):
            missing.append("Remove the numbing cream completely before needling.")
        if not visit.skin_cleansed:
            missing.append("Cleanse the skin.")
        return missing
