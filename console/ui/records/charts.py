"""History charts: depth, time and passes per zone across visits, and the series timeline.

Dates on the x axis (DateAxisItem), one colour per zone shared by the three zone charts, and a
hover read-out of the nearest point's values.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from console.records import charts as data
from console.records.history import PatientHistory
from console.ui.shell import i18n
from console.ui.shell.i18n import QT_TRANSLATE_NOOP

# Colour-blind-friendly (Okabe-Ito plus extras), so zones stay apart on any screen.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#8c6d31",
    "#000000",
    "#7f7f7f",
    "#b5179e",
    "#2a9d8f",
    "#e76f51",
    "#264653",
    "#f4a261",
)
TIMELINE_COLOURS = {
    "done": "#009E73",
    "next_due": "#E69F00",
    "overdue": "#D55E00",
    "planned": "#9aa5a8",
}
HOVER_RADIUS_PX = 18


def _when(x: float) -> str:
    return i18n.day(datetime.fromtimestamp(x, UTC))


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryCharts", text)


# Units on the axes and in the hover read-out, per zone chart.
UNITS = {
    "depth": QT_TRANSLATE_NOOP("HistoryCharts", "mm"),
    "minutes": QT_TRANSLATE_NOOP("HistoryCharts", "min"),
    "passes": QT_TRANSLATE_NOOP("HistoryCharts", "passes"),
}
# A point of the series timeline in words, by its kind (the next one overdue has its own).
TIMELINE_WORDS = {
    "done": QT_TRANSLATE_NOOP("HistoryCharts", "Session {number} done {date}"),
    "next_due": QT_TRANSLATE_NOOP("HistoryCharts", "Session {number} due {date}"),
    "overdue": QT_TRANSLATE_NOOP("HistoryCharts", "Session {number} overdue since {date}"),
    "planned": QT_TRANSLATE_NOOP("HistoryCharts", "Session {number} planned {date}"),
}
MARKS = {
    "next_due": QT_TRANSLATE_NOOP("HistoryCharts", "#{number} due"),
    "overdue": QT_TRANSLATE_NOOP("HistoryCharts", "#{number} overdue"),
}


class HistoryCharts(pg.GraphicsLayoutWidget):  # type: ignore[misc]  # pyqtgraph is untyped (Any)
    """Four plots; ``curves[plot][zone_id]`` are the PlotDataItems tests read back."""

    PLOTS = (
        ("depth", QT_TRANSLATE_NOOP("HistoryCharts", "Depth per zone (mm)")),
        ("minutes", QT_TRANSLATE_NOOP("HistoryCharts", "Time per zone (min)")),
        ("passes", QT_TRANSLATE_NOOP("HistoryCharts", "Passes per zone")),
        ("timeline", QT_TRANSLATE_NOOP("HistoryCharts", "Series")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[str, dict[str, pg.PlotDataItem]] = {}
        self.timeline_items: dict[str, pg.PlotDataItem] = {}
        self.timeline_points: list[data.TimelinePoint] = []
        self._labels: dict[str, dict[str, str]] = {}
        self.hover_text = ""
        self._overdue = False
        self._pool: dict[str, list[pg.PlotDataItem]] = {}
        self._timeline_extra: list[pg.GraphicsObject] = []
        font = QFont()
        font.setPointSize(10)
        for i, (key, title) in enumerate(self.PLOTS):
            plot = self.addPlot(
                row=i // 2, col=i % 2, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")}
            )
            plot.setTitle(_tr(title), color="#222", size="11pt")
            plot.getAxis("left").enableAutoSIPrefix(False)  # "0.75 mm", never "750 x0.001"
            plot.showGrid(x=True, y=True, alpha=0.25)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            for side in ("left", "bottom"):
                plot.getAxis(side).setTickFont(font)
                plot.getAxis(side).setTextPen("#333")
            if key in UNITS:
                plot.setLabel("left", _tr(UNITS[key]))
            self.plots[key] = plot
            self.curves[key] = {}
        self.plots["timeline"].hideAxis("left")
        # One legend strip under the charts: the three zone charts share their colours, and
        # a legend inside a plot would cover points and the hover read-out.
        self.legend = pg.LegendItem(labelTextSize="10pt", labelTextColor="#222", colCount=7)
        self.addItem(self.legend, row=2, col=0, colspan=2)
        self.hover_label = pg.TextItem(
            "", color="#111", fill=pg.mkBrush(255, 255, 230, 230), anchor=(0, 1)
        )
        self.hover_label.setZValue(100)
        self._hover_plot: pg.PlotItem | None = None
        self.today_line = pg.InfiniteLine(
            angle=90,
            pen=pg.mkPen("#555", style=Qt.PenStyle.DashLine),
            label=self.tr("today"),
            labelOpts={"position": 0.9},
        )
        self.plots["timeline"].addItem(self.today_line)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    # -- data ------------------------------------------------------------------------------
    def _curve(self, key: str, index: int) -> pg.PlotDataItem:
        """A pooled curve: re-used across patients, because creating pyqtgraph items is
        the slow part of opening a record."""
        pool = self._pool.setdefault(key, [])
        while len(pool) <= index:
            pool.append(self.plots[key].plot([], []))
        curve = pool[index]
        curve.setVisible(True)
        return curve

    def show_history(self, history: PatientHistory, *, now: datetime) -> None:
        self._clear()
        colours: dict[str, str] = {}
        for key, series in (
            ("depth", data.depth_by_zone(history)),
            ("minutes", data.minutes_by_zone(history)),
            ("passes", data.passes_by_zone(history)),
        ):
            for i, s in enumerate(series):
                colour = colours.setdefault(s.key, PALETTE[len(colours) % len(PALETTE)])
                curve = self._curve(key, i)
                curve.setData(
                    list(s.x),
                    list(s.y),
                    pen=pg.mkPen(colour, width=2),
                    symbol="o",
                    symbolSize=7,
                    symbolBrush=colour,
                    symbolPen=colour,
                )
                if key == "depth":
                    self.legend.addItem(curve, s.label)
                self.curves[key][s.key] = curve
                self._labels.setdefault(key, {})[s.key] = s.label
        for key, floor in (("depth", 0.5), ("minutes", 1.0), ("passes", 4.0)):
            top = max(
                (max(c.getData()[1], default=0.0) for c in self.curves[key].values()), default=0.0
            )
            self.plots[key].setYRange(0, max(floor, float(top) * 1.15), padding=0)
        self.timeline_points = data.timeline(history)
        state = history.series.state
        self._overdue = state == "overdue"
        for kind in ("done", "next_due", "planned"):
            pts = [p for p in self.timeline_points if p.kind == kind]
            if not pts:
                continue
            colour = TIMELINE_COLOURS[
                "overdue" if kind == "next_due" and state == "overdue" else kind
            ]
            item = self.plots["timeline"].plot(
                [p.x for p in pts],
                [0.0] * len(pts),
                pen=None,
                symbol="o" if kind == "done" else "s",
                symbolSize=16,
                symbolBrush=colour if kind != "planned" else None,
                symbolPen=pg.mkPen(colour, width=2),
            )
            self.timeline_items[kind] = item
            self._timeline_extra.append(item)
            for p in pts:
                mark = MARKS.get("overdue" if kind == "next_due" and state == "overdue" else kind)
                words = _tr(mark).format(number=p.number) if mark else f"#{p.number}"
                text = pg.TextItem(words, color="#333", anchor=(0.5, 1.4))
                text.setPos(p.x, 0.0)
                self.plots["timeline"].addItem(text)
                self._timeline_extra.append(text)
        tl = self.plots["timeline"]
        tl.setYRange(-1, 1, padding=0)
        self.today_line.setValue(now.timestamp())
        xs = [p.x for p in self.timeline_points] + [now.timestamp()]
        tl.setXRange(min(xs) - 7 * 86400, max(xs) + 7 * 86400, padding=0)

    def _clear(self) -> None:
        self.legend.clear()
        for pool in self._pool.values():
            for curve in pool:
                curve.setVisible(False)
        for curves in self.curves.values():
            curves.clear()
        tl = self.plots["timeline"]
        for item in self._timeline_extra:
            tl.removeItem(item)
        self._timeline_extra = []
        self.timeline_items.clear()
        self._labels.clear()

    # -- hover -----------------------------------------------------------------------------
    def nearest(self, key: str, scene_pos: QPointF) -> str:
        """Text for the data point nearest to ``scene_pos`` in plot ``key`` (or "")."""
        plot = self.plots[key]
        vb = plot.getViewBox()
        best, best_d = "", float(HOVER_RADIUS_PX)
        if key == "timeline":
            candidates = [(p.x, 0.0, self.point_text(p)) for p in self.timeline_points]
        else:
            unit = _tr(UNITS[key])
            candidates = []
            for zone, curve in self.curves[key].items():
                xs, ys = curve.getData()
                name = self._labels[key][zone]
                candidates += [
                    (float(x), float(y), f"{name}\n{_when(x)}: {y:g} {unit}")
                    for x, y in zip(xs, ys, strict=True)
                ]
        for x, y, text in candidates:
            sp = vb.mapViewToScene(QPointF(x, y))
            d = ((sp.x() - scene_pos.x()) ** 2 + (sp.y() - scene_pos.y()) ** 2) ** 0.5
            if d <= best_d:
                best, best_d = text, d
        return best

    def point_text(self, p: data.TimelinePoint) -> str:
        """A timeline point in words, in the UI's language: "Session 2 due 25 Nov 2026"."""
        kind = "overdue" if p.kind == "next_due" and self._overdue else p.kind
        return _tr(TIMELINE_WORDS[kind]).format(number=p.number, date=i18n.day(p.day))

    def scene_pos_of(self, key: str, x: float, y: float) -> QPointF:
        scene_pos: QPointF = self.plots[key].getViewBox().mapViewToScene(QPointF(x, y))
        return scene_pos

    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        for key, plot in self.plots.items():
            if plot.sceneBoundingRect().contains(pos):
                self.show_hover(key, pos)
                return
        self.show_hover("", pos)

    def show_hover(self, key: str, pos: QPointF) -> None:
        text = self.nearest(key, pos) if key else ""
        self.hover_text = text
        if self._hover_plot is not None:
            self._hover_plot.removeItem(self.hover_label)
            self._hover_plot = None
        if text:
            plot = self.plots[key]
            plot.addItem(self.hover_label, ignoreBounds=True)
            self._hover_plot = plot
            self.hover_label.setText(text)
            # Keep the read-out inside the plot: left of the pointer on the right half.
            right_half = pos.x() > plot.sceneBoundingRect().center().x()
            self.hover_label.setAnchor((1, 1) if right_half else (0, 1))
            self.hover_label.setPos(plot.getViewBox().mapSceneToView(pos))
