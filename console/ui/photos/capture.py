"""Taking a visit's photos in the room: pictures dropped in the watched folder are offered,
one key (1–9) files the selected one under a view; or import files. The last visit's photo of
the same view lies over the new one as a ghost, to match pose and distance."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.model.photos import STAGE_WORDS, STAGES, View
from console.photos.inbox import Inbox
from console.photos.service import PhotoService
from console.ui.photos.images import pixmap
from console.ui.shell import i18n
from console.ui.widgets import common as widgets

SCAN_MS = 1000  # a dropped file is offered once its size held still for one look
TILE = 72
PREVIEW_SIDE = 1400


class PhotoCapture(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        patient_id: str,
        visit_id: str,
        stage: str = "before",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photos of this visit"))
        self.service = PhotoService(ctx)
        self.patient_id, self.visit_id = patient_id, visit_id
        self.stage = stage
        self.views: list[View] = self.service.views_for_visit(visit_id)
        self.inbox: Inbox | None = None

        # Left: where pictures come from.
        self.folder_label = widgets.hint()
        self.folder_label.setWordWrap(True)
        self.folder_button = QPushButton(self.tr("Watched folder…"))
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.offered = QListWidget()
        self.offered.setIconSize(QSize(TILE, TILE))
        self.offered.setViewMode(QListView.ViewMode.ListMode)
        self.offered.setAccessibleName(self.tr("new pictures in the watched folder"))
        self.offered.currentItemChanged.connect(self._on_offered_current_changed)
        self.file_button = QPushButton(self.tr("Import files…"))
        self.file_button.clicked.connect(self._on_file_clicked)
        self.camera_button = QPushButton(self.tr("Camera…"))
        self.camera_button.clicked.connect(self._on_camera_clicked)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>New pictures</b>")))
        left.addWidget(self.folder_label)
        left.addWidget(self.offered, 1)
        left.addWidget(self.folder_button)
        left.addWidget(self.file_button)
        left.addWidget(self.camera_button)

        # Centre: the picture, with last visit's ghost over it.
        self.scene = QGraphicsScene(self)
        self.picture_item = QGraphicsPixmapItem()
        self.ghost_item = QGraphicsPixmapItem()
        for item in (self.picture_item, self.ghost_item):
            item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            self.scene.addItem(item)
        self.preview = QGraphicsView(self.scene)
        self.preview.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.preview.setBackgroundBrush(Qt.GlobalColor.black)
        self.ghost_slider = QSlider(Qt.Orientation.Horizontal)
        self.ghost_slider.setRange(0, 80)
        self.ghost_slider.setValue(35)
        self.ghost_slider.setAccessibleName(self.tr("ghost of the last visit"))
        self.ghost_slider.valueChanged.connect(self._on_ghost_slider_changed)
        self.ghost_label = widgets.hint()
        ghost_row = QHBoxLayout()
        ghost_row.addWidget(QLabel(self.tr("Last visit's ghost")))
        ghost_row.addWidget(self.ghost_slider, 1)
        centre = QVBoxLayout()
        centre.addWidget(self.preview, 1)
        centre.addLayout(ghost_row)
        centre.addWidget(self.ghost_label)

        # Right: stage, views with their keys, the guide.
        self.stage_buttons = QButtonGroup(self)
        stage_row = QHBoxLayout()
        for i, s in enumerate(STAGES):
            b = QPushButton(STAGE_WORDS[s])
            b.setMinimumWidth(b.sizeHint().width() + 24)  # bold when checked: keep it whole
            b.setCheckable(True)
            b.setChecked(s == stage)
            self.stage_buttons.addButton(b, i)
            stage_row.addWidget(b)
        self.stage_buttons.idClicked.connect(self._on_stage_clicked)
        self.view_list = QListWidget()
        self.view_list.setAccessibleName(self.tr("views: press its number to file the picture"))
        self.view_list.currentRowChanged.connect(self._on_view_row_changed)
        self.guide = QLabel()
        self.guide.setWordWrap(True)
        self.guide.setMinimumHeight(60)
        self.error = widgets.error_label()
        self.status = widgets.hint()
        close = QPushButton(self.tr("Done"))
        close.clicked.connect(self.accept)
        right = QVBoxLayout()
        right.addLayout(stage_row)
        keys_hint = QLabel(
            self.tr("<b>Views</b>: press a view's number to file the picture under it.")
        )
        keys_hint.setWordWrap(True)
        right.addWidget(keys_hint)
        right.addWidget(self.view_list, 1)
        right.addWidget(self.guide)
        right.addWidget(self.error)
        right.addWidget(self.status)
        right.addWidget(close)

        layout = QHBoxLayout(self)
        left_box, right_box = QWidget(), QWidget()
        left_box.setLayout(left)
        right_box.setLayout(right)
        left_box.setFixedWidth(240)
        right_box.setFixedWidth(410)
        layout.addWidget(left_box)
        layout.addLayout(centre, 1)
        layout.addWidget(right_box)

        for n in range(1, min(9, len(self.views)) + 1):
            key = QShortcut(QKeySequence(str(n)), self)
            key.activated.connect(lambda n=n: self.assign(n - 1))

        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._on_watcher_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(SCAN_MS)
        self.timer.timeout.connect(self.scan)

        problem = self.service.consent_problem(patient_id)
        self.error.setText(problem)
        for w in (self.offered, self.file_button):
            w.setEnabled(not problem)
        from console.ui.photos import camera

        no_camera = camera.available()
        self.camera_button.setEnabled(not problem and not no_camera)
        self.camera_button.setToolTip(
            no_camera or self.tr("Take the selected view with the webcam")
        )
        self._fill_views()
        self.view_list.setCurrentRow(0)
        self.set_folder(self.service.watch_folder())

    # -- dialogs a test replaces ------------------------------------------------------------
    @classmethod
    def ask_folder(cls, parent: QWidget, start: str) -> str:
        return QFileDialog.getExistingDirectory(parent, "Watched folder for this room", start)

    @classmethod
    def ask_files(cls, parent: QWidget) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("PhotoCapture", "Import photos"),
            "",
            QCoreApplication.translate(
                "PhotoCapture", "Pictures (*.jpg *.jpeg *.png *.heic *.heif)"
            ),
        )
        return list(files)

    # -- the watched folder -----------------------------------------------------------------
    def set_folder(self, folder: Path | None) -> None:
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        if folder is None:
            self.inbox = None
            self.timer.stop()
            self.folder_label.setText(self.tr("No watched folder set for this room."))
            return
        self.inbox = Inbox(folder)
        self.folder_label.setText(self.tr("Watching {folder}").format(folder=folder))
        if folder.is_dir():
            self.watcher.addPath(str(folder))
        self.timer.start()
        self.scan()

    def scan(self) -> None:
        if self.inbox is None:
            return
        ready = self.inbox.scan()
        shown = [
            Path(self.offered.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.offered.count())
        ]
        for path in ready:
            if path in shown:
                continue
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            try:
                item.setIcon(QIcon(pixmap(path.read_bytes(), TILE)))
            except OSError:
                continue
            self.offered.addItem(item)
        for i in reversed(range(self.offered.count())):
            if Path(self.offered.item(i).data(Qt.ItemDataRole.UserRole)) not in ready:
                self.offered.takeItem(i)
        if self.offered.currentRow() < 0 and self.offered.count():
            self.offered.setCurrentRow(0)

    def offered_paths(self) -> list[Path]:
        return [
            Path(self.offered.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.offered.count())
        ]

    # -- filing a picture under a view ------------------------------------------------------
    def assign(self, view_index: int) -> bool:
        """File the selected new picture under view ``view_index`` (the number key)."""
        item = self.offered.currentItem()
        if item is None or self.inbox is None or view_index >= len(self.views):
            return False
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        view = self.views[view_index]
        try:
            raw = self.inbox.take(path)
            self.service.import_photo(
                self.patient_id,
                view.id,
                raw,
                visit_id=self.visit_id,
                stage=self.stage,
                source="folder",
            )
        except (DomainError, OSError) as exc:
            self.error.setText(
                getattr(exc, "message", None)
                or self.tr("Could not read {name}.").format(name=path.name)
            )
            return False
        self.inbox.done(path)
        row = self.offered.row(item)
        self.offered.takeItem(row)
        self.offered.setCurrentRow(min(row, self.offered.count() - 1))
        self.error.clear()
        self.status.setText(f"{path.name} → {view.name}, {STAGE_WORDS[self.stage].lower()}.")
        self._fill_views()
        self.view_list.setCurrentRow(view_index)
        return True

    def _on_file_clicked(self) -> None:
        view = self.views[max(0, self.view_list.currentRow())]
        for name in self.ask_files(self):
            try:
                raw = Path(name).read_bytes()
                self.service.import_photo(
                    self.patient_id,
                    view.id,
                    raw,
                    visit_id=self.visit_id,
                    stage=self.stage,
                    source="file",
                )
            except (DomainError, OSError) as exc:
                self.error.setText(
                    getattr(exc, "message", None)
                    or self.tr("Could not read {name}.").format(name=name)
                )
                return
            self.status.setText(f"{Path(name).name} → {view.name}.")
        self._fill_views()

    @classmethod
    def ask_camera(cls, dialog: QDialog) -> None:
        dialog.exec()

    def _on_camera_clicked(self) -> None:
        from console.ui.photos.camera import CameraCapture

        view = self.views[max(0, self.view_list.currentRow())]
        dialog = CameraCapture(
            self.service.ctx, self.patient_id, self.visit_id, view, self.stage, parent=self
        )
        dialog.resize(self.size())
        self.ask_camera(dialog)
        self._fill_views()

    def _on_folder_clicked(self) -> None:
        current = self.service.watch_folder()
        chosen = self.ask_folder(self, str(current or Path.home()))
        if not chosen:
            return
        try:
            self.service.set_watch_folder(Path(chosen))
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.set_folder(Path(chosen))

    # -- showing ----------------------------------------------------------------------------
    def taken(self) -> dict[str, int]:
        """View id -> how many photos of this stage this visit has."""
        counts: dict[str, int] = {}
        for p in self.service.for_visit(self.visit_id):
            if p.stage == self.stage:
                counts[p.view_id] = counts.get(p.view_id, 0) + 1
        return counts

    def _fill_views(self) -> None:
        counts = self.taken()
        row = self.view_list.currentRow()
        self.view_list.blockSignals(True)
        self.view_list.clear()
        for n, v in enumerate(self.views, start=1):
            mark = f"  ✓ {counts[v.id]}" if counts.get(v.id) else ""
            key = f"{n}  " if n <= 9 else "    "
            self.view_list.addItem(f"{key}{v.name}{mark}")
        self.view_list.blockSignals(False)
        if row >= 0:
            self.view_list.setCurrentRow(row)

    def _on_view_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.views):
            return
        view = self.views[row]
        self.guide.setText(f"<b>{view.name}</b>: {view.guide}")
        ghost = self.service.ghost(self.visit_id, view.id)
        if ghost is None:
            self.ghost_item.setPixmap(QPixmap())
            self.ghost_label.setText(
                self.tr("No earlier photo of the {view} view.").format(view=view.name.lower())
            )
        else:
            try:
                self.ghost_item.setPixmap(pixmap(self.service.screen(ghost), PREVIEW_SIDE))
                when = ghost.taken_at.astimezone(self.service.ctx.timezone())
                self.ghost_label.setText(
                    self.tr("Ghost: {view}, {date}.").format(view=view.name, date=i18n.day(when))
                )
            except DomainError as exc:
                self.ghost_item.setPixmap(QPixmap())
                self.ghost_label.setText(exc.message)
        self._lay_out()

    def _on_offered_current_changed(self, current: QListWidgetItem | None, _old: object) -> None:
        if current is None:
            self.picture_item.setPixmap(QPixmap())
        else:
            try:
                data = Path(current.data(Qt.ItemDataRole.UserRole)).read_bytes()
                self.picture_item.setPixmap(pixmap(data, PREVIEW_SIDE))
            except OSError:
                self.picture_item.setPixmap(QPixmap())
        self._lay_out()

    def _lay_out(self) -> None:
        """The ghost is drawn at the new picture's width, so faces line up at the same scale."""
        base = self.picture_item.pixmap()
        ghost = self.ghost_item.pixmap()
        if not base.isNull() and not ghost.isNull():
            self.ghost_item.setScale(base.width() / ghost.width())
        else:
            self.ghost_item.setScale(1.0)
        self._on_ghost_slider_changed(self.ghost_slider.value())
        shown = self.picture_item if not base.isNull() else self.ghost_item
        rect = shown.mapRectToScene(shown.boundingRect())
        self.scene.setSceneRect(rect)
        if rect.width() > 0:
            self.preview.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def _on_ghost_slider_changed(self, value: int) -> None:
        # With no new picture the ghost is all there is to see: show it plainly.
        plain = self.picture_item.pixmap().isNull()
        self.ghost_item.setOpacity(1.0 if plain else value / 100)

    def _on_stage_clicked(self, index: int) -> None:
        self.stage = STAGES[index]
        self._fill_views()

    def _on_watcher_changed(self, _path: str) -> None:
        self.scan()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._lay_out()

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        super().closeEvent(event)
