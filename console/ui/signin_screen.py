"""Sign-in: the practitioner on duty picks their name (PINs arrive with console/auth.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from console.context import AppContext
from console.data import practitioners_repo
from console.ui import theme
from console.ui.flow import VisitFlow


class SignInScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        title = QLabel("Who is treating?")
        theme.mark(title, role="title")
        self.names = QListWidget()
        self.names.itemActivated.connect(lambda _item: self._on_sign_in_clicked())
        self.sign_in = QPushButton("Sign in")
        theme.mark(self.sign_in, primary=True)
        self.sign_in.clicked.connect(self._on_sign_in_clicked)
        self.error = QLabel()
        theme.mark(self.error, role="error")
        layout = QVBoxLayout(self)
        for w in (title, self.names, self.error, self.sign_in):
            layout.addWidget(w)

    def enter(self) -> None:
        self.names.clear()
        self._ids = []
        for p in practitioners_repo.list_active(self.ctx.db):
            self.names.addItem(p["display_name"])
            self._ids.append(p["id"])
        if self._ids:
            self.names.setCurrentRow(0)
        self.names.setFocus()

    def _on_sign_in_clicked(self) -> None:
        row = self.names.currentRow()
        if row < 0:
            self.error.setText("Choose your name first.")
            return
        self.ctx.practitioner_id = self._ids[row]
        self.flow.set_practitioner(self._ids[row])
        self.flow.go("patient")
