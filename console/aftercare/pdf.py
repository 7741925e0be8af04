"""Reading PDFs with pypdfium2 (page count, page images) behind one process-wide lock.

PDFium is not thread-safe: the print worker thread and the preview on the GUI thread must never
call into it at the same time, so every call goes through ``PDFIUM_LOCK``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pypdfium2 as pdfium

from console.errors import DomainError

PDFIUM_LOCK = threading.RLock()


@contextmanager
def open_pdf(data: bytes) -> Iterator[Any]:
    """A ``pdfium.PdfDocument`` for ``data``, holding the lock until the block ends."""
    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise DomainError(f"The sheet is not a readable PDF ({exc}).") from exc
        try:
            yield doc
        finally:
            doc.close()


def page_count(data: bytes) -> int:
    with open_pdf(data) as doc:
        return len(doc)


def page_sizes_pt(data: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points (1/72 inch)."""
    with open_pdf(data) as doc:
        sizes = (doc[i].get_size() for i in range(len(doc)))
        return [(float(w), float(h)) for w, h in sizes]
