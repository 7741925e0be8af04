"""Run by test_plan_map_xvfb: the Plan step in a real window on an X server, driven by keys.

Plans the forehead and around the eyes on the map by arrows, Space and typed depths (trying
1 mm around the eyes first, which the zone's limit refuses), saves a screenshot and prints
one JSON line with what a practitioner would check.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def main(db_path: str, shot: str) -> None:
    from console.context import open_context
    from console.data import patients_repo, visits_repo
    from console.demo import clinic as demo
    from console.ui.shell.main_window import MainWindow
    from console.ui.shell.resume_dialog import ResumeDialog
    from console.ui.steps.plan import PlanScreen
    from console.ui.widgets import theme
    from tests.conftest import ready_visit

    app = QApplication(sys.argv[:1])
    theme.apply(app)
    ctx = open_context(Path(db_path))
    staff = demo.create_practitioners(ctx.db, ctx.now())
    ctx.practitioner_id = staff[0]
    patient = patients_repo.insert(
        ctx.db,
        full_name="Zoë Łukasz-Nguyễn",
        date_of_birth=date(1988, 3, 14),
        phone="",
        email="",
        fitzpatrick=3,
        now=ctx.now(),
        by=staff[0],
    )
    visit_id = ready_visit(ctx, patient)
    ResumeDialog.ask = classmethod(lambda cls, *a: None)  # type: ignore[method-assign,assignment]
    window = MainWindow(ctx)
    window.flow.set_practitioner(staff[0])
    window.resize(1366, 700)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowExposed(window)
    window.flow.set_patient(patient)
    window.flow.set_visit(visit_id)
    window.flow.go("plan")
    plan = window.screen_for("plan")
    assert isinstance(plan, PlanScreen) and plan.map is not None
    body_map = plan.map
    QTest.qWait(50)
    body_map.setFocus(Qt.FocusReason.TabFocusReason)

    def keys(widget: QWidget, text: str) -> None:
        QTest.keyClicks(widget, text)  # ASCII only here
        QTest.keyClick(widget, Qt.Key.Key_Return)

    QTest.keyClick(body_map, Qt.Key.Key_Space)
    keys(plan.depth_input, "0.5")
    QTest.keyClick(body_map, Qt.Key.Key_Down)
    QTest.keyClick(body_map, Qt.Key.Key_Left)
    QTest.keyClick(body_map, Qt.Key.Key_Space)
    keys(plan.depth_input, "1")
    refused = plan.depth_error.text()
    plan.depth_input.clear()
    keys(plan.depth_input, "0.25")
    QTest.qWait(50)
    window.grab().save(shot)
    areas = visits_repo.load_record(ctx.db, visit_id).areas
    fits = {
        name: w.visibleRegion().boundingRect() == w.rect()
        for name, w in (("next", plan.next), ("map", body_map), ("zones", plan.zones))
    }
    print(
        json.dumps(
            {
                "areas": [[a.zone_id, str(a.depth_mm)] for a in areas],
                "chosen": body_map.chosen(),
                "refused": refused,
                "fits": fits,
                "focus_on_map": QApplication.focusWidget() is body_map,
                "platform": QApplication.platformName(),
            }
        ),
        flush=True,
    )
    window.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
