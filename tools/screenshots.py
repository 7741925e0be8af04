"""Walk a demo visit through the real window and save a PNG of every step, in English and
again in German (the second set in ``<out>/de``).

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py docs/screens

Uses the xcb platform when DISPLAY is set (what a practitioner sees), offscreen otherwise.
The README's screenshots are made with it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")


# Each language's set, and where it goes under the output folder.
LANGUAGES = (("en", "."), ("de", "de"))


def main(out: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from console.ui.shell import i18n

    app = QApplication(sys.argv[:1])
    for language, folder in LANGUAGES:
        i18n.install(app, language)
        visit(app, (out / folder).resolve())
    i18n.install(app, "en")
    return 0


def visit(app: QApplication, out: Path) -> None:
    """One demo visit from sign-in to the printed sheet, in the UI's language, shot by shot."""
    from PySide6.QtCore import QCoreApplication, QDate, QPointF, Qt
    from PySide6.QtGui import QKeyEvent, QMouseEvent

    from console.access.auth import hash_pin
    from console.clock import FakeClock
    from console.context import open_context
    from console.data import patients_repo, settings_repo
    from console.demo import clinic as demo
    from console.ui.shell.main_window import MainWindow
    from console.ui.widgets import theme
    from console.ui.widgets.common import Confirm

    out.mkdir(parents=True, exist_ok=True)
    clock = FakeClock(datetime(2026, 11, 24, 14, 5, tzinfo=UTC))
    ctx = open_context(Path(tempfile.mkdtemp()) / "shots.sqlite3", clock=clock)
    theme.apply(app)
    settings_repo.put(ctx.db, "clinic.name", "Spectrum Skin Clinic", now=clock.now(), by=None)
    staff = demo.create_practitioners(ctx.db, clock.now(), hash_pin)
    demo.create_patients(ctx.db, 40, seed=5, now=clock.now(), by=staff[0])
    patients_repo.insert(
        ctx.db,
        full_name="Zoë Łukasz-Nguyễn",
        date_of_birth=date(1988, 3, 14),
        phone="+44 7700 900123",
        email="zoe@example.org",
        fitzpatrick=3,
        now=clock.now(),
        by=staff[0],
    )
    # The answers a practitioner gives to "Complete and lock this visit?": Yes.
    Confirm.ask = classmethod(lambda cls, *a: True)  # type: ignore[method-assign,assignment]
    window = MainWindow(ctx)
    # The commonest room monitor, less a title bar and taskbar (the window opens maximised).
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 700)
    window.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shot(name: str) -> None:
        settle()
        window.grab().save(str(out / f"{name}.png"))

    def keys(widget: object, text: str) -> None:
        widget.setFocus()  # type: ignore[attr-defined]
        for ch in text:
            key = Qt.Key.Key_Return if ch == "\n" else Qt.Key.Key_unknown
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                QCoreApplication.sendEvent(
                    widget,
                    QKeyEvent(
                        kind,
                        key,  # type: ignore[arg-type]
                        Qt.KeyboardModifier.NoModifier,
                        "" if ch == "\n" else ch,
                    ),
                )

    def key(widget: object, k: Qt.Key, text: str) -> None:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(
                widget,
                QKeyEvent(
                    kind,
                    k,
                    Qt.KeyboardModifier.NoModifier,  # type: ignore[arg-type]
                    text,
                ),
            )

    def sign(pad: object, points: list[tuple[int, int]]) -> None:
        """A signature drawn with the mouse: press, moves, release."""
        kinds = [QMouseEvent.Type.MouseButtonPress]
        kinds += [QMouseEvent.Type.MouseMove] * (len(points) - 2)
        kinds += [QMouseEvent.Type.MouseButtonRelease]
        for kind, (x, y) in zip(kinds, points, strict=True):
            pos = QPointF(x, y)
            buttons = Qt.MouseButton.NoButton if kind == kinds[-1] else Qt.MouseButton.LeftButton
            QCoreApplication.sendEvent(
                pad,
                QMouseEvent(
                    kind,
                    pos,
                    pad.mapToGlobal(pos),  # type: ignore[attr-defined]
                    Qt.MouseButton.LeftButton,
                    buttons,
                    Qt.KeyboardModifier.NoModifier,
                ),
            )

    signin = window.screen_for("signin")
    signin.names.select(staff[1])
    shot("1-signin")
    keys(signin.pad.field, "1357\n")
    patient = window.screen_for("patient")
    keys(patient.search, "zoe")
    shot("2-patient-search")
    key(patient.search, Qt.Key.Key_Return, "")
    shot("2-patient-chosen")
    patient.start_button.click()
    screening = window.screen_for("screening")
    for q in screening.questions:
        (q.yes if q.item.id in ("cold_sores", "anticoagulants") else q.no).click()
    screening.check.click()
    shot("3-screening-clearance-needed")
    form = next(q for q in screening.questions if q.item.id == "anticoagulants").form
    form.name.setText("Dr Patel")
    form.role.setCurrentText("GP")
    form.method.setCurrentIndex(1)
    form.on.setDate(QDate(2026, 11, 20))
    form.note.setText("Aspirin paused 7 days, cleared")
    cold = next(q for q in screening.questions if q.item.id == "cold_sores").prompt
    cold.setCurrentIndex(cold.findData("cover_confirmed"))
    screening.check.click()
    consent = window.screen_for("consent")
    consent.text.setFocus()
    for _ in range(60):  # read to the end with Page Down, as the patient would
        if consent.read_to_end:
            break
        key(consent.text, Qt.Key.Key_PageDown, "")
    keys(consent.signer_name, "Zoë Łukasz-Nguyễn")
    sign(consent.pad, [(30 + 25 * i, 40 + 60 * (i % 2)) for i in range(14)])
    keys(consent.pin, "1357")
    shot("4-consent-signing")
    key(consent.pin, Qt.Key.Key_Return, "")
    prep = window.screen_for("prep")
    prep.device.setCurrentIndex(prep.device.findData("skinpen-precision"))
    prep.device.activated.emit(prep.device.currentIndex())
    prep.seal.setChecked(True)
    keys(prep.scan, "]d2010950110102091717281231" + "10LOT42A\x1d210042\n")
    prep.gel_product.setText("Skinfuse Lift HA")
    prep.gel_lot.setText("HA-2611")
    prep.gel_save.click()
    prep.numb_product.setText("LMX4")
    prep.numb_lot.setText("N-551")
    prep.numb_apply.click()
    clock.advance(11 * 60 + 20)
    prep._refresh_countdown()
    shot("5-prep-numbing-countdown")
    clock.advance(19 * 60)
    prep.numb_remove.click()
    prep.cleansed.click()
    prep.next.click()
    plan = window.screen_for("plan")
    for zone, depth in (("cheeks", "0,75\n"), ("forehead", "0.5\n"), ("neck", "0.75\n")):
        plan.map.zone_clicked.emit(zone)
        keys(plan.depth_input, depth)
    plan.map.zone_clicked.emit("nose")  # around the eyes, 2.5 mm is refused outright
    keys(plan.depth_input, "2.5\n")
    shot("6-plan-tenfold-slip")
    plan.depth_input.clear()
    plan.next.click()
    treat = window.screen_for("treat")
    for seconds in (38, 36):
        key(treat, Qt.Key.Key_Space, " ")
        clock.advance(seconds)
        key(treat, Qt.Key.Key_Space, " ")
        clock.advance(6)
    key(treat, Qt.Key.Key_Space, " ")
    clock.advance(27)
    treat._refresh_clock()
    shot("7-treat-pass-running")
    key(treat, Qt.Key.Key_Space, " ")
    key(treat, Qt.Key.Key_2, "2")
    for zone_passes in ((24, 22), (41, 39, 40)):
        key(treat, Qt.Key.Key_N, "n")
        for seconds in zone_passes:
            key(treat, Qt.Key.Key_Space, " ")
            clock.advance(seconds)
            key(treat, Qt.Key.Key_Space, " ")
            clock.advance(5)
        key(treat, Qt.Key.Key_1, "1")
    shot("7-treat-chart")
    key(treat, Qt.Key.Key_F, "f")
    finish = window.screen_for("finish")
    finish.notes.setPlainText("Mild erythema on cheeks; tolerated well.")
    finish.complete.click()
    shot("8-finish-sheet")
    if finish.backup_thread is not None:  # the backup after the visit, before closing
        finish.backup_thread.join()
        settle()
    window.close()
    ctx.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screens")))
