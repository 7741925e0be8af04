"""Settings › Consent: the wording of each consent template, saved as a new library version.

Sections are edited as plain text ("## Heading" then its paragraph), so a clinic can rewrite
them without a form per section. Ticking "matters to patients" raises the material version:
only then is everyone asked to sign again.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.consent.service import ConsentService
from console.context import AppContext
from console.errors import DomainError
from console.model.consent_templates import DEFAULT_LANGUAGE
from console.settings import service as settings_service
from console.ui.widgets import common as widgets


def sections_to_text(sections: list[dict[str, str]]) -> str:
    return "\n\n".join(f"## {s['heading']}\n{s['body']}" for s in sections)


def text_to_sections(text: str) -> list[dict[str, str]]:
    """ "## Heading" lines start a section; the lines after it are its paragraph."""
    out: list[dict[str, str]] = []
    for line in text.splitlines():
        if line.startswith("## "):
            out.append({"heading": line[3:].strip(), "body": ""})
        elif out:
            joined = (out[-1]["body"] + " " + line.strip()).strip()
            out[-1]["body"] = joined
        elif line.strip():
            raise DomainError("Start the text with a heading line: ## Heading", "sections")
    return out


# The stored values of consent.renew (not shown: the combo box shows the words beside them).
RENEW_AFTER_MONTHS, RENEW_AT_SERIES = "months", "series"


class ConsentEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ConsentService(ctx)
        self.body: dict[str, Any] = {}
        self.review = widgets.warning_label()
        self.version = widgets.hint()
        self.languages = widgets.hint()
        self.languages.setObjectName("consent-languages")
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("consent template"))
        self.template.currentIndexChanged.connect(self._on_template_changed)
        self.title = QLineEdit()
        self.sections = QPlainTextEdit()
        self.sections.setAccessibleName(self.tr("sections: ## heading, then its text"))
        self.declaration = QPlainTextEdit()
        self.declaration.setMaximumHeight(80)
        self.choices: dict[str, QLineEdit] = {}
        self.choice_box = QFormLayout()
        # Short enough for a 1366-wide room monitor at type size 1.3; the whole rule on hover.
        self.material = QCheckBox(self.tr("Matters to patients: all sign again"))
        self.material.setToolTip(
            self.tr("This change matters to patients: everyone signs again at their next visit")
        )
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What changed (kept with the version)"))
        self.error = widgets.error_label()
        self.status = widgets.hint()
        self.save = widgets.primary(self.tr("Save as a new version"))
        self.save.clicked.connect(self._on_save_clicked)
        # When consent is asked again (the room printed on it is set on the Room tab).
        self.valid_months = QSpinBox()
        self.valid_months.setRange(1, 120)
        self.valid_months.setSuffix(self.tr(" months"))
        self.renew = QComboBox()
        self.renew.addItem(self.tr("after the period only"), RENEW_AFTER_MONTHS)
        self.renew.addItem(self.tr("after the period, and at each new series"), RENEW_AT_SERIES)
        self.rule_error = widgets.error_label()
        self.save_rule = QPushButton(self.tr("Save renewal rule"))
        self.save_rule.clicked.connect(self._on_save_rule_clicked)
        # Three short rows: the period and its renewal on one were 52 px wider than a 1280 px
        # room monitor at type size 1.3 (the renewal choice is long and shown whole); German's
        # longer words need them too.
        rule = QVBoxLayout()
        period, renewal = QHBoxLayout(), QHBoxLayout()
        w: QWidget  # each row's widgets, laid out in turn
        for w in (QLabel(self.tr("Valid for")), self.valid_months):
            period.addWidget(w)
        period.addStretch(1)
        for w in (QLabel(self.tr("Renewed")), self.renew):
            renewal.addWidget(w)
        renewal.addStretch(1)
        rule.addLayout(period)
        rule.addLayout(renewal)
        saving = QHBoxLayout()
        saving.addWidget(self.save_rule)
        saving.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Sections"), self.sections)
        form.addRow(self.tr("Declaration"), self.declaration)
        form.addRow(self.choice_box)
        form.addRow("", self.material)
        form.addRow(self.tr("Note"), self.note)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.review)
        layout.addWidget(self.version)
        layout.addWidget(self.languages)
        layout.addLayout(rule)
        layout.addLayout(saving)

        layout.addWidget(self.rule_error)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addLayout(bar)
        self._current = -1

    def showEvent(self, event: QShowEvent) -> None:
        self.load()
        super().showEvent(event)

    def load(self) -> None:
        templates = self.service.templates()
        self.body = copy.deepcopy(self.service.template_body())
        self.review.setText(templates.review_note)
        self.version.setText(
            self.tr(
                "Library version {version}. English is shown; other languages are kept as they "
                "are, and shown only while they say the current material version."
            ).format(version=templates.version)
        )
        states = " · ".join(f"{name}: {state}" for name, state in self.service.language_states())
        self.languages.setText(self.tr("In each language: {states}").format(states=states))
        self._current = -1
        self.template.blockSignals(True)
        self.template.clear()
        for t in self.body["templates"]:
            self.template.addItem(t["texts"][DEFAULT_LANGUAGE]["title"], t["id"])
        self.template.blockSignals(False)
        self._on_template_changed(0)
        editable = self.service.can_edit_templates()
        for w in (
            self.title,
            self.sections,
            self.declaration,
            self.material,
            self.note,
            self.save,
            *self.choices.values(),
        ):
            w.setEnabled(editable)
        if not editable:
            self.status.setText(self.tr("Only an admin can change the consent texts."))

    def _show(self, index: int) -> None:
        raw = self.body["templates"][index]
        words = raw["texts"][DEFAULT_LANGUAGE]
        self.title.setText(words["title"])
        self.sections.setPlainText(sections_to_text(words["sections"]))
        self.declaration.setPlainText(words["declaration"])
        while self.choice_box.rowCount():
            self.choice_box.removeRow(0)
        self.choices = {}
        for choice in raw.get("choices") or []:
            field = QLineEdit(words.get("choices", {}).get(choice, ""))
            self.choices[choice] = field
            self.choice_box.addRow(self.tr("Photo use “{choice}”").format(choice=choice), field)
        self.material.setChecked(bool(raw.get("_material_changed")))

    def _keep(self, index: int) -> None:
        """Copy the form back into ``body`` for the template shown at ``index``."""
        raw = self.body["templates"][index]
        words = raw["texts"][DEFAULT_LANGUAGE]
        words["title"] = self.title.text()
        words["sections"] = text_to_sections(self.sections.toPlainText())
        words["declaration"] = self.declaration.toPlainText()
        if self.choices:
            words["choices"] = {k: f.text() for k, f in self.choices.items()}
        raw["_material_changed"] = self.material.isChecked()

    def _on_template_changed(self, index: int) -> None:
        if index < 0:
            return
        if self._current >= 0:
            try:
                self._keep(self._current)
            except DomainError as exc:
                self.error.setText(exc.message)
        self._current = index
        self._show(index)

    def _on_save_clicked(self) -> None:
        self.error.clear()
        try:
            self._keep(self._current)
            body = copy.deepcopy(self.body)
            for raw in body["templates"]:
                if raw.pop("_material_changed", False):
                    raw["material_version"] = int(raw["material_version"]) + 1
            saved = self.service.save_templates(body, self.note.text().strip() or "Edited")
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.load()
        self.status.setText(
            self.tr("Saved as library version {version}.").format(version=saved.version)
        )

    def _on_save_rule_clicked(self) -> None:
        self.rule_error.clear()
        values = {
            "consent.valid_months": self.valid_months.value(),
            "consent.renew": self.renew.currentData(),
        }
        try:
            settings_service.save(self.ctx, values)
        except DomainError as exc:
            self.rule_error.setText(exc.message)
            return
        self.status.setText(self.tr("Renewal rule saved."))
