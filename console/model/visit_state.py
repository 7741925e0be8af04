"""The visit row as the services' rules need it (not the full record: see visit_record)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class VisitState:
    id: str
    patient_id: str
    protocol_version: int
    status: str  # open / completed / stopped
    step: str
    device_id: str | None
    skin_cleansed: bool
    current_area_id: str | None
    notes: str
    adverse_events: str

    def field(self, name: str) -> str:
        """An amendable field's stored value."""
        return {"notes": self.notes, "adverse_events": self.adverse_events}[name]


@dataclass(frozen=True)
class AreaState:
    """One planned area as the rules need it."""

    id: str
    visit_id: str
    zone_id: str
    zone_name: str
    concern: str
    depth_mm: Decimal  # planned


def mm(value: float | str) -> Decimal:
    """A depth as stored (REAL), round-tripped through str and quantized to 0.01 mm."""
    return Decimal(str(value)).quantize(Decimal("0.01"))
