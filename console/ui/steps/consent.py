"""Consent: the text in large type, read to the end, signed on screen, countersigned by PIN.

Skipped (with the reason shown) when a valid consent on record covers the visit; "Declines"
stops the visit with the patient's reason.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.consent.service import ConsentService, SigningRequest
from console.context import AppContext
from console.errors import DomainError
from console.model.consent_templates import DEFAULT_LANGUAGE, IDENTITY_CHECKS, TemplateSet
from console.ui.shell.flow import VisitFlow
from console.ui.steps.consent_language import ConsentLanguageBar
from console.ui.steps.signature_pad import SignaturePad
from console.ui.widgets import common as widgets
from console.ui.widgets import theme
from console.ui.widgets.pin import PinField


def _html(templates: TemplateSet, language: str) -> str:
    parts = []
    for t in templates.templates:
        w = t.wording(language)
        parts.append(f"<h2>{escape(w.title)}</h2>")
        for s in w.sections:
            parts.append(f"<p><b>{escape(s.heading)}</b><br>{escape(s.body)}</p>")
        if t.choices:
            items = "".join(
                f"<li><b>{escape(w.labels[c])}</b>: {escape(w.choices[c])}</li>" for c in t.choices
            )
            parts.append(
                f"<ul>{items}</ul><p><i>Tick each use you agree to, below the text.</i></p>"
            )
        parts.append(f"<p><b>{escape(w.declaration)}</b></p>")
    return "".join(parts) + "<p>— End of the text —</p>"


class ConsentScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.service = ConsentService(ctx)
        self.templates: TemplateSet | None = None
        self.language = DEFAULT_LANGUAGE
        self.read_to_end = False

        self.reason = QLabel()
        self.reason.setObjectName("consent-reason")
        self.reason.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_covered_page())
        self.pages.addWidget(self._build_signing_page())
        # The main window's action bar: each page shows its own pair (_show_page).
        self.action_buttons = (self.decline, self.sign_again, self.use_on_record, self.sign)
        self._show_page(0)  # before the bar measures them: only one page's pair is ever shown
        layout = QVBoxLayout(self)
        layout.addWidget(widgets.title(self.tr("Consent")))
        layout.addWidget(self.reason)
        layout.addWidget(self.pages, 1)
        self._built_for: str | None = None

    # The window's scroll area sizes a screen with word-wrapped labels to its preferred
    # height; the text scrolls inside its own box, so the screen needs only its minimum and
    # the Countersign button stays on a 1366×700 screen.
    def hasHeightForWidth(self) -> bool:
        return False

    def heightForWidth(self, width: int) -> int:
        return -1

    # -- pages ----------------------------------------------------------------------------------
    def _build_covered_page(self) -> QWidget:
        page = QWidget()
        self.use_on_record = widgets.primary(self.tr("Continue with the consent on record"))
        self.use_on_record.clicked.connect(self._on_use_on_record_clicked)
        self.sign_again = QPushButton(self.tr("Sign a new one"))
        self.sign_again.clicked.connect(self._on_sign_again_clicked)
        self.covered_error = widgets.error_label()
        box = QVBoxLayout(page)
        box.addWidget(self.covered_error)
        row = QHBoxLayout()
        row.addWidget(self.sign_again)
        row.addStretch(1)
        row.addWidget(self.use_on_record)
        box.addLayout(row)
        box.addStretch(1)
        return page

    def _build_signing_page(self) -> QWidget:
        page = QWidget()
        self.text = QTextBrowser()
        self.text.setObjectName("consent-text")
        self.text.setAccessibleName(self.tr("consent text: read to the end"))
        self.text.setOpenLinks(False)
        bar = self.text.verticalScrollBar()
        bar.valueChanged.connect(self._on_text_scrolled)
        bar.rangeChanged.connect(self._on_text_scrolled)
        self.read_hint = widgets.hint()
        self.photo_box = QWidget()
        self.photo_layout = QVBoxLayout(self.photo_box)
        self.photo_layout.setContentsMargins(0, 0, 0, 0)
        self.photo_checks: dict[str, QCheckBox] = {}
        self.language_bar = ConsentLanguageBar()
        self.language_bar.chosen.connect(self._on_language_chosen)
        left = QVBoxLayout()
        left.addWidget(self.language_bar)
        left.addWidget(self.text, 1)
        left.addWidget(self.read_hint)
        self.photo_heading = QLabel(self.tr("<b>Photographs</b>: each use is its own choice"))
        # Wraps: on one line at type size 1.3 it pushed the page 41 px past a 1280 px monitor.
        self.photo_heading.setWordWrap(True)
        left.addWidget(self.photo_heading)
        left.addWidget(self.photo_box)

        self.signer_name = QLineEdit()
        self.signer_name.setObjectName("signer-name")
        self.signer_name.setPlaceholderText(
            self.tr("Patient: type your full name, then sign below")
        )
        self.signer_name.setAccessibleName(self.tr("patient's full name as they sign"))
        self.pad = SignaturePad()
        self.pad.changed.connect(self._on_pad_changed)
        self.clear = QPushButton(self.tr("Clear and sign again"))
        self.clear.clicked.connect(self.pad.clear)
        self.signature_error = widgets.error_label()
        self.witness = QLineEdit()
        self.witness.setPlaceholderText(self.tr("Witness (optional)"))
        self.witness.setAccessibleName(self.tr("witness name, optional"))
        self.identity = QComboBox()
        self.identity.setAccessibleName(self.tr("how the patient's identity was checked"))
        self.identity.addItems(list(IDENTITY_CHECKS))
        # Both whole, side by side: at type size 1.3 they read "known to the prac" and
        # "Witness (optio…" until the column became as wide as its longest prompt (below).
        self.identity.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        widgets.show_whole_prompt(self.witness)
        widgets.show_whole_choice(self.identity)
        self.pin = PinField()
        self.pin.setPlaceholderText(self.tr("Practitioner PIN"))
        self.pin.setAccessibleName(self.tr("practitioner PIN to countersign"))
        widgets.show_whole_prompt(self.pin)  # its spaced-out placeholder whole
        theme.mark(self.pin, role="countersign")  # smaller than at sign-in: a column
        self.pin.returnPressed.connect(self._on_sign_clicked)
        self.pin_error = widgets.error_label()
        self.sign = widgets.primary(self.tr("Countersign and continue"))
        self.sign.setToolTip(
            self.tr("Checks your PIN, archives the signed PDF and goes on to Prep")
        )
        self.sign.setObjectName("consent-sign")
        self.sign.clicked.connect(self._on_sign_clicked)
        self.error = widgets.error_label()
        self.decline_reason = QLineEdit()
        self.decline_reason.setPlaceholderText(
            self.tr("If the patient declines: why, in their words")
        )
        self.decline_reason.setAccessibleName(self.tr("reason the patient declines"))
        self.decline = QPushButton(self.tr("Patient declines: stop visit"))
        self.decline.clicked.connect(self._on_decline_clicked)
        self.errors = widgets.FieldErrors(
            self.error,
            signature=self.signature_error,
            pin=self.pin_error,
            reason=self.error,
        )

        right = QGridLayout()
        right.setVerticalSpacing(4)
        right.addWidget(self.signer_name, 0, 0, 1, 2)
        right.addWidget(self.pad, 2, 0, 1, 2)
        right.addWidget(self.signature_error, 3, 0)
        right.addWidget(self.clear, 3, 1, Qt.AlignmentFlag.AlignRight)
        who = QHBoxLayout()
        who.addWidget(self.witness, 1)
        who.addWidget(self.identity)
        right.addLayout(who, 4, 0, 1, 2)
        right.addWidget(self.pin, 6, 0, 1, 2)
        right.addWidget(self.sign, 7, 1)  # in the main window, its action bar takes it
        right.addWidget(self.pin_error, 8, 0, 1, 2)
        right.addWidget(self.error, 9, 0, 1, 2)
        right.setRowStretch(10, 1)
        right.addWidget(self.decline_reason, 11, 0, 1, 2)
        right.addWidget(self.decline, 12, 0, 1, 2, Qt.AlignmentFlag.AlignRight)
        right_box = QWidget()
        right_box.setLayout(right)
        # As wide as its longest prompt needs at this type size, the rest to the text: cut
        # short ("Patient: type your full name, then …") a prompt no longer says what to do.
        for field in (self.signer_name, self.decline_reason):
            widgets.show_whole_prompt(field)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addWidget(right_box)
        return page

    # -- entering ---------------------------------------------------------------------------------
    def enter(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None or visit_id == self._built_for:
            return
        self._built_for = visit_id
        try:
            cov = self.service.coverage(visit_id)
        except DomainError as error:
            self.reason.setText(error.message)
            return
        self.reason.setText(cov.reason)
        if cov.covered:
            self.covered_error.clear()
            self._show_page(0)
            # The window focuses the screen after enter(): the proxy sends keys to the button.
            self.setFocusProxy(self.use_on_record)
            self.use_on_record.setFocus()
        else:
            self._show_signing()

    def _show_page(self, index: int) -> None:
        """0: a consent on record covers the visit; 1: signing. The bar shows that page's pair."""
        self.pages.setCurrentIndex(index)
        for button in (self.sign_again, self.use_on_record):
            button.setVisible(index == 0)
        for button in (self.decline, self.sign):
            button.setVisible(index == 1)

    def _show_signing(self, chosen: str | None = None) -> None:
        self.templates = self.service.templates()
        if self.flow.visit_id is not None:
            # The patient's language (or the clinic's, said why): what is shown is signed.
            shown = self.service.shown_language(self.flow.visit_id, chosen, self.templates)
            self.language = shown.code
            self.language_bar.show_choice(self.service.languages(self.templates), shown)
        self.text.setHtml(_html(self.templates, self.language))
        for check in self.photo_checks.values():
            check.deleteLater()
        self.photo_checks = {}
        for t in self.templates.of_kind("photo"):
            w = t.wording(self.language)
            for choice in t.choices:
                check = QCheckBox(w.labels[choice])
                check.setToolTip(w.choices[choice])
                check.setAccessibleName(w.choices[choice])
                check.setObjectName(f"photo-{choice}")
                self.photo_layout.addWidget(check)
                self.photo_checks[choice] = check
        for field in (self.signer_name, self.witness, self.pin, self.decline_reason):
            field.clear()
        self.pad.clear()
        self.errors.clear()
        self.read_to_end = False
        self.text.verticalScrollBar().setValue(0)
        self._show_page(1)
        self._on_text_scrolled()
        self.setFocusProxy(self.text)  # Page Down reads on as soon as the step opens
        self.text.setFocus()

    # -- slots ------------------------------------------------------------------------------------
    def _on_text_scrolled(self, *_: object) -> None:
        bar = self.text.verticalScrollBar()
        if bar.value() >= bar.maximum():
            self.read_to_end = True  # stays read: scrolling back up to check is fine
        self.pad.setEnabled(self.read_to_end)
        self.read_hint.setText(
            self.tr("Text read to the end: the patient can sign.")
            if self.read_to_end
            else self.tr("Scroll to the end of the text (Page Down) before signing.")
        )

    def _on_language_chosen(self, code: str) -> None:
        # Another language is another text: read again and sign that one.
        try:
            self._show_signing(code)
        except DomainError as error:
            self.language_bar.note.setText(error.message)
            self.language_bar.note.show()

    def _on_pad_changed(self) -> None:
        self.signature_error.clear()

    def _on_sign_again_clicked(self) -> None:
        self.reason.setText(self.tr("A new consent is asked for at the practitioner's choice."))
        self._show_signing()

    def _on_use_on_record_clicked(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        try:
            self.service.use_on_record(visit_id)
        except DomainError as error:
            self.covered_error.setText(error.message)
            return
        self.flow.go("prep")

    def _on_sign_clicked(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None or self.templates is None:
            return
        self.errors.clear()
        if not self.read_to_end:
            self.signature_error.setText(self.tr("Read the text to the end before signing."))
            self.text.setFocus()
            return
        request = SigningRequest(
            library_version=self.templates.version,
            signer_name=self.signer_name.text(),
            signature=self.pad.signature(),
            practitioner_pin=self.pin.text(),
            photo_choices={k: c.isChecked() for k, c in self.photo_checks.items()},
            witness_name=self.witness.text(),
            identity_check=self.identity.currentText(),
            language=self.language,
        )
        try:
            taken = self.service.take(visit_id, request)
        except DomainError as error:
            self.errors.show(error)
            self.pin.clear()
            return
        self.pin.clear()
        self.reason.setText(taken.coverage.reason)
        self.flow.go("prep")

    def _on_decline_clicked(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        try:
            self.service.decline(visit_id, self.decline_reason.text())
        except DomainError as error:
            self.errors.show(error)
            self.decline_reason.setFocus()
            return
        self._built_for = None
        self.flow.set_visit(None)
        self.flow.set_patient(None)
        self.flow.go("patient")
