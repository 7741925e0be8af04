from __future__ import annotations

from decimal import Decimal

from console.model.protocol import default_body, from_body


def test_shipped_defaults_encode_product_facts() -> None:
    p = from_body(1, default_body())
    skinpen = p.device("skinpen-precision")
    assert (skinpen.max_mm, skinpen.step_mm, skinpen.warn_above_mm) == (
        Decimal("2.5"),
        Decimal("0.25"),
        Decimal("1.5"),
    )
    assert p.device("dermapen-4").step_mm == Decimal("0.1")
    assert {c.needle_count for c in p.cartridge_types_for("skinpen-precision")} == {12, 14}
    assert "eyelids" not in {z.id for z in p.zones}
    assert p.zone("cheeks").typical_range("acne_scars") == (Decimal("1.0"), Decimal("2.0"))
    kinds = {c.id: c.kind for c in p.contraindications}
    assert kinds["pregnant_nursing"] == "hard_stop"
    assert kinds["isotretinoin_recent"] == "waiting_period"
    assert kinds["anticoagulants"] == "needs_clearance"
    assert kinds["cold_sores"] == "prompt"
    assert (p.series.sessions, p.series.interval_weeks) == (3, 7)
    assert p.numbing.default_wait_minutes == 30
    assert p.default_target_passes == 3
