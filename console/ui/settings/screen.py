"""Settings: the clinic's details, the room's keys, the protocol library, a live sheet preview.

Only admins change anything once accounts exist; others see the same tabs read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.access import auth
from console.context import AppContext
from console.errors import DomainError
from console.protocol import edit as protocol_edit
from console.settings import service as settings_service
from console.settings.service import SettingsInvalid
from console.ui.settings.about import AboutTab
from console.ui.settings.consent_editor import ConsentEditor
from console.ui.settings.forms import ClinicTab, RoomTab
from console.ui.settings.photo_views_editor import PhotoViewsEditor
from console.ui.settings.preview import PreviewTab
from console.ui.settings.protocol_editor import ProtocolEditor
from console.ui.settings.texts_editor import LanguageTextsTab
from console.ui.shell.flow import VisitFlow
from console.ui.widgets import common as widgets

if TYPE_CHECKING:  # built on first use by admins; the screen's first paint needs neither
    from console.ui.records.audit_view import AuditView
    from console.ui.settings.accounts_view import AccountsView


class SettingsScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.banner = widgets.warning_label()
        self.notice = widgets.warning_label()
        self.notice.setObjectName("settings-notice")
        self._viewer: str | None = None  # whose edits the forms may hold
        self.clinic = ClinicTab()
        self.room = RoomTab()
        self.protocol = ProtocolEditor(ctx)
        self.preview = PreviewTab(
            lambda: {**settings_service.get_all(ctx), **self.clinic.values()}, self.protocol.body
        )
        self.audit: AuditView | None = None
        self.accounts: AccountsView | None = None
        self._admin_holders: list[QScrollArea] = []
        self.tabs = QTabWidget()
        self.tabs.addTab(self._with_save_bar(self.clinic), self.tr("Clinic"))
        self.tabs.addTab(self._with_save_bar(self.room), self.tr("Room"))
        self.tabs.addTab(self.protocol, self.tr("Protocol library"))
        self.tabs.addTab(self.preview, self.tr("Live preview"))
        self.tabs.addTab(LanguageTextsTab(ctx), self.tr("Texts per language"))
        self.tabs.addTab(ConsentEditor(ctx), self.tr("Consent"))
        self.tabs.addTab(PhotoViewsEditor(ctx), self.tr("Photo views"))
        self.tabs.addTab(AboutTab(ctx), self.tr("About"))
        lay = QVBoxLayout(self)
        lay.addWidget(widgets.title(self.tr("Settings")))
        lay.addWidget(self.banner)
        lay.addWidget(self.notice)
        lay.addWidget(self.tabs, 1)
        self.clinic.changed.connect(self._on_clinic_changed)
        self.room.changed.connect(self._on_room_changed)
        self.protocol.edited.connect(self.preview.mark_dirty)
        self.protocol.saved.connect(lambda _v: self.preview.mark_dirty())
        self.protocol.preview_requested.connect(lambda: self.tabs.setCurrentWidget(self.preview))
        self.read_only = False
        # Rights and unsaved edits are checked at every sign-in, also while Settings is shown.
        flow.signed_in.connect(self._on_flow_signed_in)
        self.enter()

    # The window holds each screen in a scroll area, which sizes a screen whose layout has a
    # height-for-width (word-wrapped labels) to its *preferred* height: taller than a room
    # monitor. Every tab scrolls on its own, so the screen only needs its minimum height.
    def hasHeightForWidth(self) -> bool:
        return False

    def heightForWidth(self, width: int) -> int:
        return -1

    def _with_save_bar(self, form: QWidget) -> QWidget:
        page = QWidget()
        save = widgets.primary(self.tr("Save settings"))
        save.setObjectName("save-settings")
        status = QLabel()
        status.setObjectName("settings-status")
        save.clicked.connect(lambda: self.save_settings(status))
        bar = QHBoxLayout()
        bar.addWidget(status, 1)
        bar.addWidget(save)
        lay = QVBoxLayout(page)
        lay.addWidget(form, 1)
        lay.addLayout(bar)
        page.setProperty("save_button", save)
        self._save_buttons = [*getattr(self, "_save_buttons", []), save]
        self._statuses = [*getattr(self, "_statuses", []), status]
        return page

    # -- entering: values and role -------------------------------------------------------
    def _on_flow_signed_in(self, _practitioner_id: str) -> None:
        self.enter()

    def enter(self) -> None:
        # Coming back from another screen keeps unsaved edits; untouched forms are refreshed.
        # Edits typed by someone else are never kept: they would be saved under this user.
        if self.ctx.practitioner_id != self._viewer:
            self._discard_edits_of(self._viewer)
            self._viewer = self.ctx.practitioner_id
        values = settings_service.get_all(self.ctx)
        for form in (self.clinic, self.room):
            if not form.dirty:
                form.load(values)
        self._show_room_file()
        if not self.protocol.dirty:
            self.protocol.load()
        self.preview.mark_dirty()
        for status in self._statuses:
            status.clear()
        self.read_only = not protocol_edit.can_edit(self.ctx)
        self.banner.setText(
            self.tr("Only an admin can change settings: you are viewing them.")
            if self.read_only
            else ""
        )
        self.banner.setVisible(self.read_only)
        for form in (self.clinic, self.room):
            form.set_read_only(self.read_only)
        self.protocol.set_read_only(self.read_only)
        for button in self._save_buttons:
            button.setEnabled(not self.read_only)
        self._sync_admin_tabs()

    def _discard_edits_of(self, previous: str | None) -> None:
        edited = [
            name
            for name, dirty in (
                (self.tr("Clinic"), self.clinic.dirty),
                (self.tr("Room"), self.room.dirty),
                (self.tr("Protocol library"), self.protocol.dirty),
            )
            if dirty
        ]
        accounts = self.accounts
        if accounts is not None and accounts.discard_typing():
            edited.append(self.tr("Accounts"))
        self.clinic.dirty = self.room.dirty = False  # reloaded from the database by enter()
        if self.protocol.dirty:
            self.protocol.load()
        if not edited or previous is None:
            self.notice.clear()
            self.notice.setVisible(False)
            return
        name = auth.display_name(self.ctx, previous) or self.tr("the previous user")
        self.notice.setText(
            self.tr(
                "Unsaved changes by {name} ({edited}) were discarded when someone "
                "else signed in. Nothing of them was saved."
            ).format(name=name, edited=", ".join(edited))
        )
        self.notice.setVisible(True)

    def _sync_admin_tabs(self) -> None:
        """Accounts and the audit trail are for admins only: added or removed on entering."""
        want = not self.read_only and self.ctx.practitioner_id is not None
        if want and self.audit is None:
            from console.ui.records.audit_view import AuditView
            from console.ui.settings.accounts_view import AccountsView

            self.accounts = AccountsView(self.ctx, self)
            self.audit = AuditView(self.ctx, self)
            for title, view in (
                (self.tr("Accounts"), self.accounts),
                (self.tr("Audit"), self.audit),
            ):
                # Their filter rows are wider than the room screen at the default type size:
                # they scroll inside the tab rather than widen the whole window.
                holder = QScrollArea()
                holder.setWidgetResizable(True)
                holder.setFrameShape(QScrollArea.Shape.NoFrame)
                holder.setWidget(view)
                self.tabs.addTab(holder, title)
                self._admin_holders.append(holder)
        elif not want and self.audit is not None:
            for holder in self._admin_holders:
                self.tabs.removeTab(self.tabs.indexOf(holder))
                holder.deleteLater()
            self._admin_holders, self.accounts, self.audit = [], None, None
        for admin_view in (self.accounts, self.audit):
            if admin_view is not None:
                admin_view.refresh()

    # -- saving -------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {**self.clinic.values(), **self.room.values()}

    def save_settings(self, status: QLabel | None = None) -> bool:
        for s in self._statuses:
            s.clear()
        try:
            saved = settings_service.save(self.ctx, self.values())
        except SettingsInvalid as exc:
            self.clinic.show_problems(exc.problems)
            self.room.show_problems(exc.problems)
            self._say(status, self.tr("Not saved: fix the fields marked in red."))
            return False
        except DomainError as exc:
            self._say(status, exc.message)
            return False
        self.clinic.load(saved.values)
        self.room.load(saved.values)
        self._show_room_file()
        # The window's title names the room: a renamed room shows at once.
        show_room = getattr(self.window(), "show_room_name", None)
        if callable(show_room):
            show_room()
        self.preview.mark_dirty()
        # The idle lock reads its minutes and key when told to; tell it now, not at next sign-in.
        lock = getattr(self.window(), "idle_lock", None)
        if lock is not None and hasattr(lock, "reload_settings"):
            lock.reload_settings()
        n = len(saved.changed)
        said = self.tr("Saved {n} change(s).").format(n=n) if n else self.tr("Nothing had changed.")
        self._say(status, f"{said} {saved.notice}".strip())
        if self.audit is not None:
            self.audit.refresh()
        return True

    def _show_room_file(self) -> None:
        where = settings_service.room_file(self.ctx)
        self.room.show_storage(where.path, where.problem)

    def _say(self, status: QLabel | None, text: str) -> None:
        for s in self._statuses if status is None else [status]:
            s.setText(text)

    # -- live checks ----------------------------------------------------------------------
    def _on_clinic_changed(self) -> None:
        _, problems = settings_service.check(
            self.clinic.values(), settings_service.get_all(self.ctx)
        )
        self.clinic.show_problems(problems)
        self.preview.mark_dirty()

    def _on_room_changed(self) -> None:
        _, problems = settings_service.check(self.room.values())
        self.room.show_problems(problems)

    def shutdown(self) -> None:
        self.preview.shutdown()
