"""A table whose columns share the width it has: nothing scrolls sideways, and a long text
(a zone name, an endpoint) wraps onto a second line instead of being elided ("Pinpoint …")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStyle, QTableWidget, QWidget


class FittedTable(QTableWidget):
    """Call ``fit()`` after filling it; it fits itself again whenever it is resized."""

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setStretchLastSection(True)

    def fit(self) -> None:
        header = self.horizontalHeader()
        columns = range(self.columnCount())
        # One line each when there is room; else every column gives up part of what it has
        # beyond its longest word (and its header), so texts wrap between words, never inside.
        natural = [max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in columns]
        least = [min(natural[c], self._least_width(c)) for c in columns]
        excess = sum(natural) - self.viewport().width()
        spare = sum(natural) - sum(least)
        widths = natural
        if excess > 0:
            share = min(1.0, excess / spare) if spare else 0.0
            widths = [n - int((n - m) * share + 0.999) for n, m in zip(natural, least, strict=True)]
        for c in columns:
            self.setColumnWidth(c, widths[c])
        # Never narrower than every column at its least: the layout gives the room to others.
        chrome = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(sum(least) + chrome)
        self.resizeRowsToContents()

    def _least_width(self, column: int) -> int:
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 2
        metrics = self.fontMetrics()
        words = [
            word
            for row in range(self.rowCount())
            if (item := self.item(row, column)) is not None
            # Qt wraps at spaces, not at no-break spaces ("0.75\u00a0mm" stays one word).
            for word in item.text().split(" ")
        ]
        longest = max((metrics.horizontalAdvance(w) for w in words), default=0)
        return max(longest + margin, self.horizontalHeader().sectionSizeHint(column))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
