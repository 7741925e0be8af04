"""Screening: every contraindication asked afresh; hard stops, waiting periods, clearances."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
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
from console.model import clearance as clearances
from console.model.clearance import Clearance
from console.model.protocol import Contraindication
from console.model.screening import Answer
from console.model.visit_record import ScreeningAnswerRecord
from console.ui.shell import i18n
from console.ui.shell.flow import VisitFlow
from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.widgets import common as widgets
from console.ui.widgets import theme
from console.visit.lifecycle import VisitLifecycle

SECTIONS = (
    ("hard_stop", QT_TRANSLATE_NOOP("ScreeningScreen",
                                    "Hard stops: any “yes” means no treatment today")),
    ("waiting_period", QT_TRANSLATE_NOOP("ScreeningScreen", "Waiting periods: give the date")),
    ("needs_clearance", QT_TRANSLATE_NOOP(
        "ScreeningScreen",
        "Needs clearance: record who cleared it, how, when and what was agreed")),
    ("prompt", QT_TRANSLATE_NOOP("ScreeningScreen", "Reminders")),
)  # fmt: skip


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScreeningScreen", text)


# Rows each question takes in the grid: the question, its clearance form, its message.
ROWS_PER_QUESTION = 3
# The clearance date starts blank (shown as this text), never as today's date.
_NO_DATE = QDate(2000, 1, 1)


class _ClearanceForm(QWidget):
    """Who cleared the item (name, role), how, when, and what was agreed."""

    def __init__(self, item: Contraindication) -> None:
        super().__init__()
        opts = clearances.options()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Cleared by (name)"))
        self.role = QComboBox()
        self.role.setEditable(True)
        self.role.addItems(["", *opts.roles])
        role_field = self.role.lineEdit()
        if role_field is not None:
            role_field.setPlaceholderText(self.tr("Their role"))
        self.method = QComboBox()
        self.method.addItem(self.tr("How?"), None)
        for method_id, text in opts.methods:
            self.method.addItem(text, method_id)
        self.on = QDateEdit()
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("d MMM yyyy")
        self.on.setMinimumDate(_NO_DATE)
        self.on.setSpecialValueText(self.tr("Date?"))
        self.on.setMaximumDate(QDate.currentDate())
        self.on.setDate(_NO_DATE)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What was agreed"))
        for widget, name in (
            (self.name, self.tr("{question}: clearance name")),
            (self.role, self.tr("{question}: clearance role")),
            (self.method, self.tr("{question}: clearance how")),
            (self.on, self.tr("{question}: clearance date")),
            (self.note, self.tr("{question}: clearance note")),
        ):
            widget.setAccessibleName(name.format(question=item.text))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 0, 0, 0)
        layout.addWidget(self.name, 2)
        layout.addWidget(self.role, 2)
        layout.addWidget(self.method, 2)
        layout.addWidget(self.on, 1)
        layout.addWidget(self.note, 4)
        # Where a finding's field points (console/model/clearance.py names them).
        self.fields: dict[str, QWidget] = {
            "clearance_name": self.name,
            "clearance_role": self.role,
            "clearance_method": self.method,
            "clearance_date": self.on,
            "clearance_note": self.note,
        }

    def show_stored(self, stored: ScreeningAnswerRecord) -> None:
        """This visit's own recorded clearance, on resume."""
        self.name.setText(stored.cleared_by_name)
        self.role.setCurrentText(stored.cleared_by_role)
        self.method.setCurrentIndex(max(0, self.method.findData(stored.clearance_method or None)))
        if stored.cleared_on is not None:
            d = stored.cleared_on
            self.on.setDate(QDate(d.year, d.month, d.day))
        self.note.setText(stored.note)

    def clearance(self) -> Clearance:
        day = self.on.date()
        return Clearance(
            by_name=self.name.text(),
            by_role=self.role.currentText(),
            method=self.method.currentData() or "",
            on=None if day == _NO_DATE else day.toPython(),  # type: ignore[arg-type]
            note=self.note.text(),
        )


class _Question:
    """One question: No / Yes, the extra field its kind needs, and its message below."""

    def __init__(self, item: Contraindication, grid: QGridLayout, row: int) -> None:
        self.item = item
        self.label = QLabel(item.text)
        self.label.setWordWrap(True)
        self.no = QRadioButton(QCoreApplication.translate("ScreeningScreen", "No"))
        self.yes = QRadioButton(QCoreApplication.translate("ScreeningScreen", "Yes"))
        self.group = QButtonGroup()
        self.group.addButton(self.no)
        self.group.addButton(self.yes)
        no = QCoreApplication.translate("ScreeningScreen", "{question}: no")
        yes = QCoreApplication.translate("ScreeningScreen", "{question}: yes")
        self.no.setAccessibleName(no.format(question=item.text))
        self.yes.setAccessibleName(yes.format(question=item.text))
        self.extra: QWidget | None = None
        self.form: _ClearanceForm | None = None
        self.prompt: QComboBox | None = None
        if item.kind == "waiting_period":
            # Empty ("Date?") until typed: a pre-filled today would pass as the real date.
            self.date = QDateEdit()
            self.date.setCalendarPopup(True)
            self.date.setDisplayFormat("d MMM yyyy")
            self.date.setMinimumDate(_NO_DATE)
            self.date.setSpecialValueText(QCoreApplication.translate("ScreeningScreen", "Date?"))
            self.date.setMaximumDate(QDate.currentDate())
            self.date.setDate(_NO_DATE)
            event_label = item.event_label or QCoreApplication.translate("ScreeningScreen", "Date")
            self.date.setAccessibleName(f"{item.text}: {event_label}")
            self.extra = QWidget()
            box = QHBoxLayout(self.extra)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(QLabel(event_label))
            box.addWidget(self.date, 1)
        elif item.kind == "needs_clearance":
            self.form = _ClearanceForm(item)
        elif item.kind == "prompt":
            # The reminder and its answer: what was done about it is recorded, not "seen".
            self.prompt = QComboBox()
            self.prompt.addItem(
                item.prompt or QCoreApplication.translate("ScreeningScreen", "Answer…"), None
            )
            for answer_id, text in clearances.options().answers_for(item):
                self.prompt.addItem(text, answer_id)
            answer = QCoreApplication.translate("ScreeningScreen", "{question}: answer")
            self.prompt.setAccessibleName(answer.format(question=item.text))
            self.extra = self.prompt
        self.message = widgets.error_label()
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.no, row, 1)
        grid.addWidget(self.yes, row, 2)
        for extra, place in ((self.extra, (row, 3, 1, 1)), (self.form, (row + 1, 0, 1, 4))):
            if extra is not None:
                grid.addWidget(extra, *place)
                extra.setVisible(False)
                self.yes.toggled.connect(extra.setVisible)
        grid.addWidget(self.message, row + 2, 0, 1, 4)

    def first_input(self) -> QWidget | None:
        """Where typing goes after "yes": the date, the clearance's name, the answer."""
        if self.item.kind == "waiting_period":
            return self.date
        if self.form is not None:
            return self.form.name
        return self.prompt

    def field_widget(self, field: str) -> QWidget:
        """The widget a finding's field names, to put the focus there."""
        if self.form is not None and field in self.form.fields:
            return self.form.fields[field]
        if field == "prompt_answer" and self.prompt is not None:
            return self.prompt
        return self.yes

    def answer(self) -> Answer | None:
        if not (self.no.isChecked() or self.yes.isChecked()):
            return None
        present = self.yes.isChecked()
        event: date | None = None
        if present and self.item.kind == "waiting_period" and self.date.date() != _NO_DATE:
            typed = self.date.date()
            event = date(typed.year(), typed.month(), typed.day())
        cleared = self.form.clearance() if present and self.form is not None else None
        prompt = (self.prompt.currentData() or "") if present and self.prompt is not None else ""
        return Answer(
            self.item.id,
            present,
            event_date=event,
            clearance=cleared,
            prompt_answer=prompt,
        )

    def show_stored(self, stored: ScreeningAnswerRecord) -> None:
        """This visit's own earlier answer (on resume); nothing else ever pre-answers a row."""
        (self.no if stored.answer == "no" else self.yes).setChecked(True)
        if self.item.kind == "waiting_period" and stored.event_date is not None:
            d = stored.event_date
            self.date.setDate(QDate(d.year, d.month, d.day))
        if self.form is not None:
            self.form.show_stored(stored)
        if self.prompt is not None and stored.prompt_answer:
            self.prompt.setCurrentIndex(max(0, self.prompt.findData(stored.prompt_answer)))


class ScreeningScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.visits = VisitLifecycle(ctx)
        self.questions: list[_Question] = []
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(3, 2)
        self.grid.setVerticalSpacing(2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.scroll_area = scroll
        self.result = widgets.error_label()
        self.ok = widgets.hint()
        self.check = widgets.primary(self.tr("Check answers and continue to Consent"))
        self.check.clicked.connect(self._on_check_clicked)
        self.stop = QPushButton(self.tr("Stop this visit (no treatment)"))
        theme.mark(self.stop, role="danger")
        self.stop.clicked.connect(self._on_stop_clicked)
        self.stop.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.stop)
        buttons.addStretch(1)
        buttons.addWidget(self.check)
        layout = QVBoxLayout(self)
        layout.addWidget(widgets.title(self.tr("Screening")))
        layout.addWidget(
            widgets.hint(self.tr("Ask every question at every visit. Nothing is pre-answered."))
        )
        self.where = widgets.hint()
        self.where.setAccessibleName(self.tr("question in focus"))
        layout.addWidget(self.where)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.result)
        layout.addWidget(self.ok)
        layout.addLayout(buttons)
        self.action_buttons = (self.stop, self.check)  # the main window's action bar
        self._built_for: str | None = None

    def enter(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None or visit_id == self._built_for:
            return
        self._build(visit_id)

    def _build(self, visit_id: str) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.questions = []
        protocol = self.visits.protocol_for(visit_id)
        row = 0
        for kind, heading in SECTIONS:
            items = [c for c in protocol.contraindications if c.kind == kind]
            if not items:
                continue
            label = QLabel(f"<b>{_tr(heading)}</b>")
            self.grid.addWidget(label, row, 0, 1, 4)
            row += 1
            for item in items:
                q = _Question(item, self.grid, row)
                self.questions.append(q)
                row += ROWS_PER_QUESTION
        stored = {a.item_id: a for a in self.visits.record(visit_id).screening}
        for q in self.questions:
            if q.item.id in stored:
                q.show_stored(stored[q.item.id])
        self._built_for = visit_id
        self.result.clear()
        self.ok.clear()
        self.stop.setVisible(False)
        for q in self.questions:
            for button in (q.no, q.yes):
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                button.installEventFilter(self)
                # Shown now, not at the next layout pass: the focus must land on one.
                button.show()
        unanswered = [i for i, q in enumerate(self.questions) if q.answer() is None]
        self.focus_question(unanswered[0] if unanswered else 0)

    # -- keys: Y/N answer the focused question, arrows move, Enter checks ------------------
    def focus_question(self, index: int) -> None:
        if not self.questions:
            return
        index = max(0, min(index, len(self.questions) - 1))
        q = self.questions[index]
        button = q.yes if q.yes.isChecked() else q.no
        # The main window focuses the screen on entering; the question takes it.
        self.setFocusProxy(button)
        button.setFocus()
        self.scroll_area.ensureWidgetVisible(q.label)
        self.where.setText(
            self.tr(
                "Question {number} of {count}: {question}   "
                "[Y] yes · [N] no · [↑↓] move · [Enter] check"
            ).format(number=index + 1, count=len(self.questions), question=q.item.text)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        index = next((i for i, q in enumerate(self.questions) if watched in (q.no, q.yes)), None)
        if index is None:
            return False
        q, key = self.questions[index], event.key()
        if key in (Qt.Key.Key_Y, Qt.Key.Key_N):
            yes = key == Qt.Key.Key_Y
            (q.yes if yes else q.no).setChecked(True)
            target = q.first_input() if yes else None
            if target is not None:
                target.setFocus()  # the date or clearance this "yes" needs
            else:
                self.focus_question(index + 1)
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.focus_question(index + (1 if key == Qt.Key.Key_Down else -1))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_check_clicked()
            return True
        return False

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
                q.message.setText(self.tr("Answer this question."))
                self.result.setText(self.tr("Some questions are not answered yet."))
                self.focus_question(self.questions.index(q))
                return
            answers.append(a)
        try:
            outcome = self.visits.answer_screening(visit_id, answers)
        except DomainError as error:
            target = next((q for q in self.questions if q.item.id == error.field), None)
            (target.message if target else self.result).setText(error.message)
            return
        focused = False
        for finding in outcome.findings:
            q = next(q for q in self.questions if q.item.id == finding.item.id)
            q.message.setText(finding.message if finding.blocks else "")
            if finding.blocks and finding.field and not focused:
                self.scroll_area.ensureWidgetVisible(q.message)
                q.field_widget(finding.field).setFocus()
                focused = True
        if outcome.can_proceed:
            reminders = [f.message for f in outcome.findings if f.item.kind == "prompt"]
            self.result.clear()
            self.ok.setText(" ".join([self.tr("Screening clear."), *reminders]))
            self.flow.go("consent")
            return
        # A clearance or reminder message names a part of the answer; the summary adds whose.
        lines = [f"{f.item.text}: {f.message}" if f.field else f.message for f in outcome.blocking]
        if outcome.earliest_safe_date and not outcome.hard_stops:
            lines.append(
                self.tr("Earliest safe date: {date}.").format(
                    date=i18n.weekday_day(outcome.earliest_safe_date)
                )
            )
        self.result.setText("\n".join(lines))
        self.stop.setVisible(bool(outcome.hard_stops) or outcome.earliest_safe_date is not None)
        self._blocking_reason = "; ".join(f.item.text for f in outcome.blocking)

    def _on_stop_clicked(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        if not widgets.Confirm.ask(
            self,
            self.tr("Stop this visit"),
            self.tr("Stop this visit without treatment? It is closed and cannot be resumed."),
            self.tr("Stop the visit"),
        ):
            return
        try:
            self.visits.stop_visit(visit_id, f"Screening: {self._blocking_reason}")
        except DomainError as error:
            self.result.setText(error.message)
            return
        self._built_for = None
        self.flow.set_visit(None)
        self.flow.set_patient(None)
        self.flow.go("patient")
