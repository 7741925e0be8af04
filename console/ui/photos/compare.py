"""Two photos of one view: side by side or overlaid with a slider; zoom and pan move both.

Both pictures are drawn at the earlier one's width, so a pixel position means the same place
on the face in either, and one transform and one pair of scroll positions serve all views.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPainter, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.25
MAX_ZOOM = 8.0


def _view(scene: QGraphicsScene) -> QGraphicsView:
    view = QGraphicsView(scene)
    view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
    view.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
    view.setBackgroundBrush(Qt.GlobalColor.black)
    return view


class PhotoCompare(QWidget):
    """Shows a pair; ``zoom`` is shared, scrolling one view scrolls the others."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zoom = 1.0  # relative to "fit"
        self._fit = 1.0
        self._syncing = False
        self.left_scene, self.right_scene, self.overlay_scene = (
            QGraphicsScene(self),
            QGraphicsScene(self),
            QGraphicsScene(self),
        )
        self.left_item = QGraphicsPixmapItem()
        self.right_item = QGraphicsPixmapItem()
        self.under_item = QGraphicsPixmapItem()
        self.over_item = QGraphicsPixmapItem()
        for scene, item in (
            (self.left_scene, self.left_item),
            (self.right_scene, self.right_item),
            (self.overlay_scene, self.under_item),
            (self.overlay_scene, self.over_item),
        ):
            item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            scene.addItem(item)
        self.left_view = _view(self.left_scene)
        self.right_view = _view(self.right_scene)
        self.overlay_view = _view(self.overlay_scene)
        self.views = (self.left_view, self.right_view, self.overlay_view)
        for v in self.views:
            v.setMinimumSize(60, 40)  # the screen decides; Enlarge gives the whole monitor
        for v in self.views:
            v.viewport().installEventFilter(self)
            v.horizontalScrollBar().valueChanged.connect(self._on_scroll_changed)
            v.verticalScrollBar().valueChanged.connect(self._on_scroll_changed)

        self.left_caption, self.right_caption = QLabel(), QLabel()
        side = QWidget()
        grid = QHBoxLayout(side)
        grid.setContentsMargins(0, 0, 0, 0)
        for caption, view in (
            (self.left_caption, self.left_view),
            (self.right_caption, self.right_view),
        ):
            col = QVBoxLayout()
            col.addWidget(caption)
            col.addWidget(view, 1)
            grid.addLayout(col, 1)

        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setValue(50)
        self.slider.setAccessibleName(self.tr("blend between the two dates"))
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.slider_from, self.slider_to = QLabel(), QLabel()
        overlay = QWidget()
        ol = QVBoxLayout(overlay)
        ol.setContentsMargins(0, 0, 0, 0)
        ol.addWidget(self.overlay_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.slider_from)
        row.addWidget(self.slider, 1)
        row.addWidget(self.slider_to)
        ol.addLayout(row)

        self.stack = QStackedWidget()
        self.stack.addWidget(side)
        self.stack.addWidget(overlay)
        self.side_button = QPushButton(self.tr("Side by side"))
        self.overlay_button = QPushButton(self.tr("Overlay"))
        self.fit_button = QPushButton(self.tr("Fit"))
        self.fit_button.clicked.connect(self.fit)
        modes = QButtonGroup(self)
        for i, b in enumerate((self.side_button, self.overlay_button)):
            b.setCheckable(True)
            modes.addButton(b, i)
            # Checked buttons are drawn bold by the theme: leave room so the words fit.
            b.setMinimumWidth(b.sizeHint().width() + 28)
        self.side_button.setChecked(True)
        modes.idClicked.connect(self.set_mode)
        self.bar = QHBoxLayout()  # screens add their own controls to it
        self.bar.addStretch(1)
        self.bar.addWidget(self.side_button)
        self.bar.addWidget(self.overlay_button)
        self.bar.addWidget(self.fit_button)
        self.side_view_tip = self.tr("Wheel: zoom · drag: move (both sides)")
        for v in self.views:
            v.setToolTip(self.side_view_tip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.bar)
        layout.addWidget(self.stack, 1)

    # -- showing ----------------------------------------------------------------------------
    def show_pair(
        self, earlier: QPixmap, later: QPixmap, earlier_caption: str, later_caption: str
    ) -> None:
        width = max(1, earlier.width())
        scale_later = width / max(1, later.width())
        self.left_item.setPixmap(earlier)
        self.right_item.setPixmap(later)
        self.under_item.setPixmap(earlier)
        self.over_item.setPixmap(later)
        for item in (self.right_item, self.over_item):
            item.setScale(scale_later)
        rect = self.left_item.boundingRect().united(
            self.right_item.mapRectToScene(self.right_item.boundingRect())
        )
        for scene in (self.left_scene, self.right_scene, self.overlay_scene):
            scene.setSceneRect(rect)
        self.left_caption.setText(earlier_caption)
        self.right_caption.setText(later_caption)
        self.slider_from.setText(earlier_caption)
        self.slider_to.setText(later_caption)
        self._on_slider_value_changed(self.slider.value())
        self.fit()

    def clear(self, message: str = "") -> None:
        for item in (self.left_item, self.right_item, self.under_item, self.over_item):
            item.setPixmap(QPixmap())
        self.left_caption.setText(message)
        self.right_caption.setText("")

    def set_mode(self, index: int) -> None:
        """0: side by side, 1: overlay with the slider."""
        self.stack.setCurrentIndex(index)
        (self.side_button if index == 0 else self.overlay_button).setChecked(True)
        self._measure_fit()
        self._apply()

    @property
    def overlay_opacity(self) -> float:
        return self.over_item.opacity()

    # -- zoom and pan -----------------------------------------------------------------------
    def fit(self) -> None:
        self._measure_fit()
        self.set_zoom(1.0)

    def _measure_fit(self) -> None:
        rect = self.left_scene.sceneRect()
        view = self.left_view if self.stack.currentIndex() == 0 else self.overlay_view
        area = view.viewport().size()
        if rect.width() > 0 and rect.height() > 0:
            self._fit = min(area.width() / rect.width(), area.height() / rect.height())

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(MAX_ZOOM, max(1.0, zoom))
        self._apply()
        self.zoom_changed.emit(self.zoom)

    def _apply(self) -> None:
        s = self._fit * self.zoom
        for v in self.views:
            v.resetTransform()
            v.scale(s, s)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            step = ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP
            self.set_zoom(self.zoom * step)
            return True
        if event.type() == QEvent.Type.Resize:
            # "Fit" is the space the window gives now; a zoom the user chose is kept.
            self._measure_fit()
            self._apply()
        return super().eventFilter(watched, event)

    def _on_scroll_changed(self, _value: int) -> None:
        if self._syncing:
            return
        source = next(
            (
                v
                for v in self.views
                if v.horizontalScrollBar() is self.sender()
                or v.verticalScrollBar() is self.sender()
            ),
            None,
        )
        if source is None:
            return
        self._syncing = True
        try:
            for v in self.views:
                if v is not source:
                    v.horizontalScrollBar().setValue(source.horizontalScrollBar().value())
                    v.verticalScrollBar().setValue(source.verticalScrollBar().value())
        finally:
            self._syncing = False

    def _on_slider_value_changed(self, value: int) -> None:
        self.over_item.setOpacity(value / 100)
