"""Sign-in: the practitioner on duty picks their name and enters their PIN.

On a new install nobody can sign in yet, and the screen asks for the first admin instead.
"""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from console.access import auth
from console.context import AppContext
from console.errors import DomainError
from console.ui.shell.first_run import FirstAdminForm
from console.ui.shell.flow import VisitFlow
from console.ui.widgets import theme
from console.ui.widgets.pin import NamesAndPin


def people_who_can_sign_in(ctx: AppContext) -> list[dict[str, object]]:
    return auth.who_can_sign_in(ctx)


class SignInScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.pages = QStackedWidget()
        self.first_admin = FirstAdminForm(ctx)
        self.first_admin.created.connect(self._on_first_admin_created)
        self.pages.addWidget(self._build_choose_page())
        self.pages.addWidget(self.first_admin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def _build_choose_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Who is treating?"))
        theme.mark(title, role="title")
        hint = QLabel(self.tr("Choose your name, then type your PIN and press Enter."))
        theme.mark(hint, role="hint")
        panel = NamesAndPin(self.tr("Sign in"), error_name="signin-error")
        self.panel = panel
        self.names, self.pad, self.error = panel.names, panel.pad, panel.error
        self.prompt = panel.prompt
        self.names.chosen.connect(self._on_names_chosen)
        self.pad.submitted.connect(self._on_pad_submitted)
        self.empty = QLabel()
        theme.mark(self.empty, role="hint")
        row = panel.row
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(16)
        layout.addLayout(row, 1)
        layout.addWidget(self.empty)
        return page

    # -- entering ---------------------------------------------------------------------------
    def enter(self) -> None:
        self.panel.reset()
        if auth.nobody_can_sign_in(self.ctx):
            self.pages.setCurrentWidget(self.first_admin)
            self.first_admin.enter()
            return
        self.pages.setCurrentIndex(0)
        people = people_who_can_sign_in(self.ctx)
        self.names.set_people(people)
        without_pin = len(auth.active_accounts(self.ctx)) - len(people)
        self.empty.setText(
            self.tr("{count} account(s) have no PIN yet: an admin can set one in Settings.").format(
                count=without_pin
            )
            if without_pin
            else ""
        )
        # The last person signed in on this PC is the likeliest next one.
        self.names.select(self.flow.practitioner_id or (str(people[0]["id"]) if people else None))
        self.pad.focus()

    def focusInEvent(self, event: QFocusEvent) -> None:
        # The window focuses the screen when it is shown: the PIN field should have it.
        if self.pages.currentIndex() == 0:
            self.pad.focus()
        super().focusInEvent(event)

    def _on_names_chosen(self, practitioner_id: str) -> None:
        name = auth.display_name(self.ctx, practitioner_id)
        self.prompt.setText(self.tr("PIN for {name}").format(name=name) if name else "")
        self.error.clear()
        self.pad.clear()
        self.pad.focus()

    # -- signing in -------------------------------------------------------------------------
    def _on_pad_submitted(self, pin: str) -> None:
        practitioner_id = self.names.current_id()
        if practitioner_id is None:
            self.error.setText(self.tr("Choose your name first."))
            return
        if not pin:
            self.error.setText(self.tr("Type your PIN, then press Enter."))
            self.pad.focus()
            return
        self.sign_in(practitioner_id, pin)

    def sign_in(self, practitioner_id: str, pin: str) -> bool:
        try:
            auth.sign_in(self.ctx, practitioner_id, pin)
        except DomainError as error:
            self.error.setText(error.message)
            self.pad.clear()
            self.pad.focus()
            return False
        self.pad.clear()
        self.error.clear()
        self.flow.set_practitioner(practitioner_id)  # into the context: records carry it
        self.flow.signed_in.emit(practitioner_id)
        self.flow.go("patient")
        return True

    def _on_first_admin_created(self, practitioner_id: str, pin: str) -> None:
        self.pages.setCurrentIndex(0)
        self.names.set_people(people_who_can_sign_in(self.ctx))
        self.names.select(practitioner_id)
        self.sign_in(practitioner_id, pin)
