"""The Consent step through its real widgets: read to the end, sign by pointer, PIN, decline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.consent.service import ConsentService
from console.context import AppContext
from console.data import consents_repo
from console.ui.shell.main_window import MainWindow
from console.visit.service import VisitService
from tests.conftest import no_contraindications, one_area_visit
from tests.consent_support import signed_in_pin
from tests.ui.consent_helpers import ZIGZAG, read_to_end, sign_with_mouse, sign_with_pen
from tests.ui.visit_helpers import press, type_text


def _at_consent(window: MainWindow, ctx: AppContext, patient: str) -> tuple[str, object]:
    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient)
    svc.answer_screening(visit_id, no_contraindications(ctx, visit_id))
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.go("consent")
    return visit_id, window.screen_for("consent")


def test_signing_is_possible_only_after_the_text_was_read_to_the_end(
    window: MainWindow, ctx: AppContext, patient: str, qtbot: QtBot
) -> None:
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised to the test screen
    window.show()
    window.resize(1366, 700)
    qtbot.waitExposed(window)
    _, screen = _at_consent(window, ctx, patient)
    assert "No consent on record" in screen.reason.text()
    # Keys go to the text at once: Page Down reads on without a click.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.text, timeout=2000)
    assert screen.text.verticalScrollBar().maximum() > 0  # the text is longer than its box
    assert not screen.pad.isEnabled()
    sign_with_mouse(screen.pad, ZIGZAG)
    assert screen.pad.is_empty()  # a disabled pad takes no strokes
    screen.sign.click()
    assert "Read the text to the end" in screen.signature_error.text()
    read_to_end(screen)
    assert screen.pad.isEnabled()
    assert "read to the end" in screen.read_hint.text()


def test_sign_by_mouse_clear_resign_by_pen_and_countersign_with_pin(
    window: MainWindow, ctx: AppContext, patient: str, qtbot: QtBot
) -> None:
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    visit_id, screen = _at_consent(window, ctx, patient)
    pin = signed_in_pin(ctx)
    read_to_end(screen)
    # One dot is refused, next to the box.
    sign_with_mouse(screen.pad, [(100, 60), (100, 60)])
    type_text(screen.signer_name, "Zoe Lukasz")
    type_text(screen.pin, pin)
    screen.sign.click()
    assert "too small" in screen.signature_error.text()
    assert window.current_key() == "consent"
    screen.clear.click()
    assert screen.pad.is_empty()
    sign_with_mouse(screen.pad, ZIGZAG)
    screen.clear.click()
    sign_with_pen(screen.pad, ZIGZAG)
    assert screen.pad.signature().points == len(ZIGZAG)
    screen.photo_checks["clinical_record"].click()
    screen.identity.setCurrentText("photo ID seen")
    # A wrong PIN is refused next to the PIN field, and nothing is recorded.
    type_text(screen.pin, "9999")
    screen.sign.click()
    assert "Wrong PIN" in screen.pin_error.text()
    assert ctx.db.execute("SELECT COUNT(*) FROM consents").fetchone()[0] == 0
    type_text(screen.pin, pin)
    press(screen.pin, Qt.Key.Key_Return)
    assert window.current_key() == "prep"
    consent = ConsentService(ctx).for_patient(patient)
    photo = next(c.consent for c in consent if c.consent.template_id == "photos")
    assert photo.choices == {
        "clinical_record": True,
        "teaching_anonymised": False,
        "marketing": False,
    }
    treatment = next(c.consent for c in consent if c.consent.template_id == "microneedling")
    assert treatment.signer_name == "Zoe Lukasz"
    identity = ctx.db.execute("SELECT identity_check FROM consents WHERE id = ?", [treatment.id])
    assert identity.fetchone()[0] == "photo ID seen"
    assert consents_repo.linked_consent_id(ctx.db, visit_id) == treatment.id
    strokes = consents_repo.strokes(ctx.db, treatment.id)
    assert strokes.count("],[") >= len(ZIGZAG) - 1  # every pen point, with its time
    assert ConsentService(ctx).missing(visit_id) == []


def test_a_valid_consent_on_record_skips_signing_with_the_reason(
    window: MainWindow, ctx: AppContext, patient: str, clock
) -> None:
    one_area_visit(ctx, patient, clock, serial="S1")
    clock.advance(28 * 86400)
    visit_id, screen = _at_consent(window, ctx, patient)
    assert "Consent on record: signed on 24 Nov 2026" in screen.reason.text()
    assert screen.pages.currentIndex() == 0
    assert ConsentService(ctx).missing(visit_id) != []
    screen.use_on_record.click()
    assert window.current_key() == "prep"
    assert ConsentService(ctx).missing(visit_id) == []


def test_declining_stops_the_visit_with_the_reason(
    window: MainWindow, ctx: AppContext, patient: str
) -> None:
    visit_id, screen = _at_consent(window, ctx, patient)
    screen.decline.click()
    assert "Say why" in screen.error.text()
    assert window.current_key() == "consent"
    type_text(screen.decline_reason, "Not today, wants to read more")
    screen.decline.click()
    assert window.current_key() == "patient"
    row = ctx.db.execute("SELECT status, stop_reason FROM visits WHERE id = ?", [visit_id])
    assert row.fetchone() == ("stopped", "Consent declined: Not today, wants to read more")


@pytest.fixture
def room_theme(qapp: QApplication) -> Iterator[None]:
    """The app's own type sizes (15 pt, 48 px targets), as the room monitor shows them."""
    from console.ui.widgets import theme

    font, sheet = qapp.font(), qapp.styleSheet()
    theme.apply(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


def test_the_primary_action_is_visible_at_1366_by_700(
    window: MainWindow, ctx: AppContext, patient: str, qtbot: QtBot, room_theme: None
) -> None:
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised to the test screen
    window.show()
    window.resize(1366, 700)
    qtbot.waitExposed(window)
    _, screen = _at_consent(window, ctx, patient)
    holder = window._holders["consent"]
    viewport = holder.viewport()
    # Nothing scrolls at the room monitor's size: the whole step is on screen.
    qtbot.waitUntil(lambda: screen.height() <= viewport.height(), timeout=2000)
    assert not holder.verticalScrollBar().isVisible()
    assert not holder.horizontalScrollBar().isVisible()
    assert screen.minimumSizeHint().height() <= viewport.height()
    assert screen.minimumSizeHint().width() <= viewport.width()
    for widget in (screen.pad, screen.pin, screen.text, *screen.photo_checks.values()):
        top_left = widget.mapTo(viewport, widget.rect().topLeft())
        assert widget.isVisible() and top_left.y() >= 0 and top_left.x() >= 0
        assert top_left.y() + widget.height() <= viewport.height()
        assert top_left.x() + widget.width() <= viewport.width()
    # Countersign and decline sit in the window's action bar, always on screen.
    for button in (screen.sign, screen.decline):
        place = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert button.isVisible() and window.rect().contains(place)


def test_a_finger_signs_too_through_qt_touch_events(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from console.ui.steps.signature_pad import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 160)
    pad.show()
    qtbot.waitExposed(pad)
    finger = QTest.createTouchDevice()
    QTest.touchEvent(pad, finger).press(0, QPoint(20, 40), pad).commit()
    for i in range(1, 12):
        QTest.touchEvent(pad, finger).move(0, QPoint(20 + 30 * i, 40 + 50 * (i % 2)), pad).commit()
    QTest.touchEvent(pad, finger).release(0, QPoint(380, 90), pad).commit()
    signature = pad.signature()
    assert len(signature.strokes) == 1 and signature.points >= 12
    signature.check()  # a real signature, not refused
    times = [p.t_ms for p in signature.strokes[0]]
    assert times == sorted(times)
