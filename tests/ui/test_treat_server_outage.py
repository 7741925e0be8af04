"""Treat while the clinic's server is stopped: the pedal keeps working, what is recorded is
shown as kept on this PC (never as saved), a banner says since when, and once the server is
back the banner's own timer sends everything and both notes go."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.clock import FakeClock
from console.context import AppContext
from console.ui.shell.main_window import MainWindow
from tests import pg_outage
from tests.journal.outage_support import Room, outage_server, room  # noqa: F401  (fixtures)
from tests.ui.visit_helpers import press


@pytest.fixture
def window(qtbot: QtBot, room: Room) -> Iterator[MainWindow]:  # noqa: F811
    w = MainWindow(room.ctx)
    qtbot.addWidget(w)
    w.flow.set_patient(
        room.ctx.db.execute(
            "SELECT patient_id FROM visits WHERE id = ?", [room.visit_id]
        ).fetchone()[0]
    )
    w.flow.set_visit(room.visit_id)
    w.flow.set_practitioner(room.staff[0])  # after the visit: nothing to offer resuming
    w.flow.go("treat")
    w.show()
    yield w
    w.close()


def _stored_passes(on: Room) -> list[tuple[str, int, float]]:
    rows = on.ctx.db.execute(
        "SELECT a.zone_id, p.number, p.duration_s FROM passes p "
        "JOIN treated_areas a ON a.id = p.area_id ORDER BY p.rowid"
    ).fetchall()
    return [(str(z), int(n), float(s)) for z, n, s in rows]


def test_treating_through_an_outage_shows_kept_not_saved_then_sends_it(
    qtbot: QtBot,
    window: MainWindow,
    room: Room,  # noqa: F811
    clock: FakeClock,
) -> None:
    treat = window.screen_for("treat")
    banner = window.journal_banner
    press(treat, Qt.Key.Key_Space, " ")
    clock.advance(20)
    press(treat, Qt.Key.Key_Space, " ")
    assert treat.kept_note.text() == "" and not banner.label.isVisible()

    pg_outage.stop(room.server)
    try:
        press(treat, Qt.Key.Key_Space, " ")
        clock.advance(21)
        press(treat, Qt.Key.Key_Space, " ")
        assert treat.message.text() == ""  # no error: the pass was kept
        assert treat.kept_note.text().startswith("Kept on this PC, not yet on the clinic's server")
        assert treat.count_label.text() == "Pass 2 of 6 done"
        press(treat, Qt.Key.Key_1, "1")  # the endpoint, kept too
        press(treat, Qt.Key.Key_N, "n")  # the next area: the pedal still works
        press(treat, Qt.Key.Key_Space, " ")
        clock.advance(19)
        press(treat, Qt.Key.Key_Space, " ")
        assert treat.message.text() == ""
        assert treat.count_label.text() == "Pass 1 of 6 done"
        treat.enter()  # back from the lock screen while the server is still gone
        assert treat.count_label.text() == "Pass 1 of 6 done"
        assert treat.areas.item(0).text().endswith("Forehead  2/6")
        assert treat.kept_note.text().startswith("Kept on this PC")
        banner.refresh()
        assert banner.label.isVisible()
        # 14:00 UTC on 24 November is 14:00 in London, the clinic's default zone.
        assert banner.label.text() == (
            "Saving on this PC since 14:00 — the clinic's server does not answer"
        )
        assert banner.journal is not None
        assert [e.kind for e in banner.journal.waiting()] == ["pass_stop", "endpoint", "pass_stop"]
    finally:
        pg_outage.start(room.server)

    # The banner's timer finds the server again and sends everything, in order, once.
    qtbot.waitUntil(lambda: not banner.label.isVisible(), timeout=15_000)
    assert _stored_passes(room) == [
        ("forehead", 1, 20.0),
        ("forehead", 2, 21.0),
        ("cheeks", 1, 19.0),
    ]
    endpoint = room.ctx.db.execute(
        "SELECT endpoint FROM treated_areas WHERE id = ?", [room.areas[0]]
    ).fetchone()
    assert endpoint == ("erythema",)
    qtbot.waitUntil(lambda: treat.kept_note.text() == "", timeout=5_000)


def test_the_banner_in_german_and_a_refused_entry_named_until_it_is_dealt_with(
    qtbot: QtBot,
    room: Room,  # noqa: F811
) -> None:
    from PySide6.QtWidgets import QApplication

    from console.ui.shell import i18n
    from console.ui.widgets.journal_banner import JournalBanner

    app = QApplication.instance()
    assert isinstance(app, QApplication) and i18n.install(app, "de")
    try:
        banner = JournalBanner(room.ctx)
        qtbot.addWidget(banner)
        assert banner.journal is not None and banner.label.isHidden()
        banner.journal.append("e1", "pass_stop", room.visit_id, {}, room.ctx.now())
        banner.journal.append("e2", "endpoint", room.visit_id, {}, room.ctx.now())
        banner.refresh()
        assert banner.label.text() == (
            "Speichern auf diesem PC seit 14:00 – der Server der Praxis antwortet nicht"
        )
        banner.journal.refuse("e1", "This visit is completed and locked.")
        banner.journal.remove("e2")
        banner.refresh()
        assert banner.label.text() == (
            "1 auf diesem PC gehaltene Eintragung(en) hat der Server der Praxis abgelehnt: "
            "This visit is completed and locked."
        )
    finally:
        i18n.install(app, "en")


def test_a_room_on_its_own_file_has_no_journal_and_no_banner(qtbot: QtBot, ctx: AppContext) -> None:
    from console.ui.widgets.journal_banner import JournalBanner

    banner = JournalBanner(ctx)
    qtbot.addWidget(banner)
    banner.show()
    assert banner.journal is None and banner.label.isHidden() and not banner.timer.isActive()
