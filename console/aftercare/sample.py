"""A made-up completed visit, for previews of the sheet (Settings) and for benchmarks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from console.model.protocol import Protocol
from console.model.visit_record import AreaRecord, PassRecord, VisitRecord

SAMPLE_NAME = "Zoë Łukasz-Nguyễn"


def sample_record(
    protocol: Protocol,
    *,
    patient_name: str = SAMPLE_NAME,
    practitioner_name: str = "Sample Practitioner",
    ended_at: datetime | None = None,
    zone_ids: tuple[str, ...] = ("forehead", "cheeks"),
    series_number: int | None = 1,
    visit_id: str = "sample",
) -> VisitRecord:
    """A completed visit under ``protocol`` that ended at ``ended_at`` (default: a fixed time).

    Zones unknown to the protocol are skipped, so a clinic's edited library still previews.
    """
    end = ended_at or datetime(2026, 11, 24, 15, 40, tzinfo=UTC)
    start = end - timedelta(minutes=50)
    known = {z.id: z for z in protocol.zones}
    areas = []
    for position, zone_id in enumerate(z for z in zone_ids if z in known):
        zone = known[zone_id]
        depth = zone.typical_range("general")[0]
        a_start = start + timedelta(minutes=10 + 15 * position)
        passes = tuple(
            PassRecord(
                number=n + 1,
                started_at=a_start + timedelta(minutes=3 * n),
                ended_at=a_start + timedelta(minutes=3 * n + 2),
                duration_s=120.0,
                depth_mm=depth,
                direction=protocol.directions[n % len(protocol.directions)],
            )
            for n in range(protocol.target_passes(zone))
        )
        areas.append(
            AreaRecord(
                id=f"{visit_id}-area-{position}",
                position=position,
                zone_id=zone.id,
                zone_name=zone.name,
                concern="general",
                depth_mm=Decimal(depth),
                target_passes=protocol.target_passes(zone),
                outside_typical_reason="",
                endpoint="erythema",
                started_at=a_start,
                ended_at=passes[-1].ended_at,
                passes=passes,
                depth_changes=(),
            )
        )
    return VisitRecord(
        id=visit_id,
        patient_id="sample-patient",
        patient_name=patient_name,
        patient_dob=date(1990, 5, 17),
        practitioner_id="sample-practitioner",
        practitioner_name=practitioner_name,
        protocol_version=protocol.version,
        status="completed",
        step="finish",
        device_id=protocol.devices[0].id if protocol.devices else None,
        series_number=series_number,
        started_at=start,
        ended_at=end,
        completed_at=end,
        notes="",
        adverse_events="",
        stop_reason="",
        skin_cleansed_at=start,
        areas=tuple(areas),
        cartridges=(),
        consumables=(),
        screening=(),
        amendments=(),
    )
