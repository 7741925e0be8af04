"""The console's window: the visit's steps in a sidebar, then Records and Settings."""

from __future__ import annotations

import html
import importlib
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.access import auth
from console.context import AppContext
from console.settings import service as settings_service
from console.ui.shell import i18n
from console.ui.shell.flow import VISIT_STEPS, VisitFlow
from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.shell.sidebar import Sidebar
from console.ui.widgets.common import ActionBar
from console.ui.widgets.journal_banner import JournalBanner


@dataclass(frozen=True)
class ScreenSpec:
    key: str
    title: str
    target: str  # "module:Class", imported the first time the screen is shown
    needs: str  # "" | "practitioner" | "patient" | "visit"


# Titles marked for translation; the sidebar shows them in the UI's language.
SCREENS = (
    ScreenSpec("signin", QT_TRANSLATE_NOOP("MainWindow", "1  Sign-in"),
               "console.ui.steps.signin:SignInScreen", ""),
    ScreenSpec("patient", QT_TRANSLATE_NOOP("MainWindow", "2  Patient"),
               "console.ui.steps.patient:PatientScreen", "practitioner"),
    ScreenSpec("screening", QT_TRANSLATE_NOOP("MainWindow", "3  Screening"),
               "console.ui.steps.screening:ScreeningScreen", "visit"),
    ScreenSpec("consent", QT_TRANSLATE_NOOP("MainWindow", "4  Consent"),
               "console.ui.steps.consent:ConsentScreen", "visit"),
    ScreenSpec("prep", QT_TRANSLATE_NOOP("MainWindow", "5  Prep"),
               "console.ui.steps.prep:PrepScreen", "visit"),
    ScreenSpec("plan", QT_TRANSLATE_NOOP("MainWindow", "6  Plan"),
               "console.ui.steps.plan:PlanScreen", "visit"),
    ScreenSpec("treat", QT_TRANSLATE_NOOP("MainWindow", "7  Treat"),
               "console.ui.steps.treat:TreatScreen", "visit"),
    ScreenSpec("finish", QT_TRANSLATE_NOOP("MainWindow", "8  Finish"),
               "console.ui.steps.finish:FinishScreen", "visit"),
    ScreenSpec("records", QT_TRANSLATE_NOOP("MainWindow", "Records"),
               "console.ui.records.screen:RecordsScreen", "practitioner"),
    ScreenSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"),
               "console.ui.settings.screen:SettingsScreen", "practitioner"),
)  # fmt: skip


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, flow: VisitFlow | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.flow = flow or VisitFlow(ctx.signed_in, self)
        self.show_room_name()
        self._screens: dict[str, QWidget] = {}
        self.held = False  # see hold()
        self._holders: dict[str, QScrollArea] = {}

        self.sidebar = Sidebar()
        for spec in SCREENS:
            item = QListWidgetItem(self.tr(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sidebar.addItem(item)
        self.sidebar.fit()
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row_changed)

        self.status = QLabel()
        self.status.setAccessibleName(self.tr("who and which patient"))
        self.status.setObjectName("banner")
        self.status.setWordWrap(True)  # a long name wraps; it is never cut short
        self.stack = QStackedWidget()
        self.action_bar = ActionBar()
        right = QVBoxLayout()
        self.journal_banner = JournalBanner(ctx, busy=lambda: self.running_pass() is not None)
        right.addWidget(self.journal_banner)
        right.addWidget(self.status)
        right.addWidget(self.stack, 1)
        right.addWidget(self.action_bar)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.sidebar)
        body.addLayout(right, 1)
        self._body = QWidget()  # held (disabled) while the database is checked at start
        self._body.setLayout(body)
        self.setCentralWidget(self._body)

        self.flow.step_requested.connect(self.show_screen)
        self.flow.practitioner_changed.connect(self._on_flow_changed)
        self.flow.practitioner_changed.connect(self._on_flow_practitioner_changed)
        self.flow.patient_changed.connect(self._on_flow_changed)
        self.flow.visit_changed.connect(self._on_flow_changed)
        self._restore_geometry()
        self._on_flow_changed()
        self.show_screen("signin")

    def show_room_name(self) -> None:
        """The title names this PC's room (Settings, Room), so nobody works in the wrong one."""
        title = self.tr("Treatment Room Console")
        room = str(settings_service.get(self.ctx, "room.name") or "").strip()
        self.setWindowTitle(f"{room} · {title}" if room else title)

    # -- screens ---------------------------------------------------------------------------
    def screen_for(self, key: str) -> QWidget:
        """The screen for ``key``, built on first use (keeps start-up fast)."""
        if key not in self._screens:
            spec = next(s for s in SCREENS if s.key == key)
            module_name, class_name = spec.target.split(":")
            cls = getattr(importlib.import_module(module_name), class_name)
            widget: QWidget = cls(self.ctx, self.flow, self)
            self._screens[key] = widget
            # A screen taller or wider than a small room monitor scrolls instead of pushing
            # the window off the screen.
            holder = QScrollArea()
            holder.setWidgetResizable(True)
            holder.setFrameShape(QScrollArea.Shape.NoFrame)
            holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that shows nothing
            holder.setWidget(widget)
            self._holders[key] = holder
            self.stack.addWidget(holder)
            self.action_bar.take(key, getattr(widget, "action_buttons", ()))
        return self._screens[key]

    def current_key(self) -> str:
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def show_screen(self, key: str) -> None:
        if key != "treat" and self._pass_pins_treat():
            return
        widget = self.screen_for(key)
        self.stack.setCurrentWidget(self._holders[key])
        self.action_bar.show_for(key)
        row = next(i for i, s in enumerate(SCREENS) if s.key == key)
        if self.sidebar.currentRow() != row:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
        self.status.setText(self._status_text())  # the banner follows the screen
        enter = getattr(widget, "enter", None)
        if callable(enter):
            enter()
        # A screen that focused one of its own fields on entering (Prep's scan, Plan's areas)
        # keeps it; otherwise the screen takes the focus (its proxy, or its own keys).
        focus = self.focusWidget()
        if focus is None or not widget.isAncestorOf(focus):
            widget.setFocus()

    def _pass_pins_treat(self) -> bool:
        """A running pass keeps Treat on screen: leaving it would let the next patient's
        visit show (and stop) this patient's pass."""
        treat = self._screens.get("treat")
        if treat is None or self.stack.currentWidget() is not self._holders["treat"]:
            return False
        if self.running_pass() is None:
            return False
        treat.message.setText(self.tr("Stop the running pass first."))  # type: ignore[attr-defined]
        row = next(i for i, s in enumerate(SCREENS) if s.key == "treat")
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(row)
        self.sidebar.blockSignals(False)
        return True

    def _on_sidebar_row_changed(self, row: int) -> None:
        if 0 <= row < len(SCREENS):
            self.show_screen(SCREENS[row].key)

    def _allowed(self, needs: str) -> bool:
        f = self.flow
        return {
            "": True,
            "practitioner": f.practitioner_id is not None,
            "patient": f.patient_id is not None,
            "visit": f.visit_id is not None,
        }[needs]

    def _on_flow_changed(self, *_: object) -> None:
        for i, spec in enumerate(SCREENS):
            item = self.sidebar.item(i)
            flags = item.flags()
            if self._allowed(spec.needs):
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
        self.status.setText(self._status_text())

    def _status_text(self) -> str:
        """The banner: who is signed in and, on a visit step, the visit's patient in full.
        Elsewhere (Patient, Records, Settings) another patient may be on screen, so the
        banner names none rather than a different one."""
        parts = []
        if self.flow.practitioner_id:
            name = auth.display_name(self.ctx, self.flow.practitioner_id)
            signed_in = self.tr("Signed in: {name}")
            parts.append(signed_in.format(name=html.escape(name)) if name else "")
        if self.flow.patient_id and self.current_key() in VISIT_STEPS[2:]:
            from console.patients.service import PatientService

            pt = PatientService(self.ctx).get(self.flow.patient_id)
            age = pt.age_on(self.ctx.now().astimezone(self.ctx.timezone()).date())
            parts.append(
                self.tr("Patient: <b>{name}</b>, born {date} (age {age})").format(
                    name=html.escape(pt.full_name), date=i18n.day(pt.date_of_birth), age=age
                )
            )
        return "   ·   ".join(p for p in parts if p) or self.tr("Not signed in")

    # -- resuming an interrupted visit -----------------------------------------------------
    def _on_flow_practitioner_changed(self, practitioner_id: object) -> None:
        from console.visit.lifecycle import VisitLifecycle

        if practitioner_id is None or self.flow.visit_id is not None:
            return
        visits = VisitLifecycle(self.ctx).open_visits()
        if visits:
            # After the sign-in screen has moved on to Patient, so resuming has the last word.
            QTimer.singleShot(0, lambda: self._offer_resume(visits))

    def _offer_resume(self, visits: list[dict[str, object]]) -> None:
        from console.ui.shell.resume_dialog import ResumeDialog

        chosen = ResumeDialog.ask(visits, self.ctx.timezone(), self)
        if chosen is not None:
            self.resume_visit(chosen)

    def resume_visit(self, visit_id: str) -> None:
        """Back exactly where it stopped: same patient, same step (Treat restores the area)."""
        from console.visit.session import VisitSession

        session = VisitSession.resume(self.ctx, visit_id)
        state = session.visits.state(visit_id)
        self.flow.set_patient(state.patient_id)
        self.flow.set_visit(visit_id, session)
        self.flow.go(state.step)

    def running_pass(self) -> tuple[str, float] | None:
        """The area and elapsed seconds of a pass running on Treat, for the lock screen."""
        treat = self._screens.get("treat")
        running = getattr(treat, "running_pass", None)
        return running() if callable(running) else None

    # -- held while the database is checked at start -----------------------------------------
    def hold(self, message: str) -> None:
        """Shown but taking no input and writing nothing (not even its geometry) until
        ``release_hold``: the database's check at start has not passed yet."""
        self.held = True
        self._body.setEnabled(False)
        self.status.setText(message)

    def release_hold(self) -> None:
        self.held = False
        self._body.setEnabled(True)
        self._on_flow_changed()
        self.show_screen(self.current_key() or "signin")  # gives the PIN field its focus back

    # -- geometry --------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        # restoreGeometry keeps a geometry saved on a bigger monitor inside this one.
        saved = settings_service.window_geometry(self.ctx)
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        # First start: the whole room monitor, whatever its size.
        self.resize(QGuiApplication.primaryScreen().availableGeometry().size())
        self.setWindowState(Qt.WindowState.WindowMaximized)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.held:
            geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
            settings_service.save_window_geometry(self.ctx, geometry)
        for widget in self._screens.values():
            close = getattr(widget, "shutdown", None)
            if callable(close):
                close()
        super().closeEvent(event)
