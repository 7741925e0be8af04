"""Prep: device, the single-use cartridge (scanned or typed), gel, numbing cream, cleansing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.model.visit_record import VisitRecord
from console.ui.photos.launch import PhotosButton
from console.ui.shell import i18n
from console.ui.shell.flow import VisitFlow
from console.ui.steps.scan_field import ScanField
from console.ui.widgets import common as widgets
from console.ui.widgets import theme
from console.visit import numbing
from console.visit.lifecycle import VisitLifecycle
from console.visit.prep import PrepService, SealedNewNeeded

# How a cartridge was recorded (the stored word), shown after its line.
_ENTRY_WORDS = (QT_TRANSLATE_NOOP("PrepScreen", "scan"), QT_TRANSLATE_NOOP("PrepScreen", "manual"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrepScreen", text)


class PrepScreen(QWidget):
    def __init__(self, ctx: AppContext, flow: VisitFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.flow = ctx, flow
        self.visits = VisitLifecycle(ctx)
        self.prep = PrepService(ctx, self.visits)
        self.device = QComboBox()
        self.device.activated.connect(self._on_device_activated)
        self.cartridge_type = QComboBox()
        self.seal = QCheckBox(self.tr("Sterile seal intact"))
        self.scan = ScanField()
        self.scan.setPlaceholderText(self.tr("Scan the cartridge box's barcode here"))
        self.scan.returnPressed.connect(self._on_scan_return_pressed)
        self.cartridge_error = widgets.error_label()
        self.gtin, self.lot, self.expiry, self.serial = (QLineEdit() for _ in range(4))
        self.expiry.setPlaceholderText(self.tr("e.g. 2027-03 or 31.03.2027"))
        self.gtin.setPlaceholderText(self.tr("optional, 14 digits"))
        for field in (self.scan, self.expiry, self.gtin):
            widgets.show_whole_prompt(field)
        self.manual = QPushButton(self.tr("Record typed label"))
        self.manual.clicked.connect(self._on_manual_clicked)
        # A label without a serial: the question and the button that answers it, shown only
        # while such a label waits; pressing it records the cartridge with the confirmation.
        self.sealed_question = widgets.warning_label()
        self.sealed_new = QPushButton(
            self.tr("Yes: I opened a new sealed cartridge for this patient")
        )
        self.sealed_new.clicked.connect(self._on_sealed_new_clicked)
        self._pending_cartridge: Callable[[bool], object] | None = None
        self._hide_sealed_question()
        self.cartridges = QListWidget()
        self.cartridges.setMaximumHeight(90)
        self.cartridges.setWordWrap(True)

        cart = QGroupBox(self.tr("Needle cartridge (sterile, single use)"))
        form = QFormLayout(cart)
        # The whole type name ("SkinPen cartridge, 14 needles"), with labels above the
        # fields when the column is too narrow for both side by side.
        for combo in (self.device, self.cartridge_type):
            widgets.show_whole_choice(combo)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Device"), self.device)
        form.addRow(self.tr("Cartridge type"), self.cartridge_type)
        form.addRow("", self.seal)
        form.addRow(self.tr("Scan"), self.scan)
        form.addRow(widgets.hint(self.tr("Box will not scan? Type the label:")))
        form.addRow(self.tr("GTIN (01)"), self.gtin)
        form.addRow(self.tr("Lot (10)"), self.lot)
        form.addRow(self.tr("Expiry (17)"), self.expiry)
        form.addRow(self.tr("Serial (21)"), self.serial)
        form.addRow("", self.manual)
        form.addRow(self.cartridge_error)
        form.addRow(self.sealed_question)
        form.addRow(self.sealed_new)
        form.addRow(self.tr("Recorded"), self.cartridges)

        self.gel_product, self.gel_lot = QLineEdit(), QLineEdit()
        self.gel_save = QPushButton(self.tr("Record gel"))
        self.gel_save.clicked.connect(self._on_gel_clicked)
        self.gel_status = widgets.hint()
        self.gel_error = widgets.error_label()
        gel = QGroupBox(self.tr("Topical gel"))
        gform = QFormLayout(gel)
        gform.addRow(self.tr("Product"), self.gel_product)
        gform.addRow(self.tr("Lot"), self.gel_lot)
        gform.addRow(self.gel_save, self.gel_status)
        gform.addRow(self.gel_error)

        self.numb_product, self.numb_lot = QLineEdit(), QLineEdit()
        self.numb_applied = QTimeEdit()
        self.numb_applied.setDisplayFormat("HH:mm")
        self.numb_wait = QSpinBox()
        self.numb_wait.setSuffix(self.tr(" min"))
        self.numb_occluded = QCheckBox(self.tr("Under occlusion"))
        self.numb_apply = QPushButton(self.tr("Numbing cream applied"))
        self.numb_apply.clicked.connect(self._on_numbing_apply_clicked)
        self.numb_remove = QPushButton(self.tr("Cream removed completely"))
        self.numb_remove.clicked.connect(self._on_numbing_remove_clicked)
        self.countdown = QLabel()
        theme.mark(self.countdown, role="countdown")
        self.numb_error = widgets.error_label()
        numb = QGroupBox(self.tr("Numbing cream (optional)"))
        nform = QFormLayout(numb)
        nform.addRow(self.tr("Product"), self.numb_product)
        nform.addRow(self.tr("Lot"), self.numb_lot)
        nform.addRow(self.tr("Applied at"), self.numb_applied)
        nform.addRow(self.tr("Wait"), self.numb_wait)
        nform.addRow("", self.numb_occluded)
        nform.addRow(self.numb_apply)  # one per row: side by side they overflow the screen
        nform.addRow(self.numb_remove)
        nform.addRow(self.countdown)
        nform.addRow(self.numb_error)

        self.cleansed = QPushButton(self.tr("Skin cleansed"))
        self.cleansed.clicked.connect(self._on_cleansed_clicked)
        self.missing = widgets.warning_label()
        self.next = widgets.primary(self.tr("Continue to Plan"))
        self.next.clicked.connect(lambda: self.flow.go("plan"))

        right = QVBoxLayout()
        right.addWidget(gel)
        right.addWidget(numb)
        right.addWidget(self.cleansed)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(cart, 1)
        columns.addLayout(right, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.missing, 1)
        bottom.addWidget(PhotosButton(ctx, flow, "before"))
        bottom.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(widgets.title(self.tr("Prep")))
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)
        self.action_buttons = (self.next,)  # the main window's action bar

        # Parented to the screen so it dies with it; runs only while a cream is on.
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._refresh_countdown)
        self._numbing_id: str | None = None
        self._loaded_for: str | None = None  # the visit whose record the fields show

    # -- entering: one load path per visit ------------------------------------------------
    def enter(self) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        record = self.visits.record(visit_id)
        if visit_id != self._loaded_for:
            # Another visit: nothing typed for the last patient may stay in a field.
            self._load(record)
        self._refresh(record)
        self.scan.setFocus()

    def _load(self, record: VisitRecord) -> None:
        """Every field from ``record`` alone: empty, or what this visit itself recorded."""
        protocol = self.visits.protocol_for(record.id)
        self.device.clear()
        self.device.addItem(self.tr("Choose the device…"), None)
        for d in protocol.devices:
            self.device.addItem(d.name, d.id)
        self.device.setCurrentIndex(max(0, self.device.findData(record.device_id)))
        self._fill_cartridge_types()
        self._hide_sealed_question()
        self.seal.setChecked(False)
        for field in (self.scan, self.gtin, self.lot, self.expiry, self.serial):
            field.clear()
        for label in (self.cartridge_error, self.gel_error, self.numb_error):
            label.clear()
        gels = [c for c in record.consumables if c.kind == "gel"]
        self.gel_product.setText(gels[-1].product if gels else "")
        self.gel_lot.setText(gels[-1].lot if gels else "")
        limits = protocol.numbing
        self.numb_wait.setRange(limits.min_wait_minutes, limits.max_wait_minutes)
        creams = [c for c in record.consumables if c.kind == "numbing"]
        cream = creams[-1] if creams else None
        self.numb_product.setText(cream.product if cream else "")
        self.numb_lot.setText(cream.lot if cream else "")
        self.numb_wait.setValue(
            cream.wait_minutes if cream and cream.wait_minutes else limits.default_wait_minutes
        )
        self.numb_occluded.setChecked(bool(cream and cream.occluded))
        # Applied-at: the recorded time on resume, otherwise now (never an earlier patient's).
        applied = cream.applied_at if cream and cream.applied_at else self.ctx.now()
        local = applied.astimezone(self.ctx.timezone())
        self.numb_applied.setTime(QTime(local.hour, local.minute))
        self._loaded_for = record.id

    def _refresh(self, record: VisitRecord | None = None) -> None:
        visit_id = self.flow.visit_id
        if visit_id is None:
            return
        rec = record or self.visits.record(visit_id)
        self.cartridges.clear()
        for c in rec.cartridges:
            line = self.tr("{needles} needles · lot {lot} · exp {expiry}").format(
                needles=c.needle_count, lot=c.lot, expiry=i18n.day(c.expiry)
            )
            if c.serial:
                line += self.tr(" · serial {serial}").format(serial=c.serial)
            if c.sealed_new_confirmed:
                line += self.tr(" · no serial: new sealed cartridge confirmed")
            self.cartridges.addItem(f"{line} ({_tr(c.entry)})")
        gels = [c for c in rec.consumables if c.kind == "gel"]
        self.gel_status.setText(
            self.tr("Recorded: {product}, lot {lot}").format(
                product=gels[-1].product, lot=gels[-1].lot
            )
            if gels
            else ""
        )
        creams = [c for c in rec.consumables if c.kind == "numbing"]
        self._numbing = creams[-1] if creams else None
        self._numbing_id = self._numbing.id if self._numbing else None
        self.cleansed.setText(
            self.tr("Skin cleansed at {time}").format(
                time=f"{rec.skin_cleansed_at.astimezone(self.ctx.timezone()):%H:%M}"
            )
            if rec.skin_cleansed_at
            else self.tr("Skin cleansed")
        )
        self._refresh_countdown()
        missing = self.prep.prep_missing(visit_id)
        self.missing.setText(
            self.tr("Still to do: {missing}").format(missing=" ".join(missing))
            if missing
            else self.tr("Ready.")
        )

    def _refresh_countdown(self) -> None:
        cream = getattr(self, "_numbing", None)
        if cream is None or cream.applied_at is None:
            self.countdown.setText("")
            self.tick.stop()
            return
        if cream.removed_at is not None:
            local = cream.removed_at.astimezone(self.ctx.timezone())
            self.countdown.setText(self.tr("Removed at {time}").format(time=f"{local:%H:%M}"))
            self.tick.stop()
            return
        self.countdown.setText(
            numbing.countdown_text(cream.applied_at, cream.wait_minutes or 0, self.ctx.now())
        )
        if not self.tick.isActive():
            self.tick.start()

    def _fill_cartridge_types(self) -> None:
        visit_id = self.flow.visit_id
        device_id = self.device.currentData()
        self.cartridge_type.clear()
        if visit_id is None or device_id is None:
            return
        for c in self.visits.protocol_for(visit_id).cartridge_types_for(device_id):
            self.cartridge_type.addItem(c.name, c.id)

    # -- actions ----------------------------------------------------------------------------
    def _on_device_activated(self, _index: int) -> None:
        device_id = self.device.currentData()
        if self.flow.visit_id is None or device_id is None:
            return
        try:
            self.prep.set_device(self.flow.visit_id, device_id)
        except DomainError as error:
            self.cartridge_error.setText(error.message)
        self._fill_cartridge_types()
        self._refresh()

    def _cartridge_ready(self) -> bool:
        if self.device.currentData() is None:
            self.cartridge_error.setText(self.tr("Choose the device first."))
            return False
        if self.cartridge_type.currentData() is None:
            self.cartridge_error.setText(self.tr("Choose the cartridge type."))
            return False
        if not self.seal.isChecked():
            self.cartridge_error.setText(
                self.tr(
                    "Check the sterile seal and tick “Sterile seal intact”. "
                    "A broken seal: do not use it."
                )
            )
            return False
        return True

    def _on_scan_return_pressed(self) -> None:
        text = self.scan.scanned_text()
        self.cartridge_error.clear()
        if not text.strip() or not self._cartridge_ready() or self.flow.visit_id is None:
            return
        visit_id, type_id = self.flow.visit_id, self.cartridge_type.currentData()
        if self._record_cartridge(
            lambda confirmed: self.prep.record_cartridge_label(
                visit_id,
                text,
                cartridge_type_id=type_id,
                seal_intact=True,
                sealed_new_confirmed=confirmed,
            )
        ):
            self.scan.clear()
        else:
            self.scan.selectAll()

    def _on_manual_clicked(self) -> None:
        self.cartridge_error.clear()
        if not self._cartridge_ready() or self.flow.visit_id is None:
            return
        visit_id, type_id = self.flow.visit_id, self.cartridge_type.currentData()
        gtin, lot, expiry, serial = (
            f.text() for f in (self.gtin, self.lot, self.expiry, self.serial)
        )
        if self._record_cartridge(
            lambda confirmed: self.prep.record_cartridge_manual(
                visit_id,
                gtin=gtin,
                lot=lot,
                expiry=expiry,
                serial=serial,
                cartridge_type_id=type_id,
                seal_intact=True,
                sealed_new_confirmed=confirmed,
            )
        ):
            for field in (self.gtin, self.lot, self.expiry, self.serial):
                field.clear()

    def _record_cartridge(self, record: Callable[[bool], object], confirmed: bool = False) -> bool:
        """Record a scanned or typed cartridge; False, with the reason shown, if it was not."""
        self._hide_sealed_question()
        try:
            record(confirmed)
        except SealedNewNeeded as needed:
            self._pending_cartridge = record
            self.sealed_question.setText(needed.message)
            self.sealed_question.show()
            self.sealed_new.show()
            self.sealed_new.setFocus()
            return False
        except DomainError as error:
            self.cartridge_error.setText(error.message)
            return False
        self.seal.setChecked(False)  # the next cartridge needs its own check
        self._refresh()
        return True

    def _on_sealed_new_clicked(self) -> None:
        record = self._pending_cartridge
        if record is None:
            return
        self.cartridge_error.clear()
        if self._record_cartridge(record, confirmed=True):
            for field in (self.scan, self.gtin, self.lot, self.expiry, self.serial):
                field.clear()

    def _hide_sealed_question(self) -> None:
        self._pending_cartridge = None
        self.sealed_question.clear()
        self.sealed_question.hide()
        self.sealed_new.hide()

    def _on_gel_clicked(self) -> None:
        self.gel_error.clear()
        if self.flow.visit_id is None:
            return
        try:
            self.prep.record_gel(
                self.flow.visit_id, product=self.gel_product.text(), lot=self.gel_lot.text()
            )
        except DomainError as error:
            self.gel_error.setText(error.message)
            return
        self._refresh()

    def _on_numbing_apply_clicked(self) -> None:
        self.numb_error.clear()
        if self.flow.visit_id is None:
            return
        tz = self.ctx.timezone()
        local_now = self.ctx.now().astimezone(tz)
        t = self.numb_applied.time()
        applied = local_now.replace(hour=t.hour(), minute=t.minute(), second=0, microsecond=0)
        try:
            self.prep.apply_numbing(
                self.flow.visit_id,
                product=self.numb_product.text(),
                lot=self.numb_lot.text(),
                applied_at=applied.astimezone(UTC),
                wait_minutes=self.numb_wait.value(),
                occluded=self.numb_occluded.isChecked(),
            )
        except DomainError as error:
            self.numb_error.setText(error.message)
            return
        self._refresh()

    def _on_numbing_remove_clicked(self) -> None:
        if self.flow.visit_id is None or self._numbing_id is None:
            self.numb_error.setText(self.tr("No numbing cream is recorded."))
            return
        self.prep.remove_numbing(self.flow.visit_id, self._numbing_id)
        self._refresh()

    def _on_cleansed_clicked(self) -> None:
        if self.flow.visit_id is not None:
            self.prep.mark_skin_cleansed(self.flow.visit_id)
            self._refresh()

    def shutdown(self) -> None:
        self.tick.stop()
