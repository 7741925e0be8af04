"""Settings → About: the console's version, its schema version and where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from console.context import AppContext
from console.settings.about import about


class AboutTab(QWidget):
    """Read-only, for everyone: what support asks for first, selectable to copy."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("version", self.tr("Console version")),
            ("schema", self.tr("Database schema")),
            ("db_path", self.tr("Database file")),
            ("data_dir", self.tr("Data folder")),
            ("backups", self.tr("Backups")),
            ("handouts_dir", self.tr("Aftercare sheets")),
            ("logs_dir", self.tr("Log files")),
        ):
            value = QLabel()
            value.setObjectName(f"about-{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(label, value)
        self.refresh()

    def refresh(self) -> None:
        info = about(self.ctx)
        newest = (
            self.tr(", newest {when}").format(when=info.newest_backup) if info.newest_backup else ""
        )
        self.values["version"].setText(info.version)
        self.values["schema"].setText(info.schema)
        self.values["db_path"].setText(info.db_path)
        self.values["data_dir"].setText(str(info.data_dir))
        self.values["backups"].setText(
            self.tr("{folder} ({count} kept{newest})").format(
                folder=info.backups_dir, count=info.backups, newest=newest
            )
        )

        self.values["handouts_dir"].setText(str(info.handouts_dir))
        self.values["logs_dir"].setText(str(info.logs_dir))

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # a backup may have been taken since the tab was built
        super().showEvent(event)
