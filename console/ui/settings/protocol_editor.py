"""The protocol library editor: every section as a table or form; saving adds a version."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.model.protocol import KINDS
from console.protocol import edit as protocol_edit
from console.protocol.check import SECTIONS, Problem
from console.protocol.edit import ImportReport
from console.ui.settings.protocol_columns import (
    StringList,
    flag,
    gtin,
    id_list,
    kind_choices,
    new_cartridge,
    new_device,
    typical,
    wait,
)
from console.ui.settings.table_editor import TableEditor, choice, number, plain
from console.ui.widgets import common as widgets


class ProtocolEditor(QWidget):
    edited = Signal()
    saved = Signal(int)  # the new version
    preview_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._base: dict[str, Any] = {}
        self._problems: list[Problem] = []
        self.dirty = False  # edited since the last load or save
        self.devices = TableEditor(
            "devices",
            [
                plain("id", self.tr("Id")),
                plain("name", self.tr("Device"), stretch=True),
                number("min_mm", self.tr("Min mm")),
                number("max_mm", self.tr("Max mm")),
                number("step_mm", self.tr("Step mm")),
                number("warn_above_mm", self.tr("Warn above"), optional=True),
                plain("warning", self.tr("Warning")),
                id_list("excluded_zones", self.tr("Never on")),
            ],
            new_device,
        )
        self.cartridges = TableEditor(
            "cartridge_types",
            [
                plain("id", self.tr("Id")),
                plain("name", self.tr("Cartridge"), stretch=True),
                choice("device_id", self.tr("Device"), self._device_choices),
                number("needle_count", self.tr("Needles")),
                gtin(),
            ],
            new_cartridge,
        )
        self.concerns = TableEditor(
            "concerns",
            [plain("id", self.tr("Id")), plain("name", self.tr("Concern"), stretch=True)],
            lambda: {"id": "", "name": ""},
        )
        self.zones = TableEditor("zones", [], self._new_zone)
        self.contra = TableEditor(
            "contraindications",
            [
                plain("id", self.tr("Id")),
                plain("text", self.tr("Question"), stretch=True),
                choice("kind", self.tr("Kind"), lambda: kind_choices(KINDS)),
                wait(),
                plain("event_label", self.tr("Date asked")),
                plain("prompt", self.tr("Prompt")),
                flag("blocks_numbing", self.tr("No numbing")),
            ],
            lambda: {"id": "", "kind": "hard_stop", "text": ""},
            name_key="text",
        )
        self.rules = TableEditor(
            "aftercare_rules",
            [
                plain("id", self.tr("Id")),
                choice("section", self.tr("List"), lambda: [(s, s) for s in SECTIONS]),
                plain("text", self.tr("Rule as printed"), stretch=True),
                number("from_h", self.tr("From h")),
                number("until_h", self.tr("Until h"), optional=True),
            ],
            lambda: {"id": "", "section": "avoid", "text": "", "from_h": 0, "until_h": 24},
            name_key="text",
        )
        self.expect = StringList("what_to_expect", self.tr("What to expect"))
        self.flags = StringList("red_flags", self.tr("Call the clinic if …"))
        self.directions = StringList("directions", self.tr("Pass directions"))
        self.endpoints = TableEditor(
            "endpoints",
            [plain("id", self.tr("Id")), plain("name", self.tr("Endpoint"), stretch=True)],
            lambda: {"id": "", "name": ""},
        )
        # The database accepts exactly these three endpoints: their names are editable, the
        # list is not.
        for b in (self.endpoints.add, self.endpoints.remove):
            b.hide()
        self.tables = [
            self.devices,
            self.cartridges,
            self.concerns,
            self.zones,
            self.contra,
            self.rules,
            self.expect,
            self.flags,
            self.directions,
            self.endpoints,
        ]
        self.spins: dict[tuple[str, ...], QSpinBox] = {}
        self.spin_errors: dict[tuple[str, ...], QLabel] = {}
        self.maintenance = QLineEdit()
        self.maintenance.setObjectName("series.maintenance")

        self.pages = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setFixedWidth(190)
        library: list[tuple[str, list[tuple[str, QWidget]]]] = [
            (
                self.tr("Devices"),
                [(self.tr("Devices"), self.devices), (self.tr("Cartridge types"), self.cartridges)],
            ),
            (
                self.tr("Zones"),
                [
                    (self.tr("Concerns"), self.concerns),
                    (self.tr("Zones and typical depths"), self.zones),
                ],
            ),
            (self.tr("Screening"), [(self.tr("Contraindications"), self.contra)]),
            (
                self.tr("Aftercare"),
                [
                    (self.tr("Rules (hours from the end of the visit)"), self.rules),
                    (self.tr("What to expect"), self.expect),
                    (self.tr("When to call"), self.flags),
                ],
            ),
            (
                self.tr("Series & visit"),
                [
                    ("", self._series_form()),
                    (self.tr("Endpoints"), self.endpoints),
                    (self.tr("Pass directions"), self.directions),
                ],
            ),
        ]
        for title, parts in library:
            page = QWidget()
            lay = QVBoxLayout(page)
            for heading, widget in parts:
                if isinstance(widget, TableEditor):
                    widget.set_heading(heading)
                elif heading:
                    lay.addWidget(QLabel(f"<b>{heading}</b>"))
                # The small lists (concerns, endpoints) leave the room to the big ones.
                small = widget in (self.concerns, self.endpoints, self.directions)
                if isinstance(widget, TableEditor):
                    # Enough rows to work with; the page scrolls when they do not all fit.
                    widget.table.setMinimumHeight(170 if small else 330)
                lay.addWidget(widget, 1 if small else 3)
            # Scrolls instead of growing the window past a 1366×768 room screen.
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self.pages.addWidget(scroll)
            self.nav.addItem(title)
        # As wide as its longest title: German ones ("Ausschlusskriterien") outgrow 190 px.
        frame = 2 * self.nav.frameWidth() + 12
        self.nav.setFixedWidth(max(190, self.nav.sizeHintForColumn(0) + frame))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)

        for t in self.tables:
            t.edited.connect(self._on_any_edited)
        self.concerns.edited.connect(self._rebuild_zone_columns)
        self.devices.edited.connect(lambda: self.cartridges.set_items(self.cartridges.items()))

        self.version = widgets.hint()
        self.summary = widgets.error_label()
        self.summary.setObjectName("protocol-summary")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What changed and why (kept with the version)"))
        self.save_button = widgets.primary(self.tr("Save as new version"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.preview_button = QPushButton(self.tr("Preview the sheet"))
        self.preview_button.clicked.connect(self.preview_requested)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        # The note on its own line: beside the four buttons it overflows a 1280-pixel
        # screen at the larger type size.
        bar = QHBoxLayout()
        for b in (self.preview_button, self.save_button, self.export_button, self.import_button):
            bar.addWidget(b)
        bar.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.version)
        outer.addLayout(body, 1)
        outer.addWidget(self.summary)
        outer.addWidget(self.note)
        outer.addLayout(bar)
        self.nav.setCurrentRow(0)

    # -- forms -----------------------------------------------------------------------------
    def _series_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        for path, label, lo, hi, suffix in [
            (("series", "sessions"), self.tr("Sessions in a series"), 0, 99, ""),
            (
                ("series", "interval_weeks"),
                self.tr("Weeks between sessions"),
                0,
                99,
                self.tr(" weeks"),
            ),
            (("default_target_passes",), self.tr("Default target passes per area"), 0, 99, ""),
            (
                ("numbing", "default_wait_minutes"),
                self.tr("Numbing cream: default wait"),
                0,
                999,
                self.tr(" min"),
            ),
            (
                ("numbing", "min_wait_minutes"),
                self.tr("Numbing cream: shortest wait"),
                0,
                999,
                self.tr(" min"),
            ),
            (
                ("numbing", "max_wait_minutes"),
                self.tr("Numbing cream: longest wait"),
                0,
                999,
                self.tr(" min"),
            ),
        ]:
            spin = QSpinBox()
            spin.setRange(lo, hi)
            spin.setSuffix(suffix)
            spin.setObjectName(".".join(path))
            spin.valueChanged.connect(self._on_any_edited)
            error = widgets.error_label()
            row = QVBoxLayout()
            row.addWidget(spin)
            row.addWidget(error)
            form.addRow(label, row)
            self.spins[path], self.spin_errors[path] = spin, error
        self.maintenance.textEdited.connect(self._on_any_edited)
        form.addRow(self.tr("Maintenance advice"), self.maintenance)
        return box

    def _new_zone(self) -> dict[str, Any]:
        return {"id": "", "name": "", "region": "face", "typical": {}, "note": ""}

    def _device_choices(self) -> list[tuple[str, str]]:
        return [(str(d.get("id")), str(d.get("name") or d.get("id"))) for d in self.devices.items()]

    def _rebuild_zone_columns(self) -> None:
        items = self.zones.items()
        cols = [
            plain("id", self.tr("Id")),
            plain("name", self.tr("Zone"), stretch=True),
            plain("region", self.tr("Region")),
        ]
        cols += [
            typical(str(c.get("id")), str(c.get("name") or c.get("id")))
            for c in self.concerns.items()
            if c.get("id")
        ]
        # The limit is the zone's hard ceiling: no confirmation at the visit goes past it.
        cols += [
            number("max_mm", self.tr("Limit mm"), optional=True),
            number("target_passes", self.tr("Passes"), optional=True),
            plain("note", self.tr("Note")),
        ]
        old = self.zones
        new = TableEditor("zones", cols, self._new_zone)
        new.set_heading("Zones and typical depths")
        new.table.setMinimumHeight(330)
        new.edited.connect(self._on_any_edited)
        new.set_items(items)
        holder = old.parentWidget()
        layout = holder.layout() if holder is not None else None
        if layout is not None:
            layout.replaceWidget(old, new)
            old.hide()  # deleteLater waits for the event loop; until then it would still paint
            old.deleteLater()
        self.tables[self.tables.index(old)] = new
        self.zones = new

    # -- data ------------------------------------------------------------------------------
    def load(self) -> None:
        self.dirty = False
        current = protocol_edit.current(self.ctx)
        self._base = copy.deepcopy(current.body)
        b = self._base
        self.devices.set_items(b["devices"])
        self.cartridges.set_items(b["cartridge_types"])
        self.concerns.set_items(b["concerns"])
        self.zones.set_items(b["zones"])
        self._rebuild_zone_columns()
        self.contra.set_items(b["contraindications"])
        self.rules.set_items(b["aftercare_rules"])
        self.expect.set_lines(b["what_to_expect"])
        self.flags.set_lines(b["red_flags"])
        self.directions.set_lines(b["directions"])
        self.endpoints.set_items(b["endpoints"])
        for path, spin in self.spins.items():
            node: Any = b
            for step in path:
                node = node.get(step) if isinstance(node, dict) else None
            spin.blockSignals(True)
            spin.setValue(int(node or 0))
            spin.blockSignals(False)
        self.maintenance.setText(str(b.get("series", {}).get("maintenance", "")))
        self.maintenance.setCursorPosition(0)
        stamp = protocol_edit.version_stamp(self.ctx, current.version)
        who = self.tr(" by {name}").format(name=stamp.by_name) if stamp and stamp.by_name else ""
        note = f" — {stamp.note}" if stamp and stamp.note else ""
        when = stamp.created_at[:16].replace("T", " ") if stamp else "?"
        self.version.setText(
            self.tr(
                "Current library: version {version}, saved {when} UTC{who}{note}. "
                "Visits keep the version they were done under."
            ).format(version=current.version, when=when, who=who, note=note)
        )
        self.note.clear()
        self._check()

    def body(self) -> dict[str, Any]:
        """The library as edited now (unsaved); the preview builds from this."""
        b = copy.deepcopy(self._base)
        b["devices"] = self.devices.items()
        b["cartridge_types"] = self.cartridges.items()
        b["concerns"] = self.concerns.items()
        b["zones"] = self.zones.items()
        b["contraindications"] = self.contra.items()
        b["aftercare_rules"] = self.rules.items()
        b["what_to_expect"] = self.expect.lines()
        b["red_flags"] = self.flags.lines()
        b["directions"] = self.directions.lines()
        b["endpoints"] = self.endpoints.items()
        for path, spin in self.spins.items():
            node = b
            for step in path[:-1]:
                node = node.setdefault(step, {})
            node[path[-1]] = spin.value()
        b.setdefault("series", {})["maintenance"] = self.maintenance.text().strip()
        return b

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def set_read_only(self, read_only: bool) -> None:
        for t in self.tables:
            t.set_read_only(read_only)
        for spin in self.spins.values():
            spin.setEnabled(not read_only)
        for w in (self.maintenance, self.note, self.save_button, self.import_button):
            w.setEnabled(not read_only)

    def _on_any_edited(self) -> None:
        self.dirty = True
        self._check()
        self.edited.emit()

    def _check(self) -> list[Problem]:
        body = self.body()
        self._problems = protocol_edit.validate(body)
        for t in self.tables:
            t.show_problems(self._problems, body)
        for path, label in self.spin_errors.items():
            label.setText(next((p.message for p in self._problems if p.path == path), ""))
        n = len(self._problems)
        if n:
            first = self._problems[0]
            self.summary.setText(
                self.tr(
                    "{count} problem(s) to fix before saving. First: {where}: {message}"
                ).format(count=n, where=first.where(body), message=first.message)
            )
        else:
            self.summary.clear()
        return self._problems

    # -- actions ---------------------------------------------------------------------------
    def _on_save_clicked(self) -> None:
        try:
            protocol = protocol_edit.save(self.ctx, self.body(), note=self.note.text().strip())
        except DomainError as exc:
            self.summary.setText(exc.message)
            return
        self.load()
        self.summary.setText("")
        self.version.setText(
            self.version.text()
            + self.tr("  Saved version {version}.").format(version=protocol.version)
        )
        self.saved.emit(protocol.version)

    @classmethod
    def ask_export_path(cls, parent: QWidget) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ProtocolEditor", "Export the protocol library"),
            str(Path.home() / "protocol-library.json"),
            "JSON (*.json)",
        )
        return Path(path) if path else None

    @classmethod
    def ask_import_path(cls, parent: QWidget) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ProtocolEditor", "Import a protocol library"),
            str(Path.home()),
            "JSON (*.json)",
        )
        return Path(path) if path else None

    @classmethod
    def show_report(cls, parent: QWidget, title: str, lines: list[str]) -> None:
        QMessageBox.information(parent, title, "\n".join(lines))

    def _on_export_clicked(self) -> None:
        out = self.ask_export_path(self)
        if out is None:
            return
        try:
            version = protocol_edit.export_file(self.ctx, out)
        except OSError as exc:
            self.show_report(self, "Export", [f"Could not write {out} ({exc.strerror or exc})."])
            return
        self.show_report(self, "Export", [f"Version {version} written to {out}."])

    def _on_import_clicked(self) -> None:
        path = self.ask_import_path(self)
        if path is None:
            return
        try:
            report: ImportReport = protocol_edit.import_file(self.ctx, path)
        except DomainError as exc:
            self.show_report(self, "Import", [exc.message])
            return
        if report.new_version is not None:
            self.load()
            self.saved.emit(report.new_version)
        self.show_report(self, "Import", report.lines())
