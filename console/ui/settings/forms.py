"""The Clinic and Room tabs: one form row per setting, the message next to its field."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.errors import DomainError
from console.settings import service as settings_service
from console.settings.service import KEY_SETTINGS, PAPERS
from console.texts import languages as language_texts
from console.ui.settings.key_capture import KeyCaptureField
from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.widgets import common as widgets
from console.ui.widgets import theme

DEFAULT_PRINTER = ""
DATE_LOCALES = (
    "en_GB",
    "en_IE",
    "en_US",
    "en_CA",
    "en_AU",
    "en_NZ",
)  # stored as "": print to the system's default printer


class _Form(QWidget):
    """Rows of (setting key, label, field, message); reads and fills a dict of values."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # Labels above the fields when a small screen at a large type size has no room beside.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.errors: dict[str, QLabel] = {}
        self._get: dict[str, Callable[[], Any]] = {}
        self._set: dict[str, Callable[[Any], None]] = {}
        self.fields: dict[str, QWidget] = {}
        self.dirty = False  # edited since the last load
        self.changed.connect(self._on_self_changed)

    def _on_self_changed(self) -> None:
        self.dirty = True

    def row(
        self,
        key: str,
        label: str,
        field: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        extra: QWidget | None = None,
    ) -> None:
        error = widgets.error_label()
        error.setObjectName(f"error:{key}")
        box = QVBoxLayout()
        box.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(field, 1)
        if extra is not None:
            line.addWidget(extra)
        box.addLayout(line)
        box.addWidget(error)
        self.form.addRow(label, box)
        field.setObjectName(key)
        field.setAccessibleName(label)
        self.errors[key], self._get[key], self._set[key] = error, get, put
        self.fields[key] = field

    def _finish(self, intro: QWidget | None = None) -> None:
        """Lay the rows out in a scroll area, so a small screen scrolls instead of clipping."""
        inner = QWidget()
        box = QVBoxLayout(inner)
        if intro is not None:
            box.addWidget(intro)
        box.addLayout(self.form)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def values(self) -> dict[str, Any]:
        return {key: get() for key, get in self._get.items()}

    def load(self, values: dict[str, Any]) -> None:
        self.dirty = False
        for key, put in self._set.items():
            field = self.fields[key]
            field.blockSignals(True)
            put(values.get(key))
            field.blockSignals(False)
        self.show_problems({})

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))

    def set_read_only(self, read_only: bool) -> None:
        for field in self.fields.values():
            field.setEnabled(not read_only)


class ClinicTab(_Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(90)
        self.phone = QLineEdit()
        self.website = QLineEdit()
        self.website.setPlaceholderText(self.tr("https://www.your-clinic.example"))
        self.booking = QLineEdit()
        self.booking.setPlaceholderText(self.tr("printed as a QR code on the sheet"))
        self.logo = LogoPicker()
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(settings_service.timezones())
        completer = QCompleter(settings_service.timezones(), self.timezone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.timezone.setCompleter(completer)
        self.paper = QComboBox()
        self.paper.addItems(PAPERS)
        self.date_locale = QComboBox()
        self.date_locale.setEditable(True)
        self.date_locale.addItems(DATE_LOCALES)
        self._locale_example = QLabel()
        self.language = QComboBox()
        self.language.addItem(self.tr("The language of the dates"), "")
        for lang in language_texts.languages():
            self.language.addItem(f"{lang.name} ({lang.english_name})", lang.code)

        self.row(
            "clinic.name", self.tr("Clinic name"), self.name, self.name.text, self.name.setText
        )
        self.row(
            "clinic.address",
            self.tr("Address"),
            self.address,
            self.address.toPlainText,
            lambda v: self.address.setPlainText(v or ""),
        )
        self.row("clinic.phone", self.tr("Phone"), self.phone, self.phone.text, self.phone.setText)
        self.row(
            "clinic.website",
            self.tr("Website"),
            self.website,
            self.website.text,
            self.website.setText,
        )
        self.row(
            "clinic.booking_url",
            self.tr("Booking link"),
            self.booking,
            self.booking.text,
            self.booking.setText,
        )
        self.row("clinic.logo_path", self.tr("Logo"), self.logo, self.logo.path, self.logo.set_path)
        self.row(
            "clinic.timezone",
            self.tr("Time zone"),
            self.timezone,
            self.timezone.currentText,
            self.timezone.setCurrentText,
        )
        self.row(
            "clinic.paper",
            self.tr("Paper size"),
            self.paper,
            self.paper.currentText,
            self.paper.setCurrentText,
        )
        self.row(
            "clinic.locale",
            self.tr("Dates written as"),
            self.date_locale,
            self.date_locale.currentText,
            self.date_locale.setCurrentText,
            extra=self._locale_example,
        )
        self.row(
            "clinic.language",
            self.tr("Language"),
            self.language,
            lambda: self.language.currentData() or "",
            self._set_language,
        )
        self._finish()

        for edit in (self.name, self.phone, self.website, self.booking):
            edit.textEdited.connect(self.changed)
        self.address.textChanged.connect(self.changed)
        self.timezone.currentTextChanged.connect(self.changed)
        self.paper.currentTextChanged.connect(self.changed)
        self.date_locale.currentTextChanged.connect(self.changed)
        self.date_locale.currentTextChanged.connect(self._on_locale_changed)
        self.language.currentIndexChanged.connect(self.changed)
        self.logo.picked.connect(self._on_logo_picked)

    def _set_language(self, code: Any) -> None:
        # The patients' default language and the UI's (after a restart); "" follows the dates.
        self.language.setCurrentIndex(max(self.language.findData(code or ""), 0))

    def load(self, values: dict[str, Any]) -> None:
        super().load(values)
        self._on_locale_changed(self.date_locale.currentText())

    def _on_locale_changed(self, code: str) -> None:
        from datetime import UTC, datetime

        from console.aftercare.timeline import format_moment

        try:
            example = format_moment(datetime(2026, 11, 25, 15, 40, tzinfo=UTC), code)
        except Exception:  # an unknown code: the field's message says so
            example = ""
        self._locale_example.setText(
            self.tr("e.g. {example}").format(example=example) if example else ""
        )

    def _on_logo_picked(self, path: str) -> None:
        if not path:  # Remove
            self.logo.set_path("")
            self.errors["clinic.logo_path"].clear()
            self.changed.emit()
            return
        try:
            settings_service.check_logo(Path(path))
        except DomainError as exc:
            self.errors["clinic.logo_path"].setText(exc.message)
            return
        self.errors["clinic.logo_path"].clear()
        self.logo.set_path(path)
        self.changed.emit()


class LogoPicker(QWidget):
    """A preview of the logo with Choose… and Remove buttons."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path = ""
        self.preview = QLabel()
        self.preview.setFixedSize(220, 80)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.mark(self.preview, role="paper")
        self.choose = QPushButton(self.tr("Choose…"))
        self.remove = QPushButton(self.tr("Remove"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.preview)
        lay.addWidget(self.choose)
        lay.addWidget(self.remove)
        lay.addStretch(1)
        self.choose.clicked.connect(self._on_choose_clicked)
        self.remove.clicked.connect(lambda: self.picked.emit(""))

    @classmethod
    def ask(cls, parent: QWidget) -> str | None:
        """The file dialog; tests monkeypatch this."""
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("LogoPicker", "Choose the clinic's logo"),
            str(Path.home()),
            QCoreApplication.translate("LogoPicker", "Images (*.png *.jpg *.jpeg)"),
        )
        return path or None

    def _on_choose_clicked(self) -> None:
        path = self.ask(self)
        if path:
            self.picked.emit(path)

    def path(self) -> str:
        return self._path

    def set_path(self, path: Any) -> None:
        self._path = str(path or "")
        pixmap = QPixmap(self._path) if self._path else QPixmap()
        if pixmap.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(
                self.tr("no logo") if not self._path else self.tr("logo not found")
            )
        else:
            self.preview.setPixmap(
                pixmap.scaled(
                    210,
                    72,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.remove.setEnabled(bool(self._path))


def _put_key_name(field: KeyCaptureField, value: Any) -> None:
    field.set_key_name(str(value or ""))


class RoomTab(_Form):
    LABELS: ClassVar[dict[str, str]] = {
        "keys.pass_toggle": QT_TRANSLATE_NOOP("RoomTab", "Start / stop pass"),
        "keys.next_area": QT_TRANSLATE_NOOP("RoomTab", "Next area"),
        "keys.previous_area": QT_TRANSLATE_NOOP("RoomTab", "Previous area"),
        "keys.lock": QT_TRANSLATE_NOOP("RoomTab", "Lock the screen"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Where these are kept (this PC's room file), and why that file is not used if so.
        self.stored_at = widgets.hint()
        self.stored_at.setObjectName("room-file")
        self.stored_at.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_problem = widgets.warning_label()
        self.file_problem.setObjectName("room-file-problem")
        self.file_problem.setVisible(False)
        self.room_name = QLineEdit()
        self.room_name.setPlaceholderText(self.tr("e.g. Room 2"))
        self.row(
            "room.name",
            self.tr("Room"),
            self.room_name,
            self.room_name.text,
            lambda v: self.room_name.setText(str(v or "")),
        )
        self.room_name.textEdited.connect(self.changed)
        self.printer = QComboBox()
        self.row(
            "room.printer",
            self.tr("Room printer"),
            self.printer,
            self._printer_value,
            self._set_printer,
        )
        self.printer.currentIndexChanged.connect(self.changed)
        self.keys: dict[str, KeyCaptureField] = {}
        for key in KEY_SETTINGS:
            field = KeyCaptureField()
            field.key_captured.connect(self.changed)
            self.keys[key] = field
            self.row(
                key,
                self.tr(self.LABELS[key]),
                field,
                field.key_name,
                partial(_put_key_name, field),
            )
        self.idle = QSpinBox()
        self.idle.setRange(1, 60)
        self.idle.setSuffix(self.tr(" min"))
        self.row(
            "room.idle_lock_minutes",
            self.tr("Lock when idle for"),
            self.idle,
            self.idle.value,
            lambda v: self.idle.setValue(int(v or 5)),
        )
        self.scale = QDoubleSpinBox()
        self.scale.setRange(0.8, 2.0)
        self.scale.setSingleStep(0.1)
        self.scale.setDecimals(1)
        self.scale.setSuffix(" ×")
        self.row(
            "room.font_scale",
            self.tr("Type size"),
            self.scale,
            self.scale.value,
            lambda v: self.scale.setValue(float(v or 1.0)),
        )
        self.idle.valueChanged.connect(self.changed)
        self.scale.valueChanged.connect(self.changed)
        intro = QWidget()
        box = QVBoxLayout(intro)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.stored_at)
        box.addWidget(self.file_problem)
        box.addWidget(
            widgets.hint(
                self.tr(
                    "A foot pedal is a keyboard that sends one key. Click a field, then press "
                    "the key or the pedal. The type size applies at the next start."
                )
            )
        )
        self._finish(intro)

    def show_storage(self, path: Path, problem: str) -> None:
        """Say that these settings are this PC's own and where they are kept."""
        self.stored_at.setText(
            self.tr(
                "These settings belong to this PC: they are kept in {path}, not in the "
                "clinic's database, so each room has its own."
            ).format(path=path)
        )
        self.file_problem.setText(problem)
        self.file_problem.setVisible(bool(problem))

    # The list is read at load time: a printer plugged in later shows after re-entering.
    def _set_printer(self, name: Any) -> None:
        from PySide6.QtPrintSupport import QPrinterInfo

        self.printer.clear()
        self.printer.addItem(self.tr("System default printer"), DEFAULT_PRINTER)
        for printer in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(printer, printer)
        name = name or DEFAULT_PRINTER
        index = self.printer.findData(name)
        if index < 0:  # chosen before but not connected now: keep it, say so
            self.printer.addItem(self.tr("{name} (not found now)").format(name=name), name)
            index = self.printer.count() - 1
        self.printer.setCurrentIndex(index)

    def _printer_value(self) -> str:
        return str(self.printer.currentData() or DEFAULT_PRINTER)
