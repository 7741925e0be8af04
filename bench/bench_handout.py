"""Aftercare sheet speed: PDF generation (target median < 100 ms) and rendering for print
(target < 0.5 s a page at 300 dpi).

``python bench/bench_handout.py`` prints both; the lead's runner calls ``handout_median_ms()``
and ``print_render_ms_per_page()``. Generation is timed warm (fonts registered once per
process, as in the running app); the first, cold build is reported separately.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CLINIC = {
    "clinic.name": "Lumen Skin Clinic",
    "clinic.address": "12 Harbour Street\nBristol BS1 4QA",
    "clinic.phone": "0117 496 0123",
    "clinic.website": "lumen-skin.example",
    "clinic.booking_url": "https://lumen-skin.example/book",
}
# A long name in three scripts: the worst case for font runs and subsetting.
NAME = "Nguyễn Thị Minh Khai-Александрова 王小明 (Zoë Łukasz)"


def _sheet_inputs():  # type: ignore[no-untyped-def]
    from console.aftercare import sample_record
    from console.model.protocol import default_body, from_body

    protocol = from_body(1, default_body())
    return sample_record(protocol, patient_name=NAME), protocol


def handout_timings_ms(rounds: int = 30) -> dict[str, float]:
    from console.aftercare import build_sheet

    record, protocol = _sheet_inputs()
    start = time.perf_counter()
    build_sheet(record, protocol, CLINIC)
    cold = (time.perf_counter() - start) * 1000
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        build_sheet(record, protocol, CLINIC)
        timings.append((time.perf_counter() - start) * 1000)
    return {
        "cold_ms": round(cold, 1),
        "median_ms": round(statistics.median(timings), 1),
        "max_ms": round(max(timings), 1),
    }


def handout_median_ms(rounds: int = 30) -> float:
    """Median time to build one sheet PDF (warm), in milliseconds."""
    return handout_timings_ms(rounds)["median_ms"]


def print_render_ms_per_page(dpi: int = 300, rounds: int = 3) -> float:
    """Median time to render one sheet page to an image at ``dpi`` for the printer, in ms."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from console.aftercare import build_sheet
    from console.ui.shell.printing import page_count, render_page

    _app = QGuiApplication.instance() or QGuiApplication([])
    record, protocol = _sheet_inputs()
    data = build_sheet(record, protocol, CLINIC)
    pages = page_count(data)
    timings = []
    for _ in range(rounds):
        for index in range(pages):
            start = time.perf_counter()
            render_page(data, index, dpi)
            timings.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(timings), 1)


def print_path_ms_per_page(rounds: int = 3) -> float:
    """Whole print path per page (render + paint onto a QPrinter writing a PDF file), in ms."""
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPrintSupport import QPrinter

    from console.aftercare import build_sheet
    from console.ui.shell.printing import print_pdf

    _app = QGuiApplication.instance() or QGuiApplication([])
    record, protocol = _sheet_inputs()
    data = build_sheet(record, protocol, CLINIC)
    timings = []
    with tempfile.TemporaryDirectory() as folder:
        for n in range(rounds):
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(Path(folder) / f"{n}.pdf"))
            outcome = print_pdf(data, printer)
            timings.append(outcome.seconds * 1000 / outcome.pages)
    return round(statistics.median(timings), 1)


if __name__ == "__main__":
    gen = handout_timings_ms()
    print(
        f"sheet generation: median {gen['median_ms']} ms (cold {gen['cold_ms']} ms, "
        f"max {gen['max_ms']} ms), target < 100 ms"
    )
    print(f"render for print: {print_render_ms_per_page()} ms a page at 300 dpi, target < 500 ms")
    print(f"whole print path: {print_path_ms_per_page()} ms a page (render + QPrinter PDF)")
