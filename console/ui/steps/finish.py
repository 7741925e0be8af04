"""Finish: the summary, notes and adverse events; completing locks the visit."""

from __future__ import annotations

import threading

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.files import backup
from console.model.visit_record import VisitRecord
from console.ui.photos.launch import BeforeAfterButton, PhotosButton
from console.ui.shell import i18n
from console.ui.shell.flow import VisitFlow
from console.ui.steps.handout_preview import HandoutPreview
from console.ui.steps.treat import clock_text
from console.ui.widgets import common as widgets
from console.ui.widgets.fitted_table import FittedTable
from console.visit import journal_replay
from console.visit.completion import BackupDue, Completed, CompleteVisit
from console.visit.endpoints import endpoint_word
from console.visit.record_reads import visit_record

UNDER_RECORD_HEIGHT = 480  # px of the sheet's page shown at once when it sits under the record

# The endpoint words of console/visit/endpoints.py, for the summary table in the UI's language.
_ENDPOINT_WORDS = (
    QT_TRANSLATE_NOOP("FinishScreen", "Erythema"),
    QT_TRANSLATE_NOOP("FinishScreen", "Pinpoint bleeding"),
    QT_TRANSLATE_NOOP("FinishScreen", "None"),
    QT_TRANSLATE_NOOP("FinishScreen", "not recorded"),
)


class FinishScreen(QWidget):
    backup_finished = Signal(object)  # BackupResult or BackupFailed, from the worker thread

    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.completing = CompleteVisit(ctx)
        self.heading = widgets.title(self.tr("Finish"))
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.table = FittedTable(0, 5)  # zone names and endpoints wrap, never elided
        self.table.verticalHeader().hide()  # row numbers say nothing; the names need the room
        self.table.setTabKeyNavigation(False)  # Tab goes on to the notes: no keyboard trap
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Area"),
                self.tr("Depth"),  # the unit beside the numbers: a narrower column at 1.3
                self.tr("Passes"),
                self.tr("Time"),
                self.tr("Endpoint"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Notes for the record"))
        self.notes.setMaximumHeight(90)
        self.adverse = QPlainTextEdit()
        self.adverse.setPlaceholderText(self.tr("Adverse events (leave empty if none)"))
        self.adverse.setMaximumHeight(70)
        self.error = widgets.error_label()
        self.done = widgets.hint()
        self.complete = widgets.primary(self.tr("Complete visit  [Ctrl+Enter]"))
        self.backup_finished.connect(self._on_backup_finished)
        self.backup_thread: threading.Thread | None = None
        self.complete.setToolTip(
            self.tr("Locks the record, archives and prints the aftercare sheet")
        )
        self.complete.clicked.connect(self._on_complete_clicked)
        self.new_visit = QPushButton(self.tr("Next patient"))
        self.new_visit.clicked.connect(self._on_new_visit_clicked)
        self.preview: HandoutPreview | None = None  # the sheet, once the visit is completed
        self._loaded_for: str | None = None  # the visit whose notes the fields hold
        self.after = QVBoxLayout()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_visit)
        buttons.addStretch(1)
        buttons.addWidget(PhotosButton(ctx, flow, "after"))
        buttons.addWidget(BeforeAfterButton(ctx, flow))
        buttons.addWidget(self.complete)
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.facts)
        left.addWidget(self.table, 1)
        left.addWidget(QLabel(self.tr("Notes")))
        left.addWidget(self.notes)
        left.addWidget(QLabel(self.tr("Adverse events")))
        left.addWidget(self.adverse)
        left.addWidget(self.error)
        left.addWidget(self.done)
        left.addLayout(buttons)
        # The sheet's column takes room only once there is a sheet: before, the summary has
        # the whole width; after, the record keeps what its table needs, the page the rest.
        # Side by side where both fit; where not (German at type size 1.3, 1280 wide) the
        # sheet goes under the record, whole, rather than push the page sideways.
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.body.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.body.addLayout(left, 1)
        self.body.addLayout(self.after, 0)
        self._left = left
        for field in (self.notes, self.adverse):
            field.installEventFilter(self)
        self.action_buttons = (self.new_visit, self.complete)  # the main window's action bar

    # -- the record and its sheet: beside or under each other -----------------------------
    def _least_widths(self) -> tuple[int, int]:
        return self._left.minimumSize().width(), self.after.minimumSize().width()

    def minimumSizeHint(self) -> QSize:
        """What the record and the sheet need one under the other: the width this screen is
        given then decides whether they go side by side (``resizeEvent``)."""
        left, after = self._least_widths()
        margins = self.body.contentsMargins()
        height = self._left.minimumSize().height()
        if self.body.direction() == QBoxLayout.Direction.TopToBottom:
            height += self.body.spacing() + self.after.minimumSize().height()
        return QSize(max(left, after) + margins.left() + margins.right(), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Side by side when both fit the width this screen has; called on a resize and
        when the sheet comes or goes (the width stays, what it must hold changes)."""
        left, after = self._least_widths()
        margins = self.body.contentsMargins()
        beside = left + self.body.spacing() + after + margins.left() + margins.right()
        stacked = beside > self.width()
        if self.preview is not None:
            # Under the record the page would get only what is left of the height: a
            # sliver. It keeps a readable part of itself; the screen scrolls down to it.
            self.preview.pages.setMinimumHeight(UNDER_RECORD_HEIGHT if stacked else 0)
        wanted = QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        if self.body.direction() != wanted:
            self.body.setDirection(wanted)
            self.updateGeometry()

    # -- Ctrl+Enter completes (a plain Enter belongs to the notes); the question defaults to No
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_key = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if is_key and self._is_complete_key(event):  # type: ignore[arg-type]
            self.complete.click()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_complete_key(event):
            self.complete.click()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _is_complete_key(event: QKeyEvent) -> bool:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        return bool(ctrl) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)

    def enter(self) -> None:
        if self.flow.visit_id is None:
            return
        journal_replay.send_waiting(self.ctx)  # passes kept on this PC belong in what is shown
        record = visit_record(self.ctx, self.flow.visit_id)
        if record.id != self._loaded_for:
            # Another visit: notes typed for the last patient must never be saved on this one.
            self._reset_inputs()
            self._loaded_for = record.id
        self.show_record(record)

    def _reset_inputs(self) -> None:
        for field in (self.notes, self.adverse):
            field.clear()
        for label in (self.error, self.done):
            label.clear()
        if self.preview is not None:
            self.preview.setVisible(False)
            self._arrange()

    def show_record(self, record: VisitRecord) -> None:
        tz = self.ctx.timezone()
        started = record.started_at.astimezone(tz)
        lines = [
            f"<b>{record.patient_name}</b> · {i18n.weekday_day_time(started)} · "
            f"{record.practitioner_name}",
            self.tr("{passes} passes, {time} of needling over {areas} area(s).").format(
                passes=record.total_passes, time=clock_text(record.treated_seconds),
                areas=len(record.areas),
            ),
        ]  # fmt: skip
        for c in record.cartridges:
            lines.append(
                self.tr("Cartridge: {needles} needles, lot {lot}, exp {expiry}").format(
                    needles=c.needle_count, lot=c.lot, expiry=c.expiry
                )
            )
        self.facts.setText("<br>".join(lines))
        self.table.setRowCount(len(record.areas))
        for row, area in enumerate(record.areas):
            values = [
                area.zone_name,
                # A no-break space: the unit stays with its number ("0.75 mm", never "0.75 / mm").
                " → ".join(str(d) for d in area.depths_used) + "\u00a0mm",
                f"{len(area.passes)} / {area.target_passes}",
                clock_text(area.treated_seconds),
                QCoreApplication.translate("FinishScreen", endpoint_word(area.endpoint)),
            ]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.fit()
        locked = record.status != "open"
        self.notes.setReadOnly(locked)
        self.adverse.setReadOnly(locked)
        self.complete.setEnabled(not locked)
        if locked:
            self.notes.setPlainText(record.notes)
            self.adverse.setPlainText(record.adverse_events)
            self.done.setText(
                self.tr("Completed and locked. Corrections are amendments (Records).")
            )
        if record.status == "completed":
            preview = self._preview()
            if preview.handout is None or preview.handout.visit_id != record.id:
                # A visit completed earlier (back on this screen): its archived sheet, if any.
                preview.load_visit(record.id)
        elif self.preview is not None:
            self.preview.setVisible(False)
            self._arrange()

    def _on_complete_clicked(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        self.error.clear()
        if not widgets.Confirm.ask(
            self,
            self.tr("Complete visit"),
            self.tr(
                "Complete and lock this visit? Notes and adverse events cannot be changed "
                "afterwards, only amended."
            ),
            self.tr("Complete and lock"),
        ):
            return
        try:
            completed = self.completing.run(
                visit_id, notes=self.notes.toPlainText(), adverse_events=self.adverse.toPlainText()
            )
        except DomainError as error:
            self.error.setText(error.message)
            return
        self._loaded_for = visit_id
        self._preview().show_archived(completed.sheet, completed.sheet_bytes)
        self.show_record(completed.record)
        # The patient leaves the console with the visit: the Patient screen opens on an
        # empty search, never on this patient with "Start visit" ready. The sheet stays here.
        self.flow.set_visit(None)
        self.flow.set_patient(None)
        self.new_visit.setFocus()
        self._after_completion(completed)

    def _preview(self) -> HandoutPreview:
        if self.preview is None:
            # 60 dpi: the whole width of an A4 page beside the summary on a room screen; a
            # narrower one (1280 wide at type size 1.3) shows the page smaller.
            self.preview = HandoutPreview(self.ctx, self, dpi=60, fit_width=True)
            self.after.addWidget(self.preview)
            self.body.setStretchFactor(self.after, 1)
        self.preview.setVisible(True)
        self._arrange()
        return self.preview

    def _after_completion(self, completed: Completed) -> None:
        """Print the archived sheet and back up, as the use case said; the visit is safe."""
        if completed.should_print:
            self._preview().print_to_room()
        else:
            self.done.setText(
                self.done.text()
                + " "
                + self.tr("No room printer is set (Settings): use Print… beside the sheet.")
            )
        if completed.backup is not None:
            due = completed.backup
            # After the screen has painted: a large clinic file takes a moment to copy.
            QTimer.singleShot(0, self, lambda: self._backup_after_visit(due))

    def _backup_after_visit(self, due: BackupDue) -> None:
        # On a worker thread: a clinic-sized file takes seconds to copy and check.
        self.backup_thread = backup.backup_in_background(
            self.ctx, due.reason, on_done=self.backup_finished.emit
        )

    def _on_backup_finished(self, outcome: object) -> None:
        if isinstance(outcome, DomainError):
            self.error.setText(
                self.tr("The visit is saved, but the backup failed: {reason}").format(
                    reason=outcome.message
                )
            )

    def _on_new_visit_clicked(self) -> None:
        self._reset_inputs()
        self._loaded_for = None
        self.flow.set_visit(None)
        self.flow.set_patient(None)
        self.flow.go("patient")
