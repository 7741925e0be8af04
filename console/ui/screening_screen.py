"""Screening: every contraindication asked afresh; hard stops, waiting periods, clearances."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.protocol import Contraindication
from console.ui import widgets
from console.ui.flow import VisitFlow
from console.visit.screening import Answer
from console.visit.service import VisitService

SECTIONS = (
    ("hard_stop", "Hard stops: any “yes” means no treatment today"),
    ("waiting_period", "Waiting periods: give the date"),
    ("needs_clearance", "Needs clearance: a written note is required to go on"),
    ("prompt", "Reminders"),
)


class _Question:
    """One row: the question, No / Yes, and the extra field its kind needs."""

    def __init__(self, item: Contraindication, grid: QGridLayout, row: int) -> None:
        self.item = item
        self.label = QLabel(item.text)
        self.label.setWordWrap(True)
        self.no = QRadioButton("No")
        self.yes = QRadioButton("Yes")
        self.group = QButtonGroup()
        self.group.addButton(self.no)
        self.group.addButton(self.yes)
        self.no.setAccessibleName(f"{item.text}: no")
        self.yes.setAccessibleName(f"{item.text}: yes")
        self.extra: QWidget | None = None
        if item.kind == "waiting_period":
            self.date = QDateEdit()
            self.date.setCalendarPopup(True)
            self.date.setDisplayFormat("d MMM yyyy")
            self.date.setMaximumDate(QDate.currentDate())
            self.date.setDate(QDate.currentDate())
            self.date.setToolTip(item.event_label or "Date")
            self.extra = self.date
        elif item.kind == "needs_clearance":
            self.note = QLineEdit()
            self.note.setPlaceholderText("Clearance: by whom, and what was agreed")
            self.extra = self.note
        elif item.kind == "prompt":
            self.extra = QLabel(item.prompt)
        self.message = widgets.error_label()
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.no, row, 1)
        grid.addWidget(self.yes, row, 2)
        if self.extra is not None:
            grid.addWidget(self.extra, row, 3)
            self.extra.setVisible(False)
            self.yes.toggled.connect(self.extra.setVisible)
        grid.addWidget(self.message, row + 1, 0, 1, 4)

    def answer(self) -> Answer | None:
        if not (self.no.isChecked() or self.yes.isChecked()):
            return None
        present = self.yes.isChecked()
        event = None
        note = ""
        if present and self.item.kind == "waiting_period":
            event = self.date.date().toPython()
        if present and self.item.kind == "needs_clearance":
            note = self.note.text()
        return Answer(self.item.id, present, event_date=event, note=note)  # type: ignore[arg-type]


class ScreeningScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.service = VisitService(ctx)
        self.questions: list[_Question] = []
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(3, 2)
        self.grid.setVerticalSpacing(2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.scroll = scroll
        self.result = widgets.error_label()
        self.ok = widgets.hint()
        self.check = widgets.primary("Check answers and continue to Consent")
        self.check.clicked.connect(self._on_check_clicked)
        self.stop = QPushButton("Stop this visit (no treatment)")
        self.stop.clicked.connect(self._on_stop_clicked)
        self.stop.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.stop)
        buttons.addStretch(1)
        buttons.addWidget(self.check)
        layout = QVBoxLayout(self)
        layout.addWidget(widgets.title("Screening"))
        layout.addWidget(
            widgets.hint("Ask every question at every visit. Nothing is pre-answered.")
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(self.result)
        layout.addWidget(self.ok)
        layout.addLayout(buttons)
        self._built_for: str | None = None

    def enter(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None or visit_id == self._built_for:
            return
        self._build(visit_id)

    def _build(self, visit_id: str) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.questions = []
        protocol = self.service.protocol_for(visit_id)
        row = 0
        for kind, heading in SECTIONS:
            items = [c for c in protocol.contraindications if c.kind == kind]
            if not items:
                continue
            label = QLabel(f"<b>{heading}</b>")
            self.grid.addWidget(label, row, 0, 1, 4)
            row += 1
            for item in items:
                q = _Question(item, self.grid, row)
                self.questions.append(q)
                row += 2
        self._built_for = visit_id
        self.result.clear()
        self.ok.clear()
        self.stop.setVisible(False)

    def _on_check_clicked(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        for q in self.questions:
            q.message.clear()
        answers = []
        for q in self.questions:
            a = q.answer()
            if a is None:
                q.message.setText("Answer this question.")
                self.result.setText("Some questions are not answered yet.")
                self.scroll.ensureWidgetVisible(q.label)
                q.no.setFocus()
                return
            answers.append(a)
        try:
            outcome = self.service.answer_screening(visit_id, answers)
        except DomainError as error:
            target = next((q for q in self.questions if q.item.id == error.field), None)
            (target.message if target else self.result).setText(error.message)
            return
        for finding in outcome.findings:
            q = next(q for q in self.questions if q.item.id == finding.item.id)
            q.message.setText(finding.message if finding.blocks else "")
        if outcome.can_proceed:
            reminders = [f.message for f in outcome.findings if f.item.kind == "prompt"]
            self.result.clear()
            self.ok.setText("Screening clear. " + " ".join(reminders))
            self.flow.go("consent")
            return
        lines = [f.message for f in outcome.blocking]
        if outcome.earliest_safe_date and not outcome.hard_stops:
            lines.append(f"Earliest safe date: {outcome.earliest_safe_date:%a %d %b %Y}.")
        self.result.setText("\n".join(lines))
        self.stop.setVisible(bool(outcome.hard_stops) or outcome.earliest_safe_date is not None)
        self._blocking_reason = "; ".join(f.item.text for f in outcome.blocking)

    def _on_stop_clicked(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        try:
            self.service.stop_visit(visit_id, f"Screening: {self._blocking_reason}")
        except DomainError as error:
            self.result.setText(error.message)
            return
        self._built_for = None
        self.flow.set_visit(None)
        self.flow.set_patient(None)
        self.flow.go("patient")
