"""Treat: one area at a time, a big pass timer, everything by keyboard or foot pedal.

Keys (settings ``keys.*``, defaults): Space starts/stops a pass, N next area, P previous
area. Also: D changes the direction, 1/2/3 record the endpoint, F goes to Finish.
Each pass is committed the moment it stops.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.data import settings_repo, visits_repo
from console.errors import DomainError
from console.ui import theme, widgets
from console.ui.flow import VisitFlow
from console.ui.treat_chart import TreatChart
from console.visit.service import VisitService
from console.visit.treatment import ConfirmationNeeded
from console.visit_record import AreaRecord, VisitRecord

RUNNING_TICK_MS = 250  # the timer shows whole seconds; 4 Hz keeps it honest and cheap
IDLE_TICK_MS = 1000


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class TreatScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.service = VisitService(ctx)
        self.record: VisitRecord | None = None
        self.index = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.areas = QListWidget()
        self.areas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.areas.setMinimumWidth(260)
        self.areas.setMaximumHeight(220)
        self.area_title = QLabel()
        theme.mark(self.area_title, role="area")
        self.area_title.setWordWrap(True)  # a long zone name wraps, never pushes the page wide
        self.depth_label = QLabel()
        theme.mark(self.depth_label, role="depth")
        self.timer_label = QLabel("0:00")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer_label.setAccessibleName("pass timer")
        self.state_label = QLabel()
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.mark(self.state_label, role="state")
        self.count_label = QLabel()
        theme.mark(self.count_label, role="count")
        self.total_label = QLabel()
        theme.mark(self.total_label, role="total")
        self.message = widgets.error_label()

        self.directions = QButtonGroup(self)
        self.direction_row = QHBoxLayout()
        self.endpoints = QButtonGroup(self)
        # One above the other: three endpoints side by side overflow a 1280-pixel screen at
        # the larger type size.
        self.endpoint_row = QVBoxLayout()

        self.new_depth = QLineEdit()
        self.new_depth.setPlaceholderText("new depth")
        self.new_depth.setMaximumWidth(120)
        self.new_depth.returnPressed.connect(self._on_change_depth_clicked)
        self.depth_confirm = QCheckBox("confirm")
        self.depth_reason = QLineEdit()
        self.depth_reason.setPlaceholderText("reason for an unusual depth")
        self.change_depth = QPushButton("Change depth")
        self.change_depth.clicked.connect(self._on_change_depth_clicked)
        depth_row = QHBoxLayout()
        for w in (self.new_depth, QLabel("mm"), self.change_depth, self.depth_confirm,
                  self.depth_reason):  # fmt: skip
            depth_row.addWidget(w)
        self.depth_confirm.setVisible(False)
        self.depth_reason.setVisible(False)

        self.toggle = widgets.primary("Start pass  [Space]")
        self.toggle.setMinimumHeight(90)
        self.toggle.clicked.connect(self.toggle_pass)
        self.prev_btn = QPushButton("◀ Previous  [P]")
        self.prev_btn.clicked.connect(lambda: self.move_area(-1))
        self.next_btn = QPushButton("Next area ▶  [N]")
        self.next_btn.clicked.connect(lambda: self.move_area(+1))
        self.finish_btn = QPushButton("Finish  [F]")
        self.finish_btn.clicked.connect(self._on_finish_clicked)
        for b in (self.toggle, self.prev_btn, self.next_btn, self.finish_btn, self.change_depth):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must never "click" a focused button
        self.chart = TreatChart()
        self.chart.setMinimumWidth(260)

        centre = QVBoxLayout()
        centre.addWidget(self.area_title)
        centre.addWidget(self.depth_label)
        centre.addWidget(self.timer_label, 3)
        centre.addWidget(self.state_label)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addStretch(1)
        counts.addWidget(self.total_label)
        centre.addLayout(counts)
        centre.addWidget(QLabel("Direction  [D]"))
        centre.addLayout(self.direction_row)
        centre.addWidget(QLabel("Endpoint  [1] [2] [3]"))
        centre.addLayout(self.endpoint_row)
        centre.addLayout(depth_row)
        centre.addWidget(self.message)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_btn)
        nav.addWidget(self.toggle, 2)
        nav.addWidget(self.next_btn)
        nav.addWidget(self.finish_btn)
        centre.addLayout(nav)
        side = QVBoxLayout()
        side.addWidget(QLabel("Areas"))
        side.addWidget(self.areas, 1)
        side.addWidget(self.chart, 1)
        columns = QHBoxLayout(self)
        columns.addLayout(side, 2)
        columns.addLayout(centre, 3)
        # The main window's action bar: the pass button stays reachable on a short screen.
        self.action_buttons = (self.prev_btn, self.next_btn, self.finish_btn, self.toggle)

        self.tick = QTimer(self)
        self.tick.timeout.connect(self._refresh_clock)
        self._actions: dict[tuple[int, int], object] = {}
        self._loaded_for: str | None = None  # the visit whose inputs are shown
        self._set_timer_font(120)

    # -- keys -------------------------------------------------------------------------------
    # Handled in keyPressEvent rather than QShortcut: keys reach the screen whenever no text
    # field has focus (buttons here never take focus), which is exactly when a pedal press
    # should count, and it works the same on every platform and in offscreen tests.
    def _configured_keys(self) -> None:
        """The pedal keys come from settings, so they are re-read every time the step opens."""
        keys = settings_repo.get_all(self.ctx.db)
        self._keys = keys
        self._actions: dict[tuple[int, int], object] = {}
        bindings = [
            (str(keys["keys.pass_toggle"]), self.toggle_pass),
            (str(keys["keys.next_area"]), lambda: self.move_area(+1)),
            (str(keys["keys.previous_area"]), lambda: self.move_area(-1)),
            ("D", self.next_direction),
            ("F", self._on_finish_clicked),
            ("1", lambda: self.set_endpoint_by_index(0)),
            ("2", lambda: self.set_endpoint_by_index(1)),
            ("3", lambda: self.set_endpoint_by_index(2)),
        ]
        for text, action in bindings:
            seq = QKeySequence(text)
            if seq.count():
                combo = seq[0]
                self._actions.setdefault((combo.key().value, combo.keyboardModifiers().value),
                                         action)  # fmt: skip
        self.toggle.setText(
            ("Stop pass" if self.service.running_area_id else "Start pass")
            + f"  [{keys['keys.pass_toggle']}]"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat():
            return  # a held pedal is one press
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        action = self._actions.get((event.key(), modifiers.value))
        if action is None:
            super().keyPressEvent(event)
            return
        action()  # type: ignore[operator]
        event.accept()

    # -- entering ---------------------------------------------------------------------------
    def enter(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        self._configured_keys()
        if visit_id != self._loaded_for:
            self._reset_inputs()  # nothing typed or shown for the last patient stays
            self._loaded_for = visit_id
        interrupted = self.service.interrupted_passes(visit_id)
        self.record = visits_repo.load_record(self.ctx.db, visit_id)
        protocol = self.service.protocol_for(visit_id)
        self._build_choices(protocol.directions, protocol.endpoints)
        current = self.ctx.db.execute(
            "SELECT current_area_id FROM visits WHERE id = ?", [visit_id]
        ).fetchone()[0]
        ids = [a.id for a in self.record.areas]
        self.index = ids.index(current) if current in ids else self._first_unfinished()
        if interrupted:
            self.message.setText(
                "The console stopped while a pass was running on "
                + ", ".join(interrupted) + ". That pass was not counted: repeat it if needed."
            )  # fmt: skip
        self._show_area()
        self.setFocus()

    def _reset_inputs(self) -> None:
        self.message.clear()
        self.new_depth.clear()
        self._hide_depth_confirmation()

    def _hide_depth_confirmation(self) -> None:
        self.depth_confirm.setChecked(False)
        self.depth_reason.clear()
        self.depth_confirm.setVisible(False)
        self.depth_reason.setVisible(False)

    def _first_unfinished(self) -> int:
        assert self.record is not None
        for i, area in enumerate(self.record.areas):
            if len(area.passes) < area.target_passes:
                return i
        return 0

    def _build_choices(
        self, directions: tuple[str, ...], endpoints: tuple[tuple[str, str], ...]
    ) -> None:
        for group, row in (
            (self.directions, self.direction_row),
            (self.endpoints, self.endpoint_row),
        ):
            for b in group.buttons():
                group.removeButton(b)
                row.removeWidget(b)
                b.deleteLater()
        for i, d in enumerate(directions):
            b = QPushButton(d.capitalize())
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setProperty("value", d)
            self.directions.addButton(b, i)
            self.direction_row.addWidget(b)
        self.directions.buttons()[0].setChecked(True)
        for i, (eid, name) in enumerate(endpoints):
            # "Erythema (epidermis)" → "Erythema": the long form is the tooltip, so the
            # row fits a 1366-pixel room screen.
            b = QPushButton(f"{i + 1}  {name.split(' (')[0]}")
            b.setToolTip(name)
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setProperty("value", eid)
            b.clicked.connect(lambda _=False, i=i: self.set_endpoint_by_index(i))
            self.endpoints.addButton(b, i)
            self.endpoint_row.addWidget(b)

    # -- state ------------------------------------------------------------------------------
    @property
    def area(self) -> AreaRecord | None:
        if self.record is None or not self.record.areas:
            return None
        return self.record.areas[self.index]

    def running_pass(self) -> tuple[str, float] | None:
        """The running pass's area name and elapsed seconds (None when none runs)."""
        area_id = self.service.running_area_id
        if area_id is None or self.record is None:
            return None
        name = next((a.zone_name for a in self.record.areas if a.id == area_id), "this area")
        return name, self.service.running_elapsed()

    def direction(self) -> str:
        button = self.directions.checkedButton()
        return str(button.property("value")) if button else "vertical"

    def _reload(self) -> None:
        if self.flow.visit_id:
            self.record = visits_repo.load_record(self.ctx.db, self.flow.visit_id)

    def _show_area(self) -> None:
        area = self.area
        if area is None or self.record is None:
            self.area_title.setText("No areas planned")
            return
        self.areas.clear()
        for i, a in enumerate(self.record.areas):
            mark = (
                "▶ " if i == self.index else ("✓ " if len(a.passes) >= a.target_passes else "   ")
            )
            self.areas.addItem(f"{mark}{a.zone_name}  {len(a.passes)}/{a.target_passes}")
        self.areas.setCurrentRow(self.index)
        self.area_title.setText(f"{area.zone_name}  ({self.index + 1} of {len(self.record.areas)})")
        depth = self.service.current_depth(area.id)
        self.depth_label.setText(f"Depth {depth} mm")
        self.count_label.setText(f"Pass {len(area.passes)} of {area.target_passes} done")
        # An exclusive group cannot uncheck its checked button, so an area without an
        # endpoint kept showing the last area's: the group lets go while it is set.
        self.endpoints.setExclusive(False)
        for b in self.endpoints.buttons():
            b.setChecked(b.property("value") == area.endpoint)
        self.endpoints.setExclusive(True)
        self.chart.show_record(self.record)
        self._refresh_clock()

    def _refresh_clock(self) -> None:
        running = self.service.running_area_id is not None
        if running:
            self.timer_label.setText(clock_text(self.service.running_elapsed()))
            self.timer_label.setStyleSheet(f"font-size: {self._timer_pt}pt; color: #b00020;")
            self.state_label.setText("PASS RUNNING")
        else:
            last = self.area.passes[-1].duration_s if self.area and self.area.passes else 0
            self.timer_label.setText(clock_text(last))
            self.timer_label.setStyleSheet(f"font-size: {self._timer_pt}pt; color: #555;")
            self.state_label.setText("Ready")
        if self.record is not None:
            total = (self.ctx.now() - self.record.started_at).total_seconds()
            self.total_label.setText(f"Visit {clock_text(total)}")
        interval = RUNNING_TICK_MS if running else IDLE_TICK_MS
        if self.tick.interval() != interval or not self.tick.isActive():
            self.tick.start(interval)

    def _set_timer_font(self, pt: int) -> None:
        self._timer_pt = pt

    # -- actions ----------------------------------------------------------------------------
    def toggle_pass(self) -> None:
        area = self.area
        if area is None:
            return
        self.message.clear()
        key = self._keys["keys.pass_toggle"]
        try:
            if self.service.running_area_id is None:
                self.service.start_pass(area.id, self.direction())
                self.toggle.setText(f"Stop pass  [{key}]")
                self.count_label.setText(
                    f"Pass {len(area.passes) + 1} of {area.target_passes} running"
                )
            else:
                self.service.stop_pass()
                self.toggle.setText(f"Start pass  [{key}]")
                self.next_direction()
                self._reload()
                self._show_area()
        except DomainError as error:
            self.message.setText(error.message)
        self._refresh_clock()

    def move_area(self, step: int) -> None:
        if self.record is None or self.flow.visit_id is None:
            return
        if self.service.running_area_id is not None:
            self.message.setText("Stop the running pass first.")
            return
        new = self.index + step
        if not 0 <= new < len(self.record.areas):
            self.message.setText("That was the last area: press F to finish." if step > 0 else "")
            return
        self.index = new
        self.service.set_current_area(self.flow.visit_id, self.record.areas[new].id)
        self.message.clear()
        self._show_area()

    def next_direction(self) -> None:
        buttons = self.directions.buttons()
        if buttons:
            current = self.directions.checkedId()
            buttons[(current + 1) % len(buttons)].setChecked(True)

    def set_endpoint_by_index(self, i: int) -> None:
        area = self.area
        buttons = self.endpoints.buttons()
        if area is None or not 0 <= i < len(buttons):
            return
        try:
            self.service.set_endpoint(area.id, str(buttons[i].property("value")))
        except DomainError as error:
            self.message.setText(error.message)
            self._show_area()  # a clicked button must not show what was not recorded
            return
        self._reload()
        self._show_area()

    def _on_change_depth_clicked(self) -> None:
        area = self.area
        if area is None:
            return
        try:
            self.service.change_depth(
                area.id, self.new_depth.text(), reason=self.depth_reason.text(),
                confirmed=self.depth_confirm.isChecked(),
            )  # fmt: skip
        except ConfirmationNeeded as needed:
            self.message.setText(needed.message + " Tick confirm and give a reason.")
            self.depth_confirm.setVisible(True)
            self.depth_reason.setVisible(True)
            return
        except DomainError as error:
            self.message.setText(error.message)
            return
        self.new_depth.clear()
        self._hide_depth_confirmation()
        self.message.clear()
        self._show_area()
        self.setFocus()

    def _on_finish_clicked(self) -> None:
        if self.service.running_area_id is not None:
            self.message.setText("Stop the running pass first.")
            return
        self.flow.go("finish")

    def shutdown(self) -> None:
        self.tick.stop()
