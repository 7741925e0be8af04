"""Practitioner accounts: everyone changes their own PIN; admins add, reset and deactivate.

Meant as a Settings tab (``AccountsView(ctx, parent)``); every change is audited by
console/access/auth.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.access import auth
from console.context import AppContext
from console.errors import DomainError
from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.widgets import theme

# Marked for lupdate here, translated where they are shown.
COLUMNS = (
    QT_TRANSLATE_NOOP("AccountsView", "Name"),
    QT_TRANSLATE_NOOP("AccountsView", "Role"),
    QT_TRANSLATE_NOOP("AccountsView", "Status"),
)
ROLES = {
    "practitioner": QT_TRANSLATE_NOOP("AccountsView", "practitioner"),
    "admin": QT_TRANSLATE_NOOP("AccountsView", "admin"),
}


def _secret(name: str, placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setMaxLength(64)
    return field


class AccountsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids: list[str] = []
        w: QWidget  # each row's widgets, laid out in turn
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("accounts-table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setObjectName("accounts-message")
        self.message.setWordWrap(True)

        # Own PIN: for everyone.
        self.old_pin = _secret("old-pin", self.tr("current PIN"))
        self.new_pin = _secret("new-pin", self.tr("new PIN"))
        self.new_pin2 = _secret("new-pin2", self.tr("new PIN again"))
        self.change = QPushButton(self.tr("Change my PIN"))
        self.change.clicked.connect(self._on_change_clicked)
        own = QGroupBox(self.tr("My PIN"))
        own_row = QHBoxLayout(own)
        for w in (self.old_pin, self.new_pin, self.new_pin2, self.change):
            own_row.addWidget(w)

        # Admin: add, reset, deactivate.
        self.name = QLineEdit()
        self.name.setObjectName("new-name")
        self.name.setPlaceholderText(self.tr("name as shown at sign-in"))
        self.role = QComboBox()
        for role, label in ROLES.items():
            self.role.addItem(self.tr(label), role)
        self.add_pin = _secret("add-pin", self.tr("PIN"))
        self.add = QPushButton(self.tr("Add account"))
        self.add.clicked.connect(self._on_add_clicked)
        self.reset_pin = _secret("reset-pin", self.tr("new PIN for the selected account"))
        self.reset = QPushButton(self.tr("Set PIN (clears a lockout)"))
        self.reset.clicked.connect(self._on_reset_clicked)
        self.deactivate = QPushButton(self.tr("Deactivate selected"))
        self.deactivate.clicked.connect(self._on_deactivate_clicked)
        self.admin_box = QGroupBox(self.tr("Accounts (admin)"))
        admin_layout = QVBoxLayout(self.admin_box)
        add_row = QHBoxLayout()
        for w in (self.name, self.role, self.add_pin, self.add):
            add_row.addWidget(w)
        sel_row = QHBoxLayout()
        for w in (self.reset_pin, self.reset, self.deactivate):
            sel_row.addWidget(w)
        admin_layout.addLayout(add_row)
        admin_layout.addLayout(sel_row)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(own)
        layout.addWidget(self.admin_box)
        self.refresh()

    # -- showing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        now = self.ctx.now()
        zone = self.ctx.timezone()
        rows = auth.accounts(self.ctx)
        self._ids = [str(r["id"]) for r in rows]
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            until = auth.locked_until(row, now)
            if not row["active"]:
                status = self.tr("Deactivated")
            elif until is not None:
                status = self.tr("Locked until {time}").format(
                    time=f"{until.astimezone(zone):%H:%M}"
                )
            elif not row["pin_hash"]:
                status = self.tr("No PIN: cannot sign in")
            else:
                status = self.tr("Active")
            role = self.tr(ROLES[row["role"]]) if row["role"] in ROLES else row["role"]
            for c, text in enumerate((row["display_name"], role, status)):
                self.table.setItem(i, c, QTableWidgetItem(str(text)))
        self.admin_box.setVisible(auth.signed_in_is_admin(self.ctx))

    def selected_id(self) -> str | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _say(self, text: str, *, error: bool = False) -> None:
        theme.mark(self.message, role="error" if error else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def _run(self, action: object, done: str, *fields: QLineEdit) -> bool:
        """Run one account change; secrets are cleared whatever happened."""
        try:
            action()  # type: ignore[operator]
        except DomainError as error:
            self._say(error.message, error=True)
            return False
        finally:
            for field in fields:
                field.clear()
        self._say(done)
        self.refresh()
        return True

    # -- actions ----------------------------------------------------------------------------
    def _on_change_clicked(self) -> None:
        old, new = self.old_pin.text(), self.new_pin.text()

        def change() -> None:
            if new != self.new_pin2.text():
                raise DomainError(self.tr("The two new PINs differ."), field="pin")
            auth.change_pin(self.ctx, old, new)

        self._run(
            change, self.tr("Your PIN has been changed."), self.old_pin, self.new_pin, self.new_pin2
        )

    def _on_add_clicked(self) -> None:
        name, pin, role = self.name.text(), self.add_pin.text(), self.role.currentData()
        if self._run(
            lambda: auth.create_practitioner(self.ctx, name, role, pin),
            self.tr("Account added: {name}.").format(name=" ".join(name.split())),
            self.add_pin,
        ):
            self.name.clear()

    def _on_reset_clicked(self) -> None:
        who, pin = self.selected_id(), self.reset_pin.text()
        if who is None:
            self._say(self.tr("Select an account in the table first."), error=True)
            return
        self._run(lambda: auth.reset_pin(self.ctx, who, pin), self.tr("PIN set."), self.reset_pin)

    def discard_typing(self) -> bool:
        """Empty every field (for the next person signing in); True if anything was typed."""
        fields = (
            self.old_pin,
            self.new_pin,
            self.new_pin2,
            self.name,
            self.add_pin,
            self.reset_pin,
        )
        typed = any(f.text() for f in fields)
        for field in fields:
            field.clear()
        self.message.clear()
        self.table.clearSelection()
        return typed

    @classmethod
    def deactivate_box(cls, parent: QWidget, text: str) -> QMessageBox:
        """The question, with No as the answer to Enter and Escape: a slip keeps the account."""
        no, yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("AccountsView", "Deactivate account"),
            text,
            yes | no,
            parent,
        )
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        return box

    @classmethod
    def ask_confirm(cls, parent: QWidget, text: str) -> bool:
        box = cls.deactivate_box(parent, text)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _on_deactivate_clicked(self) -> None:
        who = self.selected_id()
        if who is None:
            self._say(self.tr("Select an account in the table first."), error=True)
            return
        cell = self.table.item(self.table.currentRow(), 0)
        name = cell.text() if cell is not None else ""
        if not self.ask_confirm(
            self,
            self.tr(
                "Deactivate {name}? They can no longer sign in; their records stay theirs."
            ).format(name=name),
        ):
            return
        self._run(
            lambda: auth.deactivate(self.ctx, who),
            self.tr("{name} can no longer sign in.").format(name=name),
        )
