"""Turning stored photo bytes into pixmaps, at the size a screen can show."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap

# The compare view's decode size: more than a 1366-wide screen shows at 2× zoom, and the JPEG
# decoder scales while decoding (a 12 MP file several times faster than at full size).
SHOW_LONG_SIDE = 2048


def pixmap(data: bytes, long_side: int = SHOW_LONG_SIDE) -> QPixmap:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > long_side:
        reader.setScaledSize(
            size.scaled(QSize(long_side, long_side), Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    buffer.close()
    return QPixmap.fromImage(image)
