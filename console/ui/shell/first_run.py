"""First start: no one can sign in yet, so the console asks for an admin account.

There is no default password to forget to change: the first person creates the admin.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from console.access import auth
from console.context import AppContext
from console.errors import DomainError
from console.ui.widgets import theme


class FirstAdminForm(QWidget):
    created = Signal(str, str)  # practitioner id, PIN (to sign in at once)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("Create the first admin account"))
        theme.mark(title, role="title")
        intro = QLabel(
            self.tr(
                "Nobody can sign in to this console yet. The admin manages settings, the "
                "protocol library, the other accounts and the audit trail. Use 4 to 12 digits "
                "as a PIN, or a password of at least 8 characters."
            )
        )
        intro.setWordWrap(True)
        theme.mark(intro, role="hint")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("e.g. Dr Amara Okafor"))
        self.pin = QLineEdit()
        self.pin2 = QLineEdit()
        for field, name in ((self.pin, "pin"), (self.pin2, "pin2")):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setObjectName(name)
            field.setMaxLength(64)
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for label, field, key in (
            (self.tr("Your name as it will appear"), self.name, "name"),
            (self.tr("PIN or password"), self.pin, "pin"),
            (self.tr("The same again"), self.pin2, "pin2"),
        ):
            error = QLabel()
            error.setObjectName(f"error-{key}")
            theme.mark(error, role="error")
            self.errors[key] = error
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(error)
            form.addRow(label, column)
        self.general_error = QLabel()
        theme.mark(self.general_error, role="error")
        self.create_button = QPushButton(self.tr("Create admin account and sign in"))
        self.create_button.setObjectName("create-admin")
        theme.mark(self.create_button, primary=True)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.pin2.returnPressed.connect(self._on_create_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 40)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(16)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def enter(self) -> None:
        self.name.setFocus()

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear()

    def _on_create_clicked(self) -> None:
        self._clear_errors()
        pin = self.pin.text()
        try:
            auth.check_pin_rules(pin)
            if pin != self.pin2.text():
                raise DomainError("The two entries differ: type the same PIN twice.", field="pin2")
            pid = auth.create_first_admin(self.ctx, self.name.text(), pin)
        except DomainError as error:
            self.errors.get(error.field or "", self.general_error).setText(error.message)
            if error.field in ("pin", "pin2"):
                self.pin.clear()
                self.pin2.clear()
                self.pin.setFocus()
            return
        self.created.emit(pid, pin)
