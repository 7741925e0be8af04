"""Patient: find as you type or register, see the history at a glance, start or resume a visit."""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.model.folding import fold
from console.patients.service import Patient, PatientService, SearchHit, VisitGlance
from console.ui.shell import i18n
from console.ui.shell.flow import VisitFlow
from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.steps import visit_hold_dialog
from console.ui.steps.patient_form import PatientFormWidget
from console.ui.steps.patient_list_watch import PatientListWatch
from console.ui.widgets import common as widgets
from console.ui.widgets import theme
from console.visit.lifecycle import VisitLifecycle
from console.visit.session import VisitSession

NAMESAKE_HINT = "check the birth date."
NAMESAKE = "Another patient in this list has the same name: " + NAMESAKE_HINT
STEP_NAMES = {
    "screening": QT_TRANSLATE_NOOP("PatientScreen", "Screening"),
    "consent": QT_TRANSLATE_NOOP("PatientScreen", "Consent"),
    "prep": QT_TRANSLATE_NOOP("PatientScreen", "Prep"),
    "plan": QT_TRANSLATE_NOOP("PatientScreen", "Plan"),
    "treat": QT_TRANSLATE_NOOP("PatientScreen", "Treat"),
    "finish": QT_TRANSLATE_NOOP("PatientScreen", "Finish"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("PatientScreen", text)


def glance_line(v: VisitGlance) -> str:
    areas = ", ".join(f"{zone} {depth:g} mm ×{passes}" for zone, depth, passes in v.areas)
    status = {
        "open": QCoreApplication.translate("PatientScreen", "in progress"),
        "stopped": QCoreApplication.translate("PatientScreen", "stopped"),
    }.get(v.status, "")
    no_areas = QCoreApplication.translate("PatientScreen", "no areas")
    parts = [i18n.day(v.started_at), v.practitioner, areas or no_areas, status]
    return " · ".join(p for p in parts if p)


class ResultsTable(QTableWidget):
    """Name, born, phone, last visit. The three short columns are fixed: ResizeToContents
    re-measures every cell on every keystroke (~80 ms for 50 rows), fixed columns keep a
    keystroke at a few ms. Their widths are set when the table is resized, never per keystroke.
    Where the four do not fit (type size 1.3 on a small monitor) the phone gives way: birth
    date and last visit are what tell namesakes apart, and the name keeps room to wrap."""

    NAME_ROOM = 12  # characters of a name per line, at least, before the phone gives way
    PHONE = "+44 7700 900123"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fit_columns()

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)  # namesakes' days are bold
        # The widest day in the UI's language ("30 Sep 2026", "14. März 1988"): every month.
        days = (i18n.day(date(2026, month, 28)) for month in range(1, 13))
        day = max(QFontMetrics(bold).horizontalAdvance(text) for text in days)
        samples = {1: day, 2: metrics.horizontalAdvance(self.PHONE), 3: day}
        widths = {
            col: max(sample + 14, header.sectionSizeHint(col)) for col, sample in samples.items()
        }
        name_room = metrics.averageCharWidth() * self.NAME_ROOM
        all_fit = sum(widths.values()) + name_room <= self.viewport().width()
        self.setColumnHidden(2, not all_fit)
        for col, width in widths.items():
            if header.sectionSize(col) != width:
                header.resizeSection(col, width)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.fit_columns()  # the type size changed

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


class Pages(QStackedWidget):
    """The chosen patient, the form, or the prompt to search, in the height the search beside
    it leaves. Asking for its tallest page's preferred height (the registration form's, its
    title wrapped onto two lines) made the whole screen scroll at 1366×700."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return False  # its pages' wrapped texts wrap in the height it is given


class PatientScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.service = PatientService(ctx)
        self.patient: Patient | None = None
        self._hits: list[SearchHit] = []
        self._namesakes = 0
        self._open_visit: str | None = None

        # -- left: search ------------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setObjectName("patientSearch")
        self.search.setAccessibleName(self.tr("Find a patient"))
        self.search.setPlaceholderText(self.tr("Name, date of birth, phone or email"))
        theme.mark(self.search, role="search")
        self.search.setClearButtonEnabled(True)
        # Search is synchronous: p95 under 1 ms on 100,000 patients (bench/bench_search.py),
        # so a debounce timer would only add latency.
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.installEventFilter(self)
        self.search_hint = widgets.hint(
            self.tr("Accents and case do not matter. Dates day first: 11/12/1990 is 11 December.")
        )
        widgets.show_whole_prompt(self.search)  # the right-hand side gives up the room
        self.results = ResultsTable()
        self.results.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Born"), self.tr("Phone"), self.tr("Last visit")]
        )
        self.results.verticalHeader().hide()
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setTabKeyNavigation(False)
        # Names wrap instead of being cut short: namesakes differ late ("… García López" vs
        # "… García Ruiz"). Row heights follow the name column's width.
        self.results.setWordWrap(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.results.horizontalHeader().sectionResized.connect(self._on_results_section_resized)
        self.results.cellDoubleClicked.connect(lambda row, _col: self._on_result_chosen(row))
        self.results.installEventFilter(self)
        self.count_label = widgets.hint()
        self.register_button = QPushButton(self.tr("Register a new patient…"))
        self.register_button.setAutoDefault(True)
        self.register_button.clicked.connect(self._on_register_clicked)

        left = QVBoxLayout()
        heading = widgets.title(self.tr("Find or register a patient"))
        heading.setWordWrap(True)
        left.addWidget(heading)
        left.addWidget(self.search)
        left.addWidget(self.search_hint)
        left.addWidget(self.results, 1)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.register_button)
        left.addLayout(row)

        # -- right: the chosen patient, or the form ----------------------------------------
        self.details = QWidget()
        self.name_label = widgets.title("")
        self.name_label.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.allergy_label = widgets.warning_label()
        self.history = QListWidget()
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setWordWrap(True)
        self.history.setAccessibleName(self.tr("History at a glance"))
        self.edit_button = QPushButton(self.tr("Edit details…"))
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.visit_error = widgets.error_label()
        self.start_button = widgets.primary(self.tr("Start visit"))
        self.start_button.setAutoDefault(True)
        self.start_button.setMinimumHeight(72)
        theme.mark(self.start_button, role="start")
        self.start_button.clicked.connect(self._on_start_clicked)
        d = QVBoxLayout(self.details)
        d.addWidget(self.name_label)
        d.addWidget(self.facts)
        d.addWidget(self.allergy_label)
        d.addWidget(QLabel(self.tr("History at a glance")))
        d.addWidget(self.history, 1)
        d.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        d.addWidget(self.visit_error)
        d.addWidget(self.start_button)

        self.empty = widgets.hint(
            self.tr("Type to search. Enter or double-click opens a patient; ↓ moves into the list.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = PatientFormWidget(self.service)
        self.form.saved.connect(self._on_form_saved)
        self.form.open_requested.connect(self.open_patient)
        self.form.cancelled.connect(self._on_form_cancelled)
        self.right = Pages()
        for page in (self.empty, self.details, self.form):
            self.right.addWidget(page)

        # The main window focuses the screen itself; typing belongs in the search field
        # (or, while registering, in the form).
        self.setFocusProxy(self.search)
        self.right.currentChanged.connect(self._on_right_page_changed)
        flow.patient_changed.connect(self._on_flow_patient_changed)
        # Patients registered in other rooms appear in the search typed here (issue 13).
        self.list_watch = PatientListWatch(self, self.service, lambda: bool(self._typed_search()))
        self.list_watch.changed.connect(self._on_list_watch_changed)

        # Where the room is short (type size 1.3), the search keeps its prompt whole and the
        # patient's details, which wrap, give up the room.
        layout = QHBoxLayout(self)
        layout.addLayout(left, 5)
        layout.addWidget(self.right, 3)
        self.action_buttons = (self.start_button,)  # the main window's action bar
        self.start_button.setVisible(False)  # until a patient's details are shown

    # -- entering the screen ---------------------------------------------------------------
    def enter(self) -> None:
        if self.right.currentWidget() is self.form:
            return  # a half-typed registration is kept when the practitioner comes back
        self._refresh_results()
        if self.patient is not None:
            self._show_patient(self.service.get(self.patient.id))
        self.search.setFocus()
        self.search.selectAll()

    def _on_flow_patient_changed(self, patient_id: object) -> None:
        """The visit ended or stopped: the next patient starts from an empty search, never
        from the last patient's details and Start button. A half-typed registration (not
        anyone's visit yet) is kept, as when the practitioner simply steps away."""
        if patient_id is not None or self.right.currentWidget() is self.form:
            return
        self.patient = None
        self._open_visit = None
        self.search.clear()
        for label in (self.name_label, self.facts, self.allergy_label, self.visit_error):
            label.clear()
        self.history.clear()
        self.right.setCurrentWidget(self.empty)

    def _on_right_page_changed(self, _index: int) -> None:
        registering = self.right.currentWidget() is self.form
        self.start_button.setVisible(self.right.currentWidget() is self.details)
        self.setFocusProxy(self.form.inputs["full_name"] if registering else self.search)

    # -- searching -------------------------------------------------------------------------
    def _on_search_text_changed(self, _text: str) -> None:
        self._refresh_results()

    def _typed_search(self) -> str:
        """The search typed, when the results list (not the form) is what is shown."""
        return self.search.text().strip() if self.right.currentWidget() is not self.form else ""

    def _on_list_watch_changed(self) -> None:
        chosen = self.results.currentRow()
        chosen_id = self._hits[chosen].id if 0 <= chosen < len(self._hits) else None
        self._refresh_results()
        for row, hit in enumerate(self._hits):
            if hit.id == chosen_id:
                self.results.selectRow(row)  # the row the practitioner was on stays chosen

    def _refresh_results(self) -> None:
        text = self.search.text()
        self._hits = self.service.search(text) if text.strip() else []
        self.results.setUpdatesEnabled(False)
        self.results.setRowCount(len(self._hits))
        names = Counter(fold(hit.full_name) for hit in self._hits)
        self._namesakes = sum(n for n in names.values() if n > 1)
        for r, hit in enumerate(self._hits):
            last = i18n.day(hit.last_visit) if hit.last_visit else self.tr("never")
            born = i18n.day(hit.date_of_birth)
            namesake = names[fold(hit.full_name)] > 1
            for c, value in enumerate((hit.full_name, born, hit.phone, last)):
                item = QTableWidgetItem(value)
                if namesake:
                    # What tells them apart stands out: birth date and last visit in bold.
                    item.setToolTip(NAMESAKE)
                    if c in (1, 3):
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                self.results.setItem(r, c, item)
        self._fit_name_rows()
        self.results.setUpdatesEnabled(True)
        if self._hits:
            self.results.selectRow(0)
        if not text.strip():
            self.count_label.setText("")
        elif not self._hits:
            self.count_label.setText(self.tr("No patient found. Register them?"))
        elif len(self._hits) >= 50:
            self.count_label.setText(self.tr("The first 50: type more to narrow it down."))
        else:
            self.count_label.setText(self.tr("{count} found").format(count=len(self._hits)))
        if self._hits and self._namesakes:
            found = self.count_label.text().rstrip(".")
            self.count_label.setText(
                self.tr("{found}; {count} share a name: check the birth date.").format(
                    found=found, count=self._namesakes
                )
            )

    def _on_results_section_resized(self, index: int, _old: int, _new: int) -> None:
        if index == 0:
            self._fit_name_rows()

    def _fit_name_rows(self) -> None:
        """Each row tall enough for its whole name, wrapped in the name column."""
        metrics = self.results.fontMetrics()
        width = max(40, self.results.columnWidth(0) - 10)
        single = self.results.verticalHeader().defaultSectionSize()
        for r, hit in enumerate(self._hits):
            needed = metrics.boundingRect(
                QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, hit.full_name
            ).height()
            self.results.setRowHeight(r, max(single, needed + 10))

    def result_names(self) -> list[str]:
        items = (self.results.item(r, 0) for r in range(self.results.rowCount()))
        return [item.text() for item in items if item is not None]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched in (self.search, self.results):
            if self._hits:
                self._on_result_chosen(max(self.results.currentRow(), 0))
            elif self.search.text().strip():
                self._on_register_clicked()
            return True
        if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            if self._hits:
                self.results.setFocus()
                self.results.selectRow(max(self.results.currentRow(), 0))
            return True
        if watched is self.results and key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
            self.search.setFocus()
            return True
        if watched is self.results and event.text() and event.text().isprintable():
            # Typing while the list has focus keeps refining the search.
            self.search.setFocus()
            self.search.insert(event.text())
            return True
        return False

    def _on_result_chosen(self, row: int) -> None:
        if 0 <= row < len(self._hits):
            self.open_patient(self._hits[row].id)

    # -- the chosen patient ----------------------------------------------------------------
    def open_patient(self, patient_id: str) -> None:
        try:
            patient = self.service.open(patient_id)
        except DomainError as e:
            self.count_label.setText(e.message)
            return
        self._show_patient(patient)
        self.start_button.setFocus()

    def _show_patient(self, p: Patient) -> None:
        self.patient = p
        today = self.ctx.now().date()
        self.name_label.setText(p.full_name)
        born = i18n.day(p.date_of_birth)
        facts = [self.tr("Born {date} (age {age})").format(date=born, age=p.age_on(today))]
        if p.fitzpatrick:
            facts.append(self.tr("Fitzpatrick {type}").format(type=p.fitzpatrick_roman))
        facts += [x for x in (p.phone, p.email) if x]
        if p.notes:
            facts.append(self.tr("Notes: {notes}").format(notes=p.notes))
        self.facts.setText("\n".join(facts))
        self.allergy_label.setText(
            self.tr("Allergies: {allergies}").format(allergies=p.allergies) if p.allergies else ""
        )
        self.allergy_label.setVisible(bool(p.allergies))
        self.history.clear()
        glance = self.service.history(p.id)
        for v in glance:
            self.history.addItem(glance_line(v))
        if not glance:
            self.history.addItem(self.tr("No visits yet."))
        visits = VisitLifecycle(self.ctx)
        self._open_visit = visits.open_visit_for(p.id)
        if self._open_visit:
            step = visits.step_of(self._open_visit)
            at = _tr(STEP_NAMES[step]) if step in STEP_NAMES else step
            self.start_button.setText(self.tr("Resume visit (at {step})").format(step=at))
        else:
            self.start_button.setText(self.tr("Start visit"))
        self.visit_error.clear()
        self.right.setCurrentWidget(self.details)

    def _on_start_clicked(self) -> None:
        if self.patient is None:
            return
        leaving = self.flow.visit_id is not None and self.flow.patient_id != self.patient.id
        if leaving and not widgets.Confirm.ask(
            self,
            "Another patient's visit is open",
            f"The visit open now stays open (resume it from that patient). "
            f"Go on with {self.patient.full_name}?",
            f"Go on with {self.patient.full_name}",
        ):
            return
        left_visit = self.flow.visit_id if leaving else None
        try:
            if self._open_visit and self._open_visit == self.flow.visit_id and self.flow.session:
                session = self.flow.session  # the same visit: keep its running pass
            elif self._open_visit:
                session = visit_hold_dialog.resume_here(self, self.ctx, self._open_visit)
            else:
                session = VisitSession.start(self.ctx, self.patient.id)
            step = session.visits.step_of(session.visit_id)
            if left_visit is not None:
                visit_hold_dialog.leave(self.ctx, left_visit)
        except DomainError as e:
            self.visit_error.setText(e.message)
            return
        self.flow.set_patient(self.patient.id)
        self.flow.set_visit(session.visit_id, session)
        self.flow.go(step if step in STEP_NAMES else "screening")

    # -- registering and editing -----------------------------------------------------------
    def _on_register_clicked(self) -> None:
        typed = self.search.text().strip()
        # A typed name is carried over; digits were a date or phone, not a name.
        name = typed if typed and not any(c.isdigit() or c == "@" for c in typed) else ""
        self.form.start_new(name)
        self.right.setCurrentWidget(self.form)

    def _on_edit_clicked(self) -> None:
        if self.patient is not None:
            self.form.start_edit(self.patient)
            self.right.setCurrentWidget(self.form)

    def _on_form_saved(self, patient_id: str) -> None:
        patient = self.service.get(patient_id)
        self.search.setText(patient.full_name)
        self.open_patient(patient_id)

    def _on_form_cancelled(self) -> None:
        self.right.setCurrentWidget(self.details if self.patient else self.empty)
        self.search.setFocus()
