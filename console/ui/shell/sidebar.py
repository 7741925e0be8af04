"""The visit's steps down the side: as wide as its longest name, up to a cap the steps can spare."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QListWidget, QWidget

from console.ui.widgets import theme

# What the widest screens (Treat, Consent, Records) leave beside them in a 1280-pixel window
# at type size 1.3: a sidebar of 232 pushed Treat 30 px past the edge, one of 226 Records 1 px.
WIDEST = 220


class Sidebar(QListWidget):
    """A name that would need more than ``WIDEST`` (German at type size 1.3: "5  Vorbereitung")
    is shown in the body's type size instead of the sidebar's larger one, whole, never elided."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the screen
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._fitting = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.fit()

    def fit(self) -> None:
        """Width from the names in the type the theme gives them (called again when it
        changes); the compact type only when the names would not fit the cap."""
        if self._fitting:
            return  # restyling below sends a StyleChange of its own
        self._fitting = True
        try:
            for compact in (False, True):
                theme.restyle(self, fit="compact" if compact else "")
                wanted = self.sizeHintForColumn(0) + 2 * self.frameWidth()
                if wanted <= WIDEST:
                    break
            self.setFixedWidth(min(wanted, WIDEST))
        finally:
            self._fitting = False
