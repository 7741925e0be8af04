"""The visit's own figures: stop pass → committed, CPU while a pass is timed, memory after a visit.

The runner calls ``pass_commit_ms``, ``timer_cpu_pct`` and ``rss_after_visit_mb``, each in a
fresh process. They work on a real database file (a copy for the ones that write a lot) with
the console's own pragmas (WAL, synchronous=FULL), through ``VisitService`` and the real
screens. Nothing from ``tests/`` is imported, so the runner needs no pytest.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import string
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GTIN = "09501101020917"  # a valid demo GTIN (check digit included)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


def cartridge_scan(serial: str, today: date) -> str:
    """A GS1 DataMatrix scan as a keyboard-wedge scanner types it, expiring in two years."""
    expiry = (today + timedelta(days=730)).strftime("%y%m%d")
    return f"]d201{GTIN}17{expiry}10BENCH1\x1d21{serial}"


def _staff(ctx: Any) -> list[str]:
    rows = ctx.db.execute("SELECT id FROM practitioners WHERE active = 1 ORDER BY rowid")
    staff = [str(r[0]) for r in rows]
    if not staff:
        from console.demo import clinic as demo

        staff = demo.create_practitioners(ctx.db, ctx.now())
    return staff


def bench_patient(ctx: Any, name: str) -> str:
    from console.data import patients_repo

    staff = _staff(ctx)
    ctx.practitioner_id = ctx.practitioner_id or staff[0]
    patient_id = patients_repo.insert(
        ctx.db,
        full_name=name,
        date_of_birth=date(1984, 7, 19),
        phone="+44 7700 900777",
        email="bench.visit@example.org",
        fitzpatrick=2,
        now=ctx.now(),
        by=staff[0],
    )
    return str(patient_id)


def _consent(ctx: Any, visit_id: str) -> None:
    """The consent on record, or a new one signed and countersigned with the README PIN."""
    from console.access.auth import hash_pin
    from console.consent.service import ConsentService, SigningRequest
    from console.consent.signature import Point, Signature
    from console.data import practitioners_repo
    from console.demo import clinic as demo

    consents = ConsentService(ctx)
    if consents.coverage(visit_id).covered:
        consents.use_on_record(visit_id)
        return
    me = practitioners_repo.get(ctx.db, ctx.practitioner_id)
    pin = {name: pin for name, _role, pin in demo.DEMO_PRACTITIONERS}[me["display_name"]]
    if not me["pin_hash"]:
        with ctx.db.atomic():
            practitioners_repo.set_pin_hash(ctx.db, me["id"], hash_pin(pin))
    zigzag = tuple(Point(0.1 + 0.06 * i, 0.3 + 0.4 * (i % 2), 80 * i) for i in range(12))
    consents.take(
        visit_id,
        SigningRequest(
            library_version=consents.templates().version,
            signer_name="Bench Patient",
            signature=Signature((zigzag,)),
            practitioner_pin=pin,
        ),
    )


def _sign_on_screen(window: Any, pin: str) -> None:
    """The Consent step through its widgets: Page Down to the end, a mouse signature, PIN."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    consent = window.screen_for("consent")
    if consent.pages.currentIndex() == 0:  # a consent on record covers the visit
        consent.use_on_record.click()
        return
    for _ in range(60):
        if consent.read_to_end:
            break
        _press(consent.text, Qt.Key.Key_PageDown)
    left = Qt.MouseButton.LeftButton
    points = [(30 + 25 * i, 40 + 60 * (i % 2)) for i in range(14)]
    kinds = (
        [QMouseEvent.Type.MouseButtonPress]
        + [QMouseEvent.Type.MouseMove] * 12
        + [QMouseEvent.Type.MouseButtonRelease]
    )
    for kind, (x, y) in zip(kinds, points, strict=True):
        held = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseButtonRelease else left
        pos = QPointF(x, y)
        QApplication.sendEvent(
            consent.pad,
            QMouseEvent(
                kind,
                pos,
                consent.pad.mapToGlobal(pos),
                left,
                held,
                Qt.KeyboardModifier.NoModifier,
            ),
        )
    _type(consent.signer_name, "Bench Patient")
    _type(consent.pin, pin + "\n")


def ready_visit(ctx: Any, patient_id: str) -> str:
    """An open visit through screening, consent and prep, ready for its plan."""
    from console.model.screening import Answer
    from console.visit.service import VisitService

    svc = VisitService(ctx)
    visit_id = svc.start_visit(patient_id)
    protocol = svc.protocol_for(visit_id)
    svc.answer_screening(visit_id, [Answer(c.id, False) for c in protocol.contraindications])
    _consent(ctx, visit_id)
    svc.set_device(visit_id, "skinpen-precision")
    serial = uuid.uuid4().hex[:12].upper()  # single use: a new cartridge every run
    svc.record_cartridge_label(
        visit_id,
        cartridge_scan(serial, ctx.today()),
        cartridge_type_id="skinpen-14",
        seal_intact=True,
    )
    svc.record_gel(visit_id, product="SkinPen Skinfuse Lift HA", lot="G2611")
    svc.mark_skin_cleansed(visit_id)
    return visit_id


def plan_areas(ctx: Any, visit_id: str, zones: tuple[str, ...]) -> list[str]:
    from console.visit.service import VisitService

    svc = VisitService(ctx)
    return [svc.plan_area(visit_id, z, depth_text="0.5", target_passes=3) for z in zones]


# -- stop pass → committed -----------------------------------------------------------------
def timed_pass_stops(
    ctx: Any, visit_id: str, areas: list[str], passes: int, warmup: int
) -> list[float]:
    """Milliseconds of each ``stop_pass()`` after ``warmup`` untimed ones; the visit completed
    afterwards. Shared by the file's bench and the server's (bench_server.py)."""
    from console.visit.service import VisitService

    svc = VisitService(ctx)
    directions = svc.protocol_for(visit_id).directions
    timings: list[float] = []
    for i in range(warmup + passes):
        svc.start_pass(areas[i % len(areas)], directions[i % len(directions)])
        start = time.perf_counter()
        svc.stop_pass()
        if i >= warmup:
            timings.append((time.perf_counter() - start) * 1000)
    for area in areas:
        svc.set_endpoint(area, "erythema")
    svc.complete(visit_id, notes="benchmark visit")
    return timings


def pass_commit_ms(db_path: str | Path, *, passes: int = 200, warmup: int = 10) -> dict[str, Any]:
    """Time ``VisitService.stop_pass()`` (insert + delete + update, committed, fsync'd)."""
    from console.context import open_context

    ctx = open_context(Path(db_path))
    try:
        sync = ctx.db.execute("PRAGMA synchronous").fetchone()[0]
        journal = ctx.db.execute("PRAGMA journal_mode").fetchone()[0]
        pid = bench_patient(ctx, "Bench Pass-Commit")
        visit_id = ready_visit(ctx, pid)
        areas = plan_areas(ctx, visit_id, ("forehead", "cheeks", "chin_jawline", "neck"))
        timings = timed_pass_stops(ctx, visit_id, areas, passes, warmup)
        stored = ctx.db.execute("SELECT COUNT(*) FROM passes WHERE visit_id = ?", [visit_id])
        assert stored.fetchone()[0] == warmup + passes, "a stopped pass is missing"
        return {
            "passes": passes,
            "median_ms": round(statistics.median(timings), 2),
            "p95_ms": round(_p95(timings), 2),
            "max_ms": round(max(timings), 2),
            "synchronous": int(sync),  # 2 = FULL
            "journal_mode": str(journal),
            "total_passes_in_db": ctx.db.execute("SELECT COUNT(*) FROM passes").fetchone()[0],
        }
    finally:
        ctx.db.close()


# -- the app ---------------------------------------------------------------------------------
def _app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def run_loop(seconds: float) -> None:
    """Run the Qt event loop (timers, paints) for ``seconds`` of wall time."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _window(ctx: Any) -> Any:
    from console.ui.shell.lock import IdleLock
    from console.ui.shell.main_window import MainWindow

    window = MainWindow(ctx)
    window.idle_lock = IdleLock(window, ctx, window.flow)  # as in the app: its filter costs too
    window.show()
    return window


def _press(widget: Any, key: Any, text: str = "") -> None:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QKeyEvent

    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(
            widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        )


def _type(widget: Any, text: str) -> None:
    """Key events carrying their text, Enter for a newline (as a scanner or keyboard sends)."""
    from PySide6.QtCore import Qt

    widget.setFocus()
    for ch in text:
        if ch == "\n":
            _press(widget, Qt.Key.Key_Return)
        else:
            _press(widget, Qt.Key.Key_unknown, ch)


def timer_cpu_pct(db_path: str | Path, *, seconds: float = 20.0) -> dict[str, Any]:
    """CPU of this process while the Treat screen times a pass: process_time / wall time."""
    from PySide6.QtCore import Qt

    from console.context import open_context

    app = _app()
    ctx = open_context(Path(db_path))
    try:
        pid = bench_patient(ctx, "Bench Timer-Patient")
        visit_id = ready_visit(ctx, pid)
        plan_areas(ctx, visit_id, ("forehead", "cheeks"))
        window = _window(ctx)
        # Visit first, then who: a practitioner with an open visit and none chosen would be
        # offered the resume dialog.
        window.flow.set_patient(pid)
        window.flow.set_visit(visit_id)
        window.flow.set_practitioner(ctx.practitioner_id)
        window.flow.go("treat")
        treat = window.screen_for("treat")
        assert window.current_key() == "treat"
        _press(treat, Qt.Key.Key_Space, " ")  # the pedal: start the pass through the screen
        assert treat.session.running_area_id is not None, "the pass did not start"
        run_loop(1.0)  # first paints, chart, the 4 Hz tick settling in
        cpu0, wall0 = time.process_time(), time.monotonic()
        run_loop(seconds)
        cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
        shown = treat.timer_label.text()
        _press(treat, Qt.Key.Key_Space, " ")
        assert treat.session.running_area_id is None, "the pass did not stop"
        # Leave no open visit behind: a later start on this file would offer to resume it.
        _press(treat, Qt.Key.Key_1, "1")
        treat.session.visits.complete(visit_id, notes="benchmark visit")
        window.close()
        app.processEvents()
        return {
            "window_s": round(wall, 2),
            "cpu_s": round(cpu, 3),
            "pct": round(100 * cpu / wall, 2),
            "clock_shown": shown,
            "platform": app.platformName(),
        }
    finally:
        ctx.db.close()


def _rss_mb() -> tuple[float, float]:
    """Current resident set (VmRSS) and the peak (ru_maxrss), in MB."""
    current = 0.0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    return current, peak


def _answer_yes_to_the_next_question() -> None:
    """Press Yes on the confirmation the next click opens (a real modal QMessageBox, whose
    default is No), as the practitioner would; polled, since it opens inside the click."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.YesRole:
                button.click()
                return

    QTimer.singleShot(20, answer)


def rss_after_visit_mb(db_path: str | Path, *, pass_s: float = 0.3) -> dict[str, Any]:
    """A whole visit through the real widgets (PIN sign-in, search, screening, prep by scan,
    plan on the map, treat by keys, finish with the sheet), then the process's memory."""
    from PySide6.QtCore import Qt

    from console.context import open_context
    from console.data import practitioners_repo, visits_repo

    _app()
    ctx = open_context(Path(db_path))
    try:
        names = {p["display_name"]: p["id"] for p in practitioners_repo.list_active(ctx.db)}
        nurse = names["Nurse Chloé Martin"]  # a demo clinic (python -m console demo), PIN 1357
        # A surname of its own, so the search finds exactly this patient even on a reused file.
        surname = "Rss" + "".join(random.choice(string.ascii_lowercase) for _ in range(8))
        bench_patient(ctx, f"Bénédicte {surname.capitalize()}-Visitová")
        ctx.practitioner_id = None
        window = _window(ctx)
        rss_start = _rss_mb()[0]
        steps: dict[str, float] = {}  # RSS after each step, to see what memory goes to

        def done(step: str) -> None:
            steps[step] = round(_rss_mb()[0], 1)

        signin = window.screen_for("signin")
        signin.names.select(nurse)
        _type(signin.pad.field, "1357\n")
        assert window.current_key() == "patient", "sign-in failed"
        done("signin")

        patient = window.screen_for("patient")
        _type(patient.search, f"benedicte {surname.lower()}")
        assert len(patient.result_names()) == 1, patient.result_names()
        _press(patient.search, Qt.Key.Key_Return)
        patient.start_button.click()
        assert window.current_key() == "screening", "visit did not start"
        visit_id = window.flow.visit_id
        done("patient")

        screening = window.screen_for("screening")
        for question in screening.questions:
            question.no.click()
        screening.check.click()
        assert window.current_key() == "consent", screening.result.text()
        done("screening")

        _sign_on_screen(window, "1357")
        assert window.current_key() == "prep", window.screen_for("consent").error.text()
        done("consent")

        prep = window.screen_for("prep")
        prep.device.setCurrentIndex(prep.device.findData("skinpen-precision"))
        prep.device.activated.emit(prep.device.currentIndex())
        prep.seal.setChecked(True)
        _type(prep.scan, cartridge_scan(uuid.uuid4().hex[:12].upper(), ctx.today()) + "\n")
        prep.gel_product.setText("Skinfuse Lift HA")
        prep.gel_lot.setText("HA-2611")
        prep.gel_save.click()
        prep.cleansed.click()
        prep.next.click()
        assert window.current_key() == "plan", prep.missing.text()
        done("prep")

        plan = window.screen_for("plan")
        for zone in ("cheeks", "forehead", "neck"):
            plan.map.zone_clicked.emit(zone)
            _type(plan.depth_input, "0,5\n")
        plan.next.click()
        assert window.current_key() == "treat", plan.depth_error.text()
        done("plan")

        treat = window.screen_for("treat")
        for endpoint in ("1", "2", "1"):
            for _ in range(3):
                _press(treat, Qt.Key.Key_Space, " ")
                run_loop(pass_s)
                _press(treat, Qt.Key.Key_Space, " ")
            _press(treat, getattr(Qt.Key, f"Key_{endpoint}"), endpoint)
            _press(treat, Qt.Key.Key_N, "n")
        _press(treat, Qt.Key.Key_F, "f")
        assert window.current_key() == "finish", treat.message.text()
        done("treat")

        finish = window.screen_for("finish")
        finish.notes.setPlainText("Benchmark visit: tolerated well.")
        _answer_yes_to_the_next_question()  # "Complete and lock this visit?"
        finish.complete.click()
        run_loop(0.5)  # the sheet preview paints; the backup after the visit starts
        backup_thread = getattr(finish, "backup_thread", None)  # on a worker thread
        if backup_thread is not None:
            backup_thread.join(timeout=120)
        run_loop(0.5)  # its outcome reaches the screen
        assert finish.error.text() == "", finish.error.text()
        record = visits_repo.load_record(ctx.db, str(visit_id))
        assert record.status == "completed", record.status
        done("finish")

        current, peak = _rss_mb()
        window.close()
        return {
            "rss_mb": round(current, 1),
            "peak_mb": round(peak, 1),
            "rss_at_window_mb": round(rss_start, 1),
            "passes": sum(len(a.passes) for a in record.areas),
            "rss_after_step_mb": steps,
        }
    finally:
        ctx.db.close()


if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench-clinic.sqlite3"
    print("pass_commit", pass_commit_ms(path, passes=50))
    print("timer_cpu", timer_cpu_pct(path, seconds=3))
    print("rss_after_visit", rss_after_visit_mb(path))
