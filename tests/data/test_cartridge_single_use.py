"""Single use means single use: a cartridge is found again however it was entered (issue 11)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.clock import FakeClock
from console.context import AppContext
from console.data import patients_repo
from console.errors import DomainError
from console.labels.hibc import check_character
from console.visit.prep import SealedNewNeeded
from console.visit.service import VisitService
from tests.conftest import cartridge_scan

GTIN = "09501101020917"  # the GTIN of conftest's cartridge_scan


def new_visit(ctx: AppContext, name: str) -> str:
    patient = patients_repo.insert(
        ctx.db,
        full_name=name,
        date_of_birth=ctx.today() - timedelta(days=365 * 35),
        now=ctx.now(),
        by=None,
    )
    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient)
    svc.set_device(visit_id, "skinpen-precision")
    return visit_id


def scan(ctx: AppContext, visit_id: str, text: str, *, confirmed: bool = False) -> str:
    return VisitService(ctx).record_cartridge_label(
        visit_id,
        text,
        cartridge_type_id="skinpen-14",
        seal_intact=True,
        sealed_new_confirmed=confirmed,
    )


def typed(
    ctx: AppContext,
    visit_id: str,
    *,
    gtin: str = "",
    lot: str = "LOT42A",
    serial: str = "",
    expiry: str = "2028-12",
    confirmed: bool = False,
) -> str:
    return VisitService(ctx).record_cartridge_manual(
        visit_id,
        gtin=gtin,
        lot=lot,
        expiry=expiry,
        serial=serial,
        cartridge_type_id="skinpen-14",
        seal_intact=True,
        sealed_new_confirmed=confirmed,
    )


def cartridge_rows(ctx: AppContext) -> list[tuple[object, ...]]:
    return ctx.db.execute(
        "SELECT lot, serial, gtin, entry, sealed_new_confirmed FROM cartridges ORDER BY rowid"
    ).fetchall()


@pytest.fixture
def first_visit(ctx: AppContext, staff: list[str]) -> str:
    """A visit that recorded the scanned cartridge GTIN + lot LOT42A + serial 0001."""
    visit_id = new_visit(ctx, "Ana Lima")
    scan(ctx, visit_id, cartridge_scan("0001"))
    return visit_id


@pytest.mark.parametrize(
    "entry",
    [
        {"gtin": "", "lot": "LOT42A", "serial": "0001"},  # typed without the GTIN
        {"gtin": GTIN, "lot": "LOT42A", "serial": "0001"},
        {"gtin": GTIN[1:], "lot": "LOT42A", "serial": "0001"},  # GTIN-13 form of the same
        {"gtin": "", "lot": " lot42a ", "serial": " 0001 "},  # lower case, stray spaces
    ],
)
def test_a_cartridge_typed_by_hand_is_found_on_another_visit(
    ctx: AppContext, first_visit: str, entry: dict[str, str]
) -> None:
    second = new_visit(ctx, "Bo Chen")
    with pytest.raises(DomainError, match="single use") as info:
        typed(ctx, second, **entry)
    assert info.value.field == "label"
    assert len(cartridge_rows(ctx)) == 1  # nothing half-saved


@pytest.mark.parametrize(
    "text",
    [
        "(17)281231(10)LOT42A(21)0001",  # the printed form typed without the GTIN
        "]d21728123110LOT42A\x1d210001",  # a GS1 scan without the GTIN
        f"(01){GTIN}(17)281231(10)lot42a(21)0001",  # typed in lower case
    ],
)
def test_a_cartridge_scanned_or_typed_again_is_refused(
    ctx: AppContext, first_visit: str, text: str
) -> None:
    second = new_visit(ctx, "Bo Chen")
    with pytest.raises(DomainError, match="single use"):
        scan(ctx, second, text)


def test_the_same_cartridge_twice_on_one_visit_says_so(ctx: AppContext, first_visit: str) -> None:
    with pytest.raises(DomainError, match="already recorded on this visit"):
        typed(ctx, first_visit, lot="LOT42A", serial="0001")
    assert len(cartridge_rows(ctx)) == 1


def test_a_hibc_cartridge_is_found_again_when_typed(ctx: AppContext, staff: list[str]) -> None:
    first, second = new_visit(ctx, "Ana Lima"), new_visit(ctx, "Bo Chen")
    data = "+A123BJC5D6E71/$$3281231LOT7/S0042"
    scan(ctx, first, data + check_character(data))
    with pytest.raises(DomainError, match="single use"):
        typed(ctx, second, lot="LOT7", serial="0042")


def test_another_product_with_the_same_lot_and_serial_is_a_different_cartridge(
    ctx: AppContext, first_visit: str
) -> None:
    second = new_visit(ctx, "Bo Chen")
    typed(ctx, second, gtin="05901234123457", lot="LOT42A", serial="0001")
    assert len(cartridge_rows(ctx)) == 2


def test_a_typed_serial_is_checked_like_a_scanned_one(ctx: AppContext, staff: list[str]) -> None:
    visit_id = new_visit(ctx, "Ana Lima")
    with pytest.raises(DomainError) as info:
        typed(ctx, visit_id, serial="00 01")
    assert info.value.field == "serial"
    assert cartridge_rows(ctx) == []


# -- a label without a serial ---------------------------------------------------------------


def test_no_serial_needs_the_practitioners_confirmation_and_records_it(
    ctx: AppContext, staff: list[str]
) -> None:
    visit_id = new_visit(ctx, "Ana Lima")
    no_serial = f"]d201{GTIN}1728123110LOT9"
    with pytest.raises(SealedNewNeeded) as info:
        scan(ctx, visit_id, no_serial)
    assert "no serial number" in info.value.message
    assert "already recorded today" not in info.value.message
    assert cartridge_rows(ctx) == []  # nothing recorded before the confirmation
    scan(ctx, visit_id, no_serial, confirmed=True)
    assert cartridge_rows(ctx) == [("LOT9", None, GTIN, "scan", 1)]
    (detail,) = ctx.db.execute(
        "SELECT detail FROM audit_log WHERE action = 'visit.cartridge'"
    ).fetchone()
    assert '"sealed_new_confirmed": true' in detail


def test_a_cartridge_with_a_serial_is_recorded_without_the_question(
    ctx: AppContext, first_visit: str
) -> None:
    assert cartridge_rows(ctx) == [("LOT42A", "0001", GTIN, "scan", None)]


def test_same_product_and_lot_earlier_today_is_warned(
    ctx: AppContext, staff: list[str], clock: FakeClock
) -> None:
    first, second = new_visit(ctx, "Ana Lima"), new_visit(ctx, "Bo Chen")
    typed(ctx, first, gtin=GTIN, lot="LOT9", confirmed=True)  # 14:00 UTC = 14:00 in London
    clock.advance(40 * 60)
    with pytest.raises(SealedNewNeeded) as info:
        scan(ctx, second, f"(01){GTIN}(17)281231(10)LOT9")
    message = info.value.message
    assert "a cartridge of the same product and lot LOT9 was already recorded today" in message
    assert "(at 14:00)" in message
    # Another lot, or another product's GTIN, is no warning.
    with pytest.raises(SealedNewNeeded) as info:
        scan(ctx, second, f"(01){GTIN}(17)281231(10)LOT10")
    assert "already recorded today" not in info.value.message
    with pytest.raises(SealedNewNeeded) as info:
        scan(ctx, second, "(01)05901234123457(17)281231(10)LOT9")
    assert "already recorded today" not in info.value.message


def test_same_lot_yesterday_is_no_warning(
    ctx: AppContext, staff: list[str], clock: FakeClock
) -> None:
    first = new_visit(ctx, "Ana Lima")
    typed(ctx, first, gtin=GTIN, lot="LOT9", confirmed=True)
    clock.advance(24 * 3600)
    second = new_visit(ctx, "Bo Chen")
    with pytest.raises(SealedNewNeeded) as info:
        typed(ctx, second, lot="lot9")
    assert "already recorded today" not in info.value.message
