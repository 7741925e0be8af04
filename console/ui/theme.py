"""Type and sizes for a treatment room: legible from a step back, big targets for gloves."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 15
TARGET_HEIGHT = 48  # px; a gloved fingertip

STYLE = """
QWidget { font-size: %(base)dpt; }
QPushButton { min-height: %(target)dpx; padding: 4px 18px; }
QPushButton[primary="true"] { background: #1f6f5c; color: white; font-weight: bold;
                              border-radius: 6px; }
QPushButton:checked { background: #1f6f5c; color: white; font-weight: bold;
                      border-radius: 6px; }
QPushButton[primary="true"]:disabled { background: #9bb8b0; }
QLineEdit, QComboBox, QDateEdit, QSpinBox, QDoubleSpinBox, QDateTimeEdit {
    min-height: %(field)dpx; }
QRadioButton, QCheckBox { spacing: 10px; padding: 6px 12px; }
QRadioButton::indicator, QCheckBox::indicator { width: 26px; height: 26px; }
QLabel[role="error"] { color: #b00020; font-weight: bold; }
QLabel[role="warning"] { color: #8a5a00; font-weight: bold; }
QLabel[role="title"] { font-size: %(title)dpt; font-weight: bold; }
QLabel[role="hint"] { color: #555; }
QListWidget#sidebar { font-size: %(side)dpt; background: #f2f5f4; border: none; }
QListWidget#sidebar::item { padding: 10px 14px; }
QListWidget#sidebar::item:selected { background: #1f6f5c; color: white; }
QListWidget#sidebar::item:disabled { color: #aaa; }
"""


def apply(app: QApplication, scale: float = 1.0) -> None:
    base = max(9, round(BASE_POINT_SIZE * scale))
    font = QFont("DejaVu Sans")
    font.setPointSize(base)
    app.setFont(font)
    app.setStyleSheet(
        STYLE
        % {
            "base": base,
            "target": round(TARGET_HEIGHT * scale),
            "field": round(40 * scale),
            "title": round(base * 1.5),
            "side": round(base * 1.1),
        }
    )


def mark(widget: object, **props: object) -> None:
    """Set dynamic properties used by the style sheet (role="error", primary=True …)."""
    for key, value in props.items():
        widget.setProperty(key, value)  # type: ignore[attr-defined]
