"""The register / edit-details form: one message slot under every field, and the twin check."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.errors import DomainError
from console.patients.fields import DOB_HINT, ROMAN
from console.patients.service import (
    FormErrors,
    Patient,
    PatientForm,
    PatientService,
    PossibleDuplicate,
    form_from,
)
from console.texts import languages as language_texts
from console.ui.shell import i18n
from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.widgets import common as widgets
from console.ui.widgets import theme

FIELDS = (
    (
        "full_name",
        QT_TRANSLATE_NOOP("PatientFormWidget", "Name"),
        QT_TRANSLATE_NOOP("PatientFormWidget", "As the patient writes it, any script"),
    ),
    (
        "date_of_birth",
        QT_TRANSLATE_NOOP("PatientFormWidget", "Born"),
        QT_TRANSLATE_NOOP("PatientFormWidget", "Day first, e.g. 24.11.1990"),
    ),
    (
        "phone",
        QT_TRANSLATE_NOOP("PatientFormWidget", "Phone"),
        QT_TRANSLATE_NOOP("PatientFormWidget", "Optional"),
    ),
    (
        "email",
        QT_TRANSLATE_NOOP("PatientFormWidget", "Email"),
        QT_TRANSLATE_NOOP("PatientFormWidget", "Optional"),
    ),
    (
        "preferred_language",
        QT_TRANSLATE_NOOP("PatientFormWidget", "Language"),
        QT_TRANSLATE_NOOP("PatientFormWidget", "Of the aftercare sheet, consent and calendar file"),
    ),
    (
        "fitzpatrick",
        QT_TRANSLATE_NOOP("PatientFormWidget", "Skin type"),
        QT_TRANSLATE_NOOP("PatientFormWidget", "Fitzpatrick I–VI; click again to clear"),
    ),
    (
        "allergies",
        QT_TRANSLATE_NOOP("PatientFormWidget", "Allergies"),
        QT_TRANSLATE_NOOP("PatientFormWidget", "E.g. lidocaine, nickel"),
    ),
    ("notes", QT_TRANSLATE_NOOP("PatientFormWidget", "Notes"), ""),
)


def describe(p: Patient) -> str:
    born = QCoreApplication.translate("PatientFormWidget", "born {date}").format(
        date=i18n.day(p.date_of_birth)
    )
    parts = [p.full_name, born]
    parts += [x for x in (p.phone, p.email) if x]
    return " · ".join(parts)


class PatientFormWidget(QWidget):
    """Emits ``saved(patient_id)`` after a create or change, ``open_requested(id)`` when the
    practitioner chooses an existing match instead, ``cancelled()`` otherwise."""

    saved = Signal(str)
    open_requested = Signal(str)
    cancelled = Signal()

    def __init__(self, service: PatientService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.editing: str | None = None  # patient id when editing details
        self._matches: list[Patient] = []

        self.heading = widgets.title(self.tr("Register a new patient"))
        self.heading.setWordWrap(True)  # beside the search at type size 1.3 it takes two lines
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setVerticalSpacing(6)
        for row, (key, label_source, hint_source) in enumerate(FIELDS):
            label_text = self.tr(label_source)
            hint_text = self.tr(hint_source) if hint_source else ""
            label = QLabel(label_text)
            label.setToolTip(hint_text)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            cell = QVBoxLayout()
            cell.setSpacing(0)
            if key == "fitzpatrick":
                cell.addLayout(self._fitzpatrick_buttons())
            elif key == "preferred_language":
                self.language = QComboBox()
                self.language.setAccessibleName(label_text)
                self.language.setToolTip(hint_text)
                self.language.addItem(self.tr("The clinic's language"), "")
                for lang in language_texts.languages():
                    shown = (
                        lang.name
                        if lang.name == lang.english_name
                        else (f"{lang.name} ({lang.english_name})")
                    )
                    self.language.addItem(shown, lang.code)
                label.setBuddy(self.language)
                cell.addWidget(self.language)
            elif key == "notes":
                self.notes = QPlainTextEdit()
                self.notes.setFixedHeight(64)
                self.notes.setTabChangesFocus(True)
                self.notes.setAccessibleName(label_text)
                cell.addWidget(self.notes)
            else:
                edit = QLineEdit()
                edit.setAccessibleName(label_text)
                edit.setPlaceholderText(hint_text)
                edit.returnPressed.connect(self._on_save_clicked)
                self.inputs[key] = edit
                label.setBuddy(edit)
                cell.addWidget(edit)
            # The message sits right under its own field; hidden, it takes no room.
            error = widgets.error_label()
            error.setAccessibleName(self.tr("{field}: error").format(field=label_text))
            error.hide()
            self.errors[key] = error
            cell.addWidget(error)
            if key == "date_of_birth":
                self.dob_hint = widgets.hint(DOB_HINT)  # the day-first rule stays visible
                cell.addWidget(self.dob_hint)
            grid.addLayout(cell, row, 1)
        grid.setColumnStretch(1, 1)

        self.general = widgets.error_label()
        self.general.hide()
        self.duplicate_box = QWidget()
        dup = QVBoxLayout(self.duplicate_box)
        dup.setContentsMargins(0, 0, 0, 0)
        self.duplicate_message = widgets.warning_label()
        self.duplicate_list = QListWidget()
        self.duplicate_list.setMaximumHeight(90)
        self.duplicate_list.setWordWrap(True)
        self.duplicate_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.open_match_button = QPushButton(self.tr("Open the existing patient"))
        self.open_match_button.setAutoDefault(True)
        self.open_match_button.clicked.connect(self._on_open_match_clicked)
        self.register_anyway_button = QPushButton(self.tr("A different person: register"))
        self.register_anyway_button.clicked.connect(self._on_register_anyway_clicked)
        dup_buttons = QVBoxLayout()  # stacked: the panel is narrow
        dup_buttons.addWidget(self.open_match_button)
        dup_buttons.addWidget(self.register_anyway_button)
        dup.addWidget(self.duplicate_message)
        dup.addWidget(self.duplicate_list)
        dup.addLayout(dup_buttons)
        self.duplicate_box.hide()

        self.save_button = widgets.primary(self.tr("Register"))
        self.save_button.setAutoDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        # The body scrolls so that messages never push the buttons off a small screen.
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 6, 0)
        inner.addWidget(self.duplicate_box)  # on top: it is the decision to make now
        inner.addLayout(grid)
        inner.addWidget(self.general)
        inner.addStretch(1)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def _fitzpatrick_buttons(self) -> QHBoxLayout:
        box = QHBoxLayout()
        self.fitz_buttons: list[QPushButton] = []
        for i, roman in enumerate(ROMAN, start=1):
            b = QPushButton(roman)
            b.setCheckable(True)
            theme.mark(b, role="fitzpatrick")
            b.setAccessibleName(self.tr("Fitzpatrick type {type}").format(type=roman))
            b.clicked.connect(lambda _checked=False, n=i: self._on_fitzpatrick_clicked(n))
            self.fitz_buttons.append(b)
            box.addWidget(b)
        box.addStretch(1)
        return box

    # -- state ---------------------------------------------------------------------------
    def start_new(self, name: str = "") -> None:
        self.editing = None
        self.heading.setText(self.tr("Register a new patient"))
        self.save_button.setText(self.tr("Register"))
        self._fill(PatientForm(full_name=name))
        self.inputs["date_of_birth" if name else "full_name"].setFocus()

    def start_edit(self, patient: Patient) -> None:
        self.editing = patient.id
        self.heading.setText(self.tr("Edit patient details"))
        self.save_button.setText(self.tr("Save changes"))
        self._fill(form_from(patient))
        self.inputs["full_name"].setFocus()

    def _fill(self, form: PatientForm) -> None:
        for key, edit in self.inputs.items():
            value = getattr(form, key)
            edit.setText("" if value is None else str(value))
        self.notes.setPlainText(form.notes)
        self.language.setCurrentIndex(max(self.language.findData(form.preferred_language), 0))
        self.fitzpatrick = form.fitzpatrick if isinstance(form.fitzpatrick, int) else None
        self._show_fitzpatrick()
        self._clear_messages()

    def form(self) -> PatientForm:
        return PatientForm(
            full_name=self.inputs["full_name"].text(),
            date_of_birth=self.inputs["date_of_birth"].text(),
            phone=self.inputs["phone"].text(),
            email=self.inputs["email"].text(),
            fitzpatrick=self.fitzpatrick,
            allergies=self.inputs["allergies"].text(),
            notes=self.notes.toPlainText(),
            preferred_language=str(self.language.currentData() or ""),
        )

    def _on_fitzpatrick_clicked(self, n: int) -> None:
        self.fitzpatrick = None if self.fitzpatrick == n else n
        self._show_fitzpatrick()

    def _show_fitzpatrick(self) -> None:
        for i, b in enumerate(self.fitz_buttons, start=1):
            b.setChecked(i == self.fitzpatrick)

    def _clear_messages(self) -> None:
        for label in (*self.errors.values(), self.general):
            label.clear()
            label.hide()
        self.duplicate_box.hide()
        self._matches = []

    def _show_error(self, field: str | None, message: str) -> None:
        label = self.errors.get(field or "", self.general)
        label.setText(message)
        label.show()

    # -- saving --------------------------------------------------------------------------
    def _on_save_clicked(self) -> None:
        self._save(different_from=())

    def _on_register_anyway_clicked(self) -> None:
        self._save(different_from=[m.id for m in self._matches])

    def _save(self, different_from: list[str] | tuple[str, ...]) -> None:
        self._clear_messages()
        try:
            if self.editing:
                self.service.update(self.editing, self.form(), different_from=different_from)
                pid = self.editing
            else:
                pid = self.service.register(self.form(), different_from=different_from)
        except FormErrors as e:
            for field, message in e.errors.items():
                self._show_error(field, message)
            first = next(iter(e.errors))
            target = self.inputs.get(first)
            if target is not None:
                target.setFocus()
                target.selectAll()
                self.scroll_area.ensureWidgetVisible(target)
            return
        except PossibleDuplicate as e:
            self._show_duplicates(e)
            return
        except DomainError as e:
            self._show_error(e.field, e.message)
            return
        self.saved.emit(pid)

    def _show_duplicates(self, error: PossibleDuplicate) -> None:
        self._matches = list(error.matches)
        self.duplicate_message.setText(
            error.message + " " + self.tr("Open it, or confirm that this is a different person.")
        )
        self.duplicate_list.clear()
        for m in self._matches:
            self.duplicate_list.addItem(describe(m))
        self.duplicate_list.setCurrentRow(0)
        self.duplicate_box.show()
        self.scroll_area.verticalScrollBar().setValue(0)
        self.open_match_button.setFocus()

    def _on_open_match_clicked(self) -> None:
        row = max(self.duplicate_list.currentRow(), 0)
        if self._matches:
            self.open_requested.emit(self._matches[row].id)
