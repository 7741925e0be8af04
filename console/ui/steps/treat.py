"""Treat: one area at a time, a big pass timer, everything by keyboard or foot pedal.

Keys (settings ``keys.*``, defaults): Space starts/stops a pass, N next area, P previous
area. Also: D changes the direction, 1/2/3 record the endpoint, F goes to Finish.
Each pass is committed the moment it stops.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QKeyCombination,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.model.changes import Changed
from console.model.visit_record import AreaRecord, PassRecord, VisitRecord
from console.ui.shell.flow import VisitFlow
from console.ui.steps.treat_chart import TreatChart
from console.ui.widgets import common as widgets
from console.ui.widgets import theme
from console.visit import journal_replay
from console.visit.journal import KeptOnPc
from console.visit.pedal import TreatKeys, treat_keys
from console.visit.session import VisitSession
from console.visit.treatment import ConfirmationNeeded

RUNNING_TICK_MS = 250  # the timer shows whole seconds; 4 Hz keeps it honest and cheap
IDLE_TICK_MS = 1000

# The shipped protocol's directions and endpoints, so a German room reads them in German; a name
# the clinic typed itself has no translation and shows as typed.
_PROTOCOL_WORDS = (
    QT_TRANSLATE_NOOP("TreatScreen", "Vertical"),
    QT_TRANSLATE_NOOP("TreatScreen", "Horizontal"),
    QT_TRANSLATE_NOOP("TreatScreen", "Diagonal"),
    QT_TRANSLATE_NOOP("TreatScreen", "Erythema"),
    QT_TRANSLATE_NOOP("TreatScreen", "Erythema (epidermis)"),
    QT_TRANSLATE_NOOP("TreatScreen", "Uniform pinpoint bleeding"),
    QT_TRANSLATE_NOOP("TreatScreen", "Uniform pinpoint bleeding (dermis reached)"),
    QT_TRANSLATE_NOOP("TreatScreen", "No endpoint reached"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TreatScreen", text)


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class TreatScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        # The open visit's session (handed over by the flow on entering): it holds the pass.
        self.session: VisitSession | None = None
        self.record: VisitRecord | None = None
        self._depths: dict[str, Decimal] = {}  # each area's depth now, kept as it changes
        self.index = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.areas = QListWidget()
        self.areas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.areas.setMinimumWidth(260)
        self.areas.setMaximumHeight(220)
        # A long zone name wraps inside the list, never scrolled sideways out of sight.
        self.areas.setWordWrap(True)
        self.areas.setResizeMode(QListView.ResizeMode.Adjust)
        self.areas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area_title = QLabel()
        theme.mark(self.area_title, role="area")
        self.area_title.setWordWrap(True)  # a long zone name wraps, never pushes the page wide
        self.depth_label = QLabel()
        theme.mark(self.depth_label, role="depth")
        self.timer_label = QLabel("0:00")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer_label.setAccessibleName(self.tr("pass timer"))
        self.state_label = QLabel()
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.mark(self.state_label, role="state")
        self.count_label = QLabel()
        theme.mark(self.count_label, role="count")
        self.total_label = QLabel()
        theme.mark(self.total_label, role="total")
        self.message = widgets.error_label()
        # What the clinic's server does not hold yet: never shown as saved (see kept_on_pc).
        self.kept_note = widgets.warning_label()
        self.kept_note.setVisible(False)

        self.directions = QButtonGroup(self)
        self.direction_row = QHBoxLayout()
        self.endpoints = QButtonGroup(self)
        # One above the other: three endpoints side by side overflow a 1280-pixel screen at
        # the larger type size.
        self.endpoint_row = QVBoxLayout()

        self.new_depth = QLineEdit()
        self.new_depth.setPlaceholderText(self.tr("new depth"))
        widgets.show_whole_prompt(self.new_depth)
        self.new_depth.returnPressed.connect(self._on_change_depth_clicked)
        self.depth_confirm = QCheckBox(self.tr("confirm"))
        self.depth_reason = QLineEdit()
        self.depth_reason.setPlaceholderText(self.tr("reason for an unusual depth"))
        self.change_depth = QPushButton(self.tr("Change depth"))
        self.change_depth.clicked.connect(self._on_change_depth_clicked)
        depth_row = QHBoxLayout()
        for w in (
            self.new_depth,
            QLabel(self.tr("mm")),
            self.change_depth,
            self.depth_confirm,
            self.depth_reason,
        ):
            depth_row.addWidget(w)
        self.depth_confirm.setVisible(False)
        self.depth_reason.setVisible(False)
        for field in (self.new_depth, self.depth_reason):
            field.installEventFilter(self)  # the pedal while typing: see eventFilter

        self.toggle = widgets.primary(self.tr("Start pass  [{key}]").format(key="Space"))
        self.toggle.setMinimumHeight(90)
        self.toggle.clicked.connect(self.toggle_pass)
        self.prev_btn = QPushButton(self.tr("◀ Previous  [P]"))
        self.prev_btn.clicked.connect(lambda: self.move_area(-1))
        self.next_btn = QPushButton(self.tr("Next area ▶  [N]"))
        self.next_btn.clicked.connect(lambda: self.move_area(+1))
        self.finish_btn = QPushButton(self.tr("Finish  [F]"))
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
        centre.addWidget(self.kept_note)  # beside the count it qualifies, never scrolled away
        centre.addWidget(QLabel(self.tr("Direction  [D]")))
        centre.addLayout(self.direction_row)
        centre.addWidget(QLabel(self.tr("Endpoint  [1] [2] [3]")))
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
        side.addWidget(QLabel(self.tr("Areas")))
        side.addWidget(self.areas, 1)
        side.addWidget(self.chart, 1)
        columns = QHBoxLayout(self)
        columns.addLayout(side, 2)
        columns.addLayout(centre, 3)
        # The main window's action bar: the pass button stays reachable on a short screen.
        self.action_buttons = (self.prev_btn, self.next_btn, self.finish_btn, self.toggle)

        self.tick = QTimer(self)
        self.tick.timeout.connect(self._refresh_clock)
        self._actions: dict[tuple[int, int], Callable[[], None]] = {}
        self._keys = TreatKeys("Space", "N", "P")
        self._loaded_for: str | None = None  # the visit whose inputs are shown
        self._set_timer_font(120)

    # -- keys -------------------------------------------------------------------------------
    # Handled in keyPressEvent rather than QShortcut: keys reach the screen whenever no text
    # field has focus (buttons here never take focus), which is exactly when a pedal press
    # should count, and it works the same on every platform and in offscreen tests.
    def _configured_keys(self) -> None:
        """The pedal keys come from settings, so they are re-read every time the step opens."""
        keys = self._keys = treat_keys(self.ctx)
        self._actions = {}
        bindings: list[tuple[str, Callable[[], None]]] = [
            (keys.pass_toggle, self.toggle_pass),
            (keys.next_area, lambda: self.move_area(+1)),
            (keys.previous_area, lambda: self.move_area(-1)),
            ("D", self.next_direction),
            ("F", self._on_finish_clicked),
            ("1", lambda: self.set_endpoint_by_index(0)),
            ("2", lambda: self.set_endpoint_by_index(1)),
            ("3", lambda: self.set_endpoint_by_index(2)),
        ]
        for text, action in bindings:
            seq = QKeySequence(text)
            if seq.count():
                combo = _first_combination(seq)
                self._actions.setdefault(
                    (combo.key().value, combo.keyboardModifiers().value), action
                )
        self._show_toggle()

    def _show_toggle(self) -> None:
        running = self.session is not None and self.session.running is not None
        text = self.tr("Stop pass  [{key}]") if running else self.tr("Start pass  [{key}]")
        self.toggle.setText(text.format(key=self._keys.pass_toggle))

    # The pedal while a text field has focus (the default pedal key, Space, is also text).
    # A gloved practitioner presses the pedal to stop the needle: that always works, whatever
    # has focus. Starting from the depth field (a space is never part of a depth) starts the
    # pass only when no new depth waits there unapplied: a pass must never run at the old
    # depth while the field shows another. In the reason (free text) a Space is a space.
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self._actions.get((event.key(), modifiers.value)) != self.toggle_pass:
            return False
        if event.isAutoRepeat():
            return True  # a held pedal is one press, and types nothing
        if self._is_running():
            self.toggle_pass()
            return True
        if watched is not self.new_depth:
            return False
        if self.new_depth.text().strip():
            self.message.setText(
                self.tr("Press Enter to change the depth first, or clear the field.")
            )
        else:
            self.toggle_pass()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat():
            return  # a held pedal is one press
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        action = self._actions.get((event.key(), modifiers.value))
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    # -- entering ---------------------------------------------------------------------------
    def enter(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        session = self.session = self.flow.session_for(self.ctx)
        if session is None:
            return
        # Passes kept on this PC belong in what is shown: sent first. While the server still
        # does not answer (back from the lock screen), this screen carries on from what it
        # holds, kept passes included; reading the visit back would fail or leave them out.
        waiting = journal_replay.send_waiting(self.ctx)
        if waiting and visit_id == self._loaded_for and self.record is not None:
            self._show_kept(True)
            self._show_area()
            self.setFocus()
            return
        self._configured_keys()
        if visit_id != self._loaded_for:
            self._reset_inputs()  # nothing typed or shown for the last patient stays
            self._loaded_for = visit_id
        interrupted = session.interrupted_passes()
        self.record = session.visits.record(visit_id)
        self._depths = {a.id: _depth_now(a) for a in self.record.areas}
        # A pass may start, and a depth change is checked, while the server is gone.
        session.known_depths.update(self._depths)
        session.remember_rules(self.record)
        protocol = session.visits.protocol_for(visit_id)
        self._build_choices(protocol.directions, protocol.endpoints)
        current = session.visits.state(visit_id).current_area_id
        ids = [a.id for a in self.record.areas]
        self.index = ids.index(current) if current in ids else self._first_unfinished()
        if interrupted:
            self.message.setText(
                self.tr(
                    "The console stopped while a pass was running on {areas}. That pass was "
                    "not counted: repeat it if needed."
                ).format(areas=", ".join(interrupted))
            )
        self._show_kept(session.keeping())
        self._show_area()
        self.setFocus()

    def _reset_inputs(self) -> None:
        self.message.clear()
        self._show_kept(False)
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
            b = QPushButton(_tr(d.capitalize()))
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setProperty("value", d)
            self.directions.addButton(b, i)
            self.direction_row.addWidget(b)
        self.directions.buttons()[0].setChecked(True)
        for i, (eid, name) in enumerate(endpoints):
            # "Erythema (epidermis)" → "Erythema": the long form is the tooltip, so the
            # row fits a 1366-pixel room screen.
            b = QPushButton(f"{i + 1}  {_tr(name.split(' (')[0])}")
            b.setToolTip(_tr(name))
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
        session = self.session
        if session is None or session.running is None or self.record is None:
            return None
        area_id = session.running.area_id
        name = next(
            (a.zone_name for a in self.record.areas if a.id == area_id), self.tr("this area")
        )
        return name, session.running_elapsed()

    def _is_running(self) -> bool:
        return self.session is not None and self.session.running is not None

    def direction(self) -> str:
        button = self.directions.checkedButton()
        return str(button.property("value")) if button else "vertical"

    def _replace_area(self, area_id: str, **fields: object) -> None:
        """Show a change this screen made without reading the visit back (see Changes)."""
        if self.record is None:
            return
        areas = tuple(
            replace(a, **fields) if a.id == area_id else a  # type: ignore[arg-type]
            for a in self.record.areas
        )
        self.record = replace(self.record, areas=areas)

    def _on_pass_stopped(self, done: Changed[PassRecord]) -> None:
        area_id = done.changes.area_id
        area = (
            next((a for a in self.record.areas if a.id == area_id), None) if self.record else None
        )
        if area is None or area_id is None:
            return
        self._replace_area(
            area_id,
            passes=(*area.passes, done.value),
            started_at=area.started_at or done.value.started_at,
            ended_at=done.value.ended_at,
        )

    def _show_area(self) -> None:
        area = self.area
        if area is None or self.record is None:
            self.area_title.setText(self.tr("No areas planned"))
            return
        self.areas.clear()
        for i, a in enumerate(self.record.areas):
            mark = (
                "▶ " if i == self.index else ("✓ " if len(a.passes) >= a.target_passes else "   ")
            )
            self.areas.addItem(f"{mark}{a.zone_name}  {len(a.passes)}/{a.target_passes}")
        self.areas.setCurrentRow(self.index)
        self.area_title.setText(
            self.tr("{area}  ({number} of {count})").format(
                area=area.zone_name, number=self.index + 1, count=len(self.record.areas)
            )
        )
        depth = self._depths.get(area.id, area.depth_mm)
        self.depth_label.setText(self.tr("Depth {depth} mm").format(depth=depth))
        self.count_label.setText(
            self.tr("Pass {done} of {target} done").format(
                done=len(area.passes), target=area.target_passes
            )
        )
        # An exclusive group cannot uncheck its checked button, so an area without an
        # endpoint kept showing the last area's: the group lets go while it is set.
        self.endpoints.setExclusive(False)
        for b in self.endpoints.buttons():
            b.setChecked(b.property("value") == area.endpoint)
        self.endpoints.setExclusive(True)
        self.chart.show_record(self.record)
        self._refresh_clock()

    def _show_kept(self, kept: bool) -> None:
        """Say plainly that what was just recorded is on this PC only, until the server has it."""
        self.kept_note.setVisible(kept)
        if not kept:
            self.kept_note.clear()
            return
        self.kept_note.setText(
            self.tr(
                "Kept on this PC, not yet on the clinic's server: it is sent, in order, as "
                "soon as the server answers."
            )
        )

    def _refresh_clock(self) -> None:
        running = self.session is not None and self.session.running is not None
        if not running and self.kept_note.text() and self.session is not None:
            self._show_kept(self.session.keeping())  # the banner's replay has sent it
        if running and self.session is not None:
            self.timer_label.setText(clock_text(self.session.running_elapsed()))
            self.timer_label.setStyleSheet(f"font-size: {self._timer_pt}pt; color: #b00020;")
            self.state_label.setText(self.tr("PASS RUNNING"))
        else:
            last = self.area.passes[-1].duration_s if self.area and self.area.passes else 0
            self.timer_label.setText(clock_text(last))
            self.timer_label.setStyleSheet(f"font-size: {self._timer_pt}pt; color: #555;")
            self.state_label.setText(self.tr("Ready"))
        if self.record is not None:
            total = (self.ctx.now() - self.record.started_at).total_seconds()
            self.total_label.setText(self.tr("Visit {time}").format(time=clock_text(total)))
        interval = RUNNING_TICK_MS if running else IDLE_TICK_MS
        if self.tick.interval() != interval or not self.tick.isActive():
            self.tick.start(interval)

    def _set_timer_font(self, pt: int) -> None:
        self._timer_pt = pt

    # -- actions ----------------------------------------------------------------------------
    def toggle_pass(self) -> None:
        area, session = self.area, self.session
        if area is None or session is None:
            return
        self.message.clear()
        try:
            if session.running is None:
                session.start_pass(area.id, self.direction())
                self._show_toggle()
                self.count_label.setText(
                    self.tr("Pass {number} of {target} running").format(
                        number=len(area.passes) + 1, target=area.target_passes
                    )
                )
            else:
                done = session.stop_pass()
                self._on_pass_stopped(done)
                self._show_kept(isinstance(done, KeptOnPc))
                self._show_toggle()
                self.next_direction()
                self._show_area()
        except DomainError as error:
            self.message.setText(error.message)
        self._refresh_clock()

    def move_area(self, step: int) -> None:
        if self.record is None or self.session is None:
            return
        if self._is_running():
            self.message.setText(self.tr("Stop the running pass first."))
            return
        new = self.index + step
        if not 0 <= new < len(self.record.areas):
            self.message.setText(
                self.tr("That was the last area: press F to finish.") if step > 0 else ""
            )
            return
        self.index = new
        self.session.set_current_area(self.record.areas[new].id)
        self.message.clear()
        self._show_area()

    def next_direction(self) -> None:
        buttons = self.directions.buttons()
        if buttons:
            current = self.directions.checkedId()
            buttons[(current + 1) % len(buttons)].setChecked(True)

    def set_endpoint_by_index(self, i: int) -> None:
        area, session = self.area, self.session
        buttons = self.endpoints.buttons()
        if area is None or session is None or not 0 <= i < len(buttons):
            return
        endpoint = str(buttons[i].property("value"))
        try:
            session.set_endpoint(area.id, endpoint)
        except DomainError as error:
            self.message.setText(error.message)
            self._show_area()  # a clicked button must not show what was not recorded
            return
        self._replace_area(area.id, endpoint=endpoint)
        self._show_kept(session.keeping())
        self._show_area()

    def _on_change_depth_clicked(self) -> None:
        area, session = self.area, self.session
        if area is None or session is None:
            return
        try:
            changed = session.change_depth(
                area.id,
                self.new_depth.text(),
                reason=self.depth_reason.text(),
                confirmed=self.depth_confirm.isChecked(),
            )
        except ConfirmationNeeded as needed:
            self.message.setText(
                self.tr("{warning} Tick confirm and give a reason.").format(warning=needed.message)
            )
            self.depth_confirm.setVisible(True)
            self.depth_reason.setVisible(True)
            return
        except DomainError as error:
            # Refused outright (above the zone's limit, not a setting …): a tick given for
            # another depth must not stay on screen as if it could talk past this refusal.
            self._hide_depth_confirmation()
            self.message.setText(error.message)
            return
        self._depths[area.id] = changed.value
        self._show_kept(isinstance(changed, KeptOnPc) or session.keeping())
        self.new_depth.clear()
        self._hide_depth_confirmation()
        self.message.clear()
        self._show_area()
        self.setFocus()

    def _on_finish_clicked(self) -> None:
        if self._is_running():
            self.message.setText(self.tr("Stop the running pass first."))
            return
        self.flow.go("finish")

    def shutdown(self) -> None:
        self.tick.stop()


def _depth_now(area: AreaRecord) -> Decimal:
    """The area's depth after its last change (the planned one when it never changed)."""
    return area.depth_changes[-1].to_mm if area.depth_changes else area.depth_mm


def _first_combination(seq: QKeySequence) -> QKeyCombination:
    combo: QKeyCombination = seq[0]  # type: ignore[index]  # Qt's operator[]; not in the stubs
    return combo
