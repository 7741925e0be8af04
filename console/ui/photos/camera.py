"""Taking a photo with a webcam (QtMultimedia), the last visit's same view as a ghost over it.

QtMultimedia ships in PySide6-Addons, which the base install leaves out for its size:
``pip install .[camera]``. Without it, or without a camera, ``available()`` says why and the
capture dialog keeps the folder and file paths. Frames reach a ``QVideoSink`` from a camera or,
in tests, from a ``QVideoFrameInput`` fed with pictures: the same capture session either way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.errors import DomainError
from console.model.photos import View
from console.photos.service import PhotoService
from console.ui.photos.images import pixmap
from console.ui.widgets import common as widgets

try:
    from PySide6 import QtMultimedia

    HAVE_QT_MULTIMEDIA = True
except ImportError:  # the optional extra is not installed
    HAVE_QT_MULTIMEDIA = False


def available() -> str:
    """ "" when a camera can be used, else the reason in words."""
    if not HAVE_QT_MULTIMEDIA:
        return QCoreApplication.translate(
            "CameraCapture", "No camera support installed (pip install .[camera])."
        )
    if not QtMultimedia.QMediaDevices.videoInputs():
        return QCoreApplication.translate("CameraCapture", "No camera found on this PC.")
    return ""


def jpeg(image: QImage) -> bytes:
    """The frame as a JPEG (Qt writes no EXIF; the import call drops any metadata anyway)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_RGB888).save(buffer, "JPEG", 92)  # type: ignore[call-overload]  # stub: bytes; PySide6 takes str
    buffer.close()
    return bytes(data.data())


class CameraCapture(QDialog):
    """Live picture with the ghost; "Take" stores the current frame under the chosen view."""

    def __init__(
        self,
        ctx: AppContext,
        patient_id: str,
        visit_id: str,
        view: View,
        stage: str,
        *,
        frame_input: Any = None,  # a QVideoFrameInput (tests) instead of the default camera
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert HAVE_QT_MULTIMEDIA, available()
        self.setWindowTitle(self.tr("Camera: {view}").format(view=view.name))
        self.service = PhotoService(ctx)
        self.patient_id, self.visit_id, self.view_def, self.stage = (
            patient_id,
            visit_id,
            view,
            stage,
        )
        self.taken: list[str] = []  # photo ids stored from this dialog
        self.session = QtMultimedia.QMediaCaptureSession(self)
        self.sink = QtMultimedia.QVideoSink(self)
        self.session.setVideoSink(self.sink)
        self.camera: Any = None
        if frame_input is not None:
            self.session.setVideoFrameInput(frame_input)
        else:
            self.camera = QtMultimedia.QCamera(self)
            self.session.setCamera(self.camera)
        self.sink.videoFrameChanged.connect(self._on_sink_frame_changed)

        self.scene = QGraphicsScene(self)
        self.live = QGraphicsPixmapItem()
        self.ghost = QGraphicsPixmapItem()
        for item in (self.live, self.ghost):
            self.scene.addItem(item)
        self.picture = QGraphicsView(self.scene)
        self.picture.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.picture.setBackgroundBrush(Qt.GlobalColor.black)
        self.ghost_slider = QSlider(Qt.Orientation.Horizontal)
        self.ghost_slider.setRange(0, 80)
        self.ghost_slider.setValue(35)
        self.ghost_slider.valueChanged.connect(self._on_ghost_slider_changed)
        self.guide = QLabel(f"<b>{view.name}</b>: {view.guide}")
        self.guide.setWordWrap(True)
        self.error = widgets.error_label()
        self.status = widgets.hint()
        self.take = widgets.primary(self.tr("Take photo"))
        self.take.setEnabled(False)
        self.take.clicked.connect(self._on_take_clicked)
        close = QPushButton(self.tr("Done"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Last visit's ghost")))
        row.addWidget(self.ghost_slider, 1)
        row.addWidget(close)
        row.addWidget(self.take)
        layout = QVBoxLayout(self)
        layout.addWidget(self.guide)
        layout.addWidget(self.picture, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self._load_ghost()
        if self.camera is not None:
            self.camera.start()

    def _load_ghost(self) -> None:
        ghost = self.service.ghost(self.visit_id, self.view_def.id)
        if ghost is None:
            self.status.setText(
                self.tr("No earlier photo of the {view} view.").format(
                    view=self.view_def.name.lower()
                )
            )
            return
        try:
            self.ghost.setPixmap(pixmap(self.service.screen(ghost)))
        except DomainError as exc:
            self.error.setText(exc.message)
        self._on_ghost_slider_changed(self.ghost_slider.value())

    def frame_image(self) -> QImage:
        frame = self.sink.videoFrame()
        return frame.toImage() if frame.isValid() else QImage()

    def _on_sink_frame_changed(self, _frame: object) -> None:
        image = self.frame_image()
        if image.isNull():
            return
        self.live.setPixmap(QPixmap.fromImage(image))
        ghost = self.ghost.pixmap()
        if not ghost.isNull():
            self.ghost.setScale(image.width() / ghost.width())
        self.scene.setSceneRect(self.live.boundingRect())
        self.picture.fitInView(self.live, Qt.AspectRatioMode.KeepAspectRatio)
        self.take.setEnabled(True)

    def _on_ghost_slider_changed(self, value: int) -> None:
        self.ghost.setOpacity(value / 100)

    def _on_take_clicked(self) -> None:
        image = self.frame_image()
        if image.isNull():
            self.error.setText(self.tr("No picture from the camera yet."))
            return
        try:
            done = self.service.import_photo(
                self.patient_id,
                self.view_def.id,
                jpeg(image),
                visit_id=self.visit_id,
                stage=self.stage,
                source="camera",
            )
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.taken.append(done.photo.id)
        self.error.clear()
        self.status.setText(
            self.tr("Stored: {view}, {stage}.").format(view=self.view_def.name, stage=self.stage)
        )

    def done(self, result: int) -> None:
        if self.camera is not None:
            self.camera.stop()
        super().done(result)
