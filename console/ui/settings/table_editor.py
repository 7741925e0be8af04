"""An editable table of a protocol section's items (dicts), with problems marked on cells."""

from __future__ import annotations

import copy
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.protocol.check import Problem
from console.ui.widgets import common as widgets

BAD = QColor("#fde2e1")
Choices = Callable[[], list[tuple[str, str]]]  # (stored value, label)


@dataclass(frozen=True)
class Column:
    key: str  # the path element after the row index, as problems name it
    header: str
    get: Callable[[dict[str, Any]], str]
    put: Callable[[dict[str, Any], str], None]
    sub: str | None = None  # a second path element (zones' typical ranges per concern)
    choices: Choices | None = None
    stretch: bool = False


def plain(key: str, header: str, *, stretch: bool = False) -> Column:
    def put(item: dict[str, Any], text: str) -> None:
        item[key] = text.strip()

    return Column(key, header, lambda i: str(i.get(key) or ""), put, stretch=stretch)


def parse_number(text: str) -> Any:
    """A number when it reads as one; else the text itself, so the check can say so."""
    t = text.strip().replace(",", ".")
    try:
        return int(t) if re.fullmatch(r"-?\d+", t) else float(t)
    except ValueError:
        return text


def number(key: str, header: str, *, optional: bool = False) -> Column:
    def get(item: dict[str, Any]) -> str:
        value = item.get(key)
        return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)

    def put(item: dict[str, Any], text: str) -> None:
        item[key] = None if optional and not text.strip() else parse_number(text)

    return Column(key, header, get, put)


def choice(key: str, header: str, choices: Choices) -> Column:
    def put(item: dict[str, Any], value: str) -> None:
        item[key] = value

    return Column(key, header, lambda i: str(i.get(key, "")), put, choices=choices)


def slug(text: str, taken: set[str]) -> str:
    from console.model.folding import fold

    base = re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")[:40] or "item"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


class TableEditor(QWidget):
    """Rows are the section's items; edits go straight into copies of them."""

    edited = Signal()

    def __init__(
        self,
        section: str,
        columns: list[Column],
        new_item: Callable[[], dict[str, Any]],
        *,
        name_key: str = "name",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.section, self.columns, self.new_item = section, columns, new_item
        self.name_key = name_key
        self._items: list[dict[str, Any]] = []
        self._loading = False
        self._problems: list[Problem] = []
        self._body: dict[str, Any] | None = None
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName(f"table:{section}")
        # Long headers (a concern's name) wrap onto two lines instead of widening the column.
        self.table.setHorizontalHeaderLabels([textwrap.fill(c.header, 18) for c in columns])
        self.table.setMinimumHeight(150)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        # With many columns a stretched one would be squeezed to nothing: give it a width and
        # let the table scroll sideways instead.
        wide = len(columns) > 6
        for i, c in enumerate(columns):
            if c.stretch and not wide:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            elif c.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, 260)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.currentCellChanged.connect(lambda *_: self._show_messages())
        # translate() with the class named, not self.tr: StringList subclasses this.
        self.add = QPushButton(QCoreApplication.translate("TableEditor", "Add"))
        self.remove = QPushButton(QCoreApplication.translate("TableEditor", "Remove"))
        self.up = QPushButton(QCoreApplication.translate("TableEditor", "Up"))
        self.down = QPushButton(QCoreApplication.translate("TableEditor", "Down"))
        self.add.clicked.connect(self._on_add_clicked)
        self.remove.clicked.connect(self._on_remove_clicked)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.message = widgets.error_label()
        self.message.setObjectName(f"problems:{section}")
        # Heading and buttons share one row: the table gets the height.
        self.heading = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        for b in (self.add, self.remove, self.up, self.down):
            top.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)

    def set_heading(self, text: str) -> None:
        self.heading.setText(f"<b>{text}</b>")

    # -- data ------------------------------------------------------------------------------
    def set_items(self, items: list[dict[str, Any]]) -> None:
        self._items = copy.deepcopy(items)
        self._rebuild()

    def items(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self._items)

    def set_read_only(self, read_only: bool) -> None:
        for b in (self.add, self.remove, self.up, self.down):
            b.setEnabled(not read_only)
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        self.table.setEditTriggers(triggers)
        for r in range(self.table.rowCount()):
            for c in range(len(self.columns)):
                w = self.table.cellWidget(r, c)
                if w is not None:
                    w.setEnabled(not read_only)

    def set_cell(self, row: int, key: str, text: str, sub: str | None = None) -> None:
        """Type into a cell as a user would (tests, and choices' combo boxes)."""
        col = self._column_index(key, sub)
        widget = self.table.cellWidget(row, col)
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(text))
        else:
            self._cell(row, col).setText(text)

    def _cell(self, row: int, col: int) -> QTableWidgetItem:
        item = self.table.item(row, col)
        if item is None:  # a cell never filled in is an empty one
            item = QTableWidgetItem()
            self.table.setItem(row, col, item)
        return item

    def _column_index(self, key: str, sub: str | None) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key and c.sub == sub)

    def _rebuild(self) -> None:
        self._loading = True
        # Replaced combo boxes are deleted later; hide them now so they never paint stale.
        for r in range(self.table.rowCount()):
            for c in range(self.table.columnCount()):
                old = self.table.cellWidget(r, c)
                if old is not None:
                    old.hide()
                    self.table.removeCellWidget(r, c)
        self.table.setRowCount(len(self._items))
        for r, item in enumerate(self._items):
            for c, col in enumerate(self.columns):
                if col.choices is not None:
                    combo = QComboBox()
                    for value, label in col.choices():
                        combo.addItem(label, value)
                    current = col.get(item)
                    if combo.findData(current) < 0:
                        combo.addItem(current or "(choose)", current)
                    combo.setCurrentIndex(combo.findData(current))
                    combo.currentIndexChanged.connect(
                        lambda _i, r=r, c=c, combo=combo: self._on_combo_changed(r, c, combo)
                    )
                    self.table.setCellWidget(r, c, combo)
                else:
                    self.table.setItem(r, c, QTableWidgetItem(col.get(item)))
        self.table.resizeRowsToContents()
        self._loading = False
        self.show_problems(self._problems, self._body)

    # -- edits -----------------------------------------------------------------------------
    def _on_table_item_changed(self, cell: QTableWidgetItem) -> None:
        if self._loading:
            return
        self._apply(cell.row(), cell.column(), cell.text())

    def _on_combo_changed(self, row: int, col: int, combo: QComboBox) -> None:
        if not self._loading:
            self._apply(row, col, str(combo.currentData()))

    def _apply(self, row: int, col: int, text: str) -> None:
        item, column = self._items[row], self.columns[col]
        column.put(item, text)
        has_id = any(c.key == "id" for c in self.columns)
        if has_id and column.key == self.name_key and not item.get("id"):
            # A new row gets its id from its name; visits keep referring to it by the id.
            taken = {str(i.get("id")) for i in self._items if i is not item}
            item["id"] = slug(text, taken)
            self._loading = True
            id_col = self._column_index("id", None)
            self._cell(row, id_col).setText(item["id"])
            self._loading = False
        self.edited.emit()

    def _on_add_clicked(self) -> None:
        self._items.append(self.new_item())
        self._rebuild()
        self.table.setCurrentCell(len(self._items) - 1, 0)
        self.edited.emit()

    def _on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._items):
            del self._items[row]
            self._rebuild()
            self.edited.emit()

    def _move(self, delta: int) -> None:
        row = self.table.currentRow()
        other = row + delta
        if 0 <= row < len(self._items) and 0 <= other < len(self._items):
            self._items[row], self._items[other] = self._items[other], self._items[row]
            self._rebuild()
            self.table.setCurrentCell(other, 0)
            self.edited.emit()

    # -- problems --------------------------------------------------------------------------
    def show_problems(self, problems: list[Problem], body: dict[str, Any] | None = None) -> None:
        """Mark the cells named by ``problems`` (those of this section) and list them."""
        self._problems = [p for p in problems if p.path and p.path[0] == self.section]
        self._body = body
        bad: dict[tuple[int, int], str] = {}
        for p in self._problems:
            if len(p.path) >= 2 and isinstance(p.path[1], int):
                key = p.path[2] if len(p.path) >= 3 else None
                sub = str(p.path[3]) if len(p.path) > 3 else None
                col = next(
                    (
                        i
                        for i, c in enumerate(self.columns)
                        if c.key == key and c.sub in (sub, None)
                    ),
                    0,
                )
                bad[(p.path[1], col)] = p.message
        # Styling a cell emits itemChanged: not an edit, so it must not count as one.
        was_loading, self._loading = self._loading, True
        try:
            for r in range(self.table.rowCount()):
                for c in range(len(self.columns)):
                    cell = self.table.item(r, c)
                    if cell is not None:
                        msg = bad.get((r, c))
                        cell.setBackground(QBrush(BAD) if msg else QBrush())
                        cell.setToolTip(msg or "")
        finally:
            self._loading = was_loading
        self._show_messages()

    def _show_messages(self) -> None:
        row = self.table.currentRow()
        lines = []
        # The current row's problems first: they sit right under what is being edited.
        ordered = sorted(self._problems, key=lambda p: len(p.path) < 2 or p.path[1] != row)
        for p in ordered[:4]:
            where = p.where(self._body or {self.section: self._items})
            lines.append(f"{where}: {p.message}")
        if len(ordered) > 4:
            more = QCoreApplication.translate("TableEditor", "… and {count} more")
            lines.append(more.format(count=len(ordered) - 4))

        self.message.setText("\n".join(lines))

    def problem_label(self) -> QLabel:
        return self.message
