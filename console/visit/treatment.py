"""Plan and treat: areas with safe depths, passes timed on the monotonic clock, endpoints."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from console.clock import iso, parse_iso
from console.errors import DomainError
from console.visit.storage import guarded
from console.visit_record import PassRecord

if TYPE_CHECKING:
    from console.depth import DepthCheck
    from console.visit.service import VisitService

_Base: Any = object


class ConfirmationNeeded(DomainError):
    """The depth is allowed but unusual: the practitioner must confirm and give a reason."""

    def __init__(self, check: DepthCheck) -> None:
        super().__init__(" ".join(check.warnings), "depth")
        self.check = check


@dataclass
class _Running:
    area_id: str
    visit_id: str
    mono_start: float
    depth_mm: Decimal
    direction: str


class TreatmentMixin(_Base):  # type: ignore[misc]  # methods are typed on VisitService
    _running: _Running | None = None

    # -- plan -------------------------------------------------------------------------------
    def check_area_depth(
        self: VisitService, visit_id: str, zone_id: str, concern: str, depth_text: str
    ) -> DepthCheck:
        from console.depth import check_depth

        visit = self._open_visit(visit_id)
        if not visit["device_id"]:
            raise DomainError("Choose the device in Prep first: depth limits depend on it.")
        protocol = self.protocol_for(visit_id)
        return check_depth(
            depth_text, device=protocol.device(visit["device_id"]), zone=protocol.zone(zone_id),
            concern=concern,
        )  # fmt: skip

    @guarded
    def plan_area(
        self: VisitService, visit_id: str, zone_id: str, *, concern: str = "general",
        depth_text: str, target_passes: int, reason: str = "", confirmed: bool = False,
    ) -> str:  # fmt: skip
        check = self.check_area_depth(visit_id, zone_id, concern, depth_text)
        if check.needs_confirmation and not (confirmed and reason.strip()):
            raise ConfirmationNeeded(check)
        if not 1 <= target_passes <= 20:
            raise DomainError("Target passes must be between 1 and 20.", "target_passes")
        zone = self.protocol_for(visit_id).zone(zone_id)
        if self.db.execute(
            "SELECT 1 FROM treated_areas WHERE visit_id = ? AND zone_id = ?", [visit_id, zone_id]
        ).fetchone():
            raise DomainError(f"{zone.name} is already in the plan.", "zone")
        area_id = self._new_id()
        with self.db.atomic():
            position = self.db.execute(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM treated_areas WHERE visit_id = ?",
                [visit_id],
            ).fetchone()[0]
            self.db.execute(
                "INSERT INTO treated_areas (id, visit_id, position, zone_id, zone_name, concern, "
                "depth_mm, target_passes, outside_typical_reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [area_id, visit_id, position, zone.id, zone.name, concern, float(check.depth_mm),
                 target_passes, reason.strip() if check.needs_confirmation else ""],
            )  # fmt: skip
            self.db.execute("UPDATE visits SET step = 'plan' WHERE id = ? AND step IN "
                            "('screening', 'prep')", [visit_id])  # fmt: skip
            self._audit(
                "visit.plan_area", "visit", visit_id, zone=zone.id, depth_mm=str(check.depth_mm),
                confirmed_outside_typical=check.needs_confirmation,
            )  # fmt: skip
        return area_id

    def remove_area(self: VisitService, area_id: str) -> None:
        visit_id = self._area(area_id)["visit_id"]
        self._open_visit(visit_id)
        if self.db.execute("SELECT 1 FROM passes WHERE area_id = ?", [area_id]).fetchone():
            raise DomainError("This area has recorded passes; it stays in the record.")
        with self.db.atomic():
            self.db.execute("DELETE FROM treated_areas WHERE id = ?", [area_id])
            self._audit("visit.remove_area", "visit", visit_id, area_id=area_id)

    def _area(self: VisitService, area_id: str) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM treated_areas WHERE id = ?", [area_id]))
        if not rows:
            raise DomainError("That area is not in this visit.")
        return dict(rows[0])

    def area_ids(self: VisitService, visit_id: str) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM treated_areas WHERE visit_id = ? ORDER BY position", [visit_id]
            )
        ]

    def current_depth(self: VisitService, area_id: str) -> Decimal:
        row = (
            self.db.execute(
                "SELECT to_mm FROM depth_changes WHERE area_id = ? ORDER BY at DESC, rowid DESC "
                "LIMIT 1",
                [area_id],
            ).fetchone()
            or self.db.execute(
                "SELECT depth_mm FROM treated_areas WHERE id = ?", [area_id]
            ).fetchone()
        )
        return Decimal(str(row[0])).quantize(Decimal("0.01"))

    # -- treat ------------------------------------------------------------------------------
    def set_current_area(self: VisitService, visit_id: str, area_id: str) -> None:
        self._open_visit(visit_id)
        if self._running is not None:
            raise DomainError("Stop the running pass before moving to another area.")
        self.db.execute(
            "UPDATE visits SET current_area_id = ?, step = 'treat' WHERE id = ?",
            [area_id, visit_id],
        )

    @guarded
    def start_pass(self: VisitService, area_id: str, direction: str) -> None:
        area = self._area(area_id)
        visit_id = area["visit_id"]
        self._open_visit(visit_id)
        if self._running is not None:
            raise DomainError("A pass is already running.")
        missing = self.prep_missing(visit_id)
        if missing:
            raise DomainError("Not ready to treat: " + " ".join(missing))
        protocol = self.protocol_for(visit_id)
        if direction not in protocol.directions:
            raise DomainError(f"Unknown direction {direction!r}.", "direction")
        depth = self.current_depth(area_id)
        # Stored at once so a crash mid-pass is reported at the next start, not lost silently.
        with self.db.atomic():
            self.db.execute(
                "INSERT OR REPLACE INTO running_passes (area_id, started_at, depth_mm, direction) "
                "VALUES (?, ?, ?, ?)",
                [area_id, iso(self.ctx.now()), float(depth), direction],
            )
            self.db.execute(
                "UPDATE visits SET current_area_id = ?, step = 'treat' WHERE id = ?",
                [area_id, visit_id],
            )
        self._running = _Running(area_id, visit_id, self.ctx.clock.monotonic(), depth, direction)

    @property
    def running_area_id(self) -> str | None:
        return self._running.area_id if self._running else None

    def running_elapsed(self: VisitService) -> float:
        return self.ctx.clock.monotonic() - self._running.mono_start if self._running else 0.0

    @guarded
    def stop_pass(self: VisitService) -> PassRecord:
        """Stop the running pass and commit it before returning (the hot path: kept lean)."""
        run = self._running
        if run is None:
            raise DomainError("No pass is running.")
        duration = max(0.0, self.ctx.clock.monotonic() - run.mono_start)
        now = self.ctx.now()
        started = parse_iso(
            self.db.execute(
                "SELECT started_at FROM running_passes WHERE area_id = ?", [run.area_id]
            ).fetchone()[0]
        )
        with self.db.atomic():
            number = self.db.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM passes WHERE area_id = ?", [run.area_id]
            ).fetchone()[0]
            self.db.execute(
                "INSERT INTO passes (id, area_id, visit_id, number, started_at, ended_at, "
                "duration_s, depth_mm, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [self._new_id(), run.area_id, run.visit_id, number, iso(started), iso(now),
                 round(duration, 3), float(run.depth_mm), run.direction],
            )  # fmt: skip
            self.db.execute("DELETE FROM running_passes WHERE area_id = ?", [run.area_id])
            self.db.execute(
                "UPDATE treated_areas SET started_at = COALESCE(started_at, ?), ended_at = ? "
                "WHERE id = ?",
                [iso(started), iso(now), run.area_id],
            )
        self._running = None
        return PassRecord(number, started, now, round(duration, 3), run.depth_mm, run.direction)

    def interrupted_passes(self: VisitService, visit_id: str) -> list[str]:
        """Zones whose pass was running when the console stopped; the pass is not counted."""
        rows = self.db.execute(
            "SELECT a.zone_name FROM running_passes r JOIN treated_areas a ON a.id = r.area_id "
            "WHERE a.visit_id = ?",
            [visit_id],
        ).fetchall()
        if rows and self._running is None:
            with self.db.atomic():
                self.db.execute(
                    "DELETE FROM running_passes WHERE area_id IN "
                    "(SELECT id FROM treated_areas WHERE visit_id = ?)",
                    [visit_id],
                )
                self._audit("visit.pass_interrupted", "visit", visit_id, count=len(rows))
        return [r[0] for r in rows]

    @guarded
    def change_depth(
        self: VisitService, area_id: str, depth_text: str, *, reason: str = "",
        confirmed: bool = False,
    ) -> Decimal:  # fmt: skip
        area = self._area(area_id)
        if self._running is not None:
            raise DomainError("Stop the pass before changing the depth.")
        check = self.check_area_depth(
            area["visit_id"], area["zone_id"], area["concern"], depth_text
        )
        if check.needs_confirmation and not (confirmed and reason.strip()):
            raise ConfirmationNeeded(check)
        old = self.current_depth(area_id)
        if check.depth_mm == old:
            return old
        by = self.ctx.require_practitioner()
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO depth_changes (id, area_id, at, from_mm, to_mm, reason, by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [self._new_id(), area_id, iso(self.ctx.now()), float(old), float(check.depth_mm),
                 reason.strip(), by],
            )  # fmt: skip
            self._audit("visit.depth_change", "visit", area["visit_id"], area_id=area_id,
                        from_mm=str(old), to_mm=str(check.depth_mm))  # fmt: skip
        return check.depth_mm

    @guarded
    def set_endpoint(self: VisitService, area_id: str, endpoint: str) -> None:
        area = self._area(area_id)
        self._open_visit(area["visit_id"])
        if endpoint not in {e for e, _ in self.protocol_for(area["visit_id"]).endpoints}:
            raise DomainError(f"Unknown endpoint {endpoint!r}.", "endpoint")
        with self.db.atomic():
            self.db.execute(
                "UPDATE treated_areas SET endpoint = ? WHERE id = ?", [endpoint, area_id]
            )
            self._audit("visit.endpoint", "visit", area["visit_id"], area_id=area_id,
                        endpoint=endpoint)  # fmt: skip
