"""Live chart of the visit: time treated per area (bars), passes written above each bar."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from console.model.visit_record import VisitRecord


class TreatChart(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph ships no type hints
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setMinimumHeight(180)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.getPlotItem().setLabel("left", self.tr("seconds"))
        self.getPlotItem().showGrid(y=True, alpha=0.3)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush="#1f6f5c")
        self.addItem(self.bars)
        self._labels: list[pg.TextItem] = []
        self.seconds: list[float] = []
        self.passes: list[int] = []

    def show_record(self, record: VisitRecord) -> None:
        self.seconds = [round(a.treated_seconds, 1) for a in record.areas]
        self.passes = [len(a.passes) for a in record.areas]
        xs = list(range(len(record.areas)))
        self.bars.setOpts(x=xs, height=self.seconds, width=0.6)
        axis = self.getPlotItem().getAxis("bottom")
        axis.setTicks([[(i, a.zone_name) for i, a in enumerate(record.areas)]])
        for label in self._labels:
            self.removeItem(label)
        self._labels = []
        for i, (secs, n) in enumerate(zip(self.seconds, self.passes, strict=True)):
            words = self.tr("1 pass") if n == 1 else self.tr("{n} passes").format(n=n)
            label = pg.TextItem(words, color="#222", anchor=(0.5, 1))
            label.setPos(i, secs)
            self.addItem(label)
            self._labels.append(label)
        top = max(self.seconds, default=0.0)
        self.setYRange(0, max(60.0, top * 1.25), padding=0)
        self.setXRange(-0.6, max(len(xs) - 0.4, 0.6), padding=0)
