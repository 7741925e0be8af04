"""The admin's view of the audit trail: filter by who, what and when; export to CSV."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.access import audit, auth
from console.context import AppContext
from console.errors import DomainError
from console.ui.shell import i18n
from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.widgets import theme

# Marked for lupdate here, translated where the header is made.
COLUMNS = (
    QT_TRANSLATE_NOOP("AuditView", "When"),
    QT_TRANSLATE_NOOP("AuditView", "Who"),
    QT_TRANSLATE_NOOP("AuditView", "Action"),
    QT_TRANSLATE_NOOP("AuditView", "Record"),
    QT_TRANSLATE_NOOP("AuditView", "Detail"),
)
SHOW_AT_MOST = 1000


def _day(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class AuditView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.who = QComboBox()
        self.who.setObjectName("audit-who")
        self.action = QComboBox()
        self.action.setObjectName("audit-action")
        today = self._today()
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy")
            edit.dateChanged.connect(self.refresh)
        self.who.currentIndexChanged.connect(self.refresh)
        self.action.currentIndexChanged.connect(self.refresh)
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.setObjectName("audit-export")
        self.export.clicked.connect(self._on_export_clicked)
        self.verify = QPushButton(self.tr("Verify trail"))
        self.verify.setObjectName("audit-verify")
        self.verify.setToolTip(self.tr("Check every entry against its hash chain and the backups"))
        self.verify.clicked.connect(self._on_verify_clicked)
        self.chain = QLabel()
        self.chain.setObjectName("audit-chain")
        self.chain.setWordWrap(True)
        self.summary = QLabel()
        theme.mark(self.summary, role="hint")
        self.message = QLabel()
        self.message.setWordWrap(True)
        theme.mark(self.message, role="error")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("audit-table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Who"), self.who),
            (self.tr("Action"), self.action),
            (self.tr("From"), self.since),
            (self.tr("to"), self.until),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.verify)
        filters.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.chain)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self._fill_choices()
        self.refresh()

    def _today(self) -> QDate:
        d = self.ctx.now().astimezone(self.ctx.timezone()).date()
        return QDate(d.year, d.month, d.day)

    def _fill_choices(self) -> None:
        self._names = auth.names(self.ctx)
        keep = {combo: combo.currentData() for combo in (self.who, self.action)}
        for combo in (self.who, self.action):
            combo.blockSignals(True)
            combo.clear()
        self.who.addItem(self.tr("Everyone"), None)
        for pid, name in sorted(self._names.items(), key=lambda kv: kv[1].casefold()):
            self.who.addItem(name, pid)
        self.action.addItem(self.tr("Every action"), None)
        actions = audit.actions(self.ctx)
        groups = sorted({a.split(".")[0] + "." for a in actions if "." in a})
        for group in groups:
            self.action.addItem(self.tr("{group} (all)").format(group=group[:-1]), group)
        for name in actions:
            self.action.addItem(name, name)
        for combo in (self.who, self.action):
            combo.setCurrentIndex(max(0, combo.findData(keep[combo])))
            combo.blockSignals(False)

    def current_filter(self) -> audit.AuditFilter:
        zone = self.ctx.timezone()
        start = _day(self.since.date())
        end = _day(self.until.date()) + timedelta(days=1)  # the whole last day
        return audit.AuditFilter(
            since=datetime.combine(start, time(), zone),
            until=datetime.combine(end, time(), zone),
            practitioner_id=self.who.currentData(),
            action=self.action.currentData(),
        )

    def refresh(self, *_: object) -> None:
        self.message.clear()
        where = self.current_filter()
        try:
            rows = audit.view(self.ctx, where, limit=SHOW_AT_MOST)
        except DomainError as error:
            self.message.setText(error.message)
            self.table.setRowCount(0)
            self.export.setEnabled(False)
            return
        self.export.setEnabled(True)
        total = audit.count(self.ctx, where)
        self.summary.setText(
            self.tr("{total} entries").format(total=total)
            if total <= SHOW_AT_MOST
            else self.tr(
                "Newest {shown} of {total} entries shown; the export holds them all."
            ).format(shown=SHOW_AT_MOST, total=total)
        )
        zone = self.ctx.timezone()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            at = datetime.fromisoformat(row["at"]).astimezone(zone)
            record = f"{row['entity']} {row['entity_id'][:8]}".strip()
            detail = json.loads(row["detail"] or "{}")
            cells = (
                i18n.day_time(at, seconds=True),
                self._names.get(row["practitioner_id"] or "", "—"),
                row["action"],
                record,
                ", ".join(f"{k}: {v}" for k, v in detail.items()),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setToolTip(f"{row['entity']} {row['entity_id']}")
                self.table.setItem(r, c, item)

    @classmethod
    def ask_path(cls, parent: QWidget, suggested: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("AuditView", "Export the audit trail"),
            str(suggested),
            QCoreApplication.translate("AuditView", "CSV files (*.csv)"),
        )
        return Path(chosen) if chosen else None

    def _on_verify_clicked(self) -> None:
        # On demand, not at every refresh: a long trail takes about 2 s per 100,000 entries.
        try:
            state = audit.verify(self.ctx)
        except DomainError as error:
            self.message.setText(error.message)
            return
        text = state.sentence()
        text = text[0].upper() + text[1:] + "."
        if not state.ok:
            text += self.tr(
                " Keep this file and its backups as they are and tell whoever looks after "
                "the clinic's records."
            )
        self.chain.setText(text)
        theme.mark(self.chain, role="hint" if state.ok else "error")
        self.chain.style().unpolish(self.chain)  # the role changed: restyle
        self.chain.style().polish(self.chain)

    def _on_export_clicked(self) -> None:
        stamp = self.ctx.now().astimezone(self.ctx.timezone()).strftime("%Y%m%d-%H%M")
        path = self.ask_path(self, Path.home() / f"audit-{stamp}.csv")
        if path is None:
            return
        try:
            count = audit.export_csv(self.ctx, path, self.current_filter())
        except (DomainError, OSError) as error:
            self.message.setText(
                getattr(error, "message", None)
                or self.tr("Not exported: {error}").format(error=error)
            )
            return
        self.summary.setText(
            self.tr("Exported {count} entries to {path}").format(count=count, path=path)
        )

        self._fill_choices()

    def showEvent(self, event: QShowEvent) -> None:
        self._fill_choices()
        self.refresh()
        super().showEvent(event)
