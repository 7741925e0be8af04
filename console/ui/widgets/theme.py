"""Type and sizes for a treatment room: legible from a step back, big targets for gloves."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

BASE_POINT_SIZE = 15
TARGET_HEIGHT = 48  # px; a gloved fingertip

# Colours, all WCAG AA (≥ 4.5:1) against the background they sit on.
INK = "#1b1f1e"  # body text on white: 16.5:1
PRIMARY = "#1f6f5c"  # white on it: 6.0:1
DANGER = "#b00020"  # white on it, and on white: 7.4:1
WARNING = "#8a5a00"  # on white: 5.9:1
HINT = "#555555"  # on white: 7.5:1
FOCUS = "#0b57d0"  # the focus ring; on white: 6.3:1
BANNER = "#e3efeb"  # banner background; ink on it: 14.7:1

STYLE = """
QWidget { font-size: %(base)dpt; color: %(ink)s; }
QPushButton { min-height: %(target)dpx; padding: 4px 18px; background: #eef2f1;
              border: 2px solid #6b7a76; border-radius: 6px; }
QPushButton:disabled { color: #6b6b6b; border-color: #b9c2c0; }
QPushButton[primary="true"] { background: %(primary)s; color: white; font-weight: bold;
                              border-color: %(primary)s; }
QPushButton[role="danger"] { background: %(danger)s; color: white; font-weight: bold;
                             border-color: %(danger)s; }
QPushButton:checked { background: %(primary)s; color: white; font-weight: bold; }
QPushButton[primary="true"]:disabled { background: #9bb8b0; border-color: #9bb8b0; }
QLineEdit, QComboBox, QDateEdit, QSpinBox, QDoubleSpinBox, QDateTimeEdit, QTimeEdit {
    min-height: %(field)dpx; }
QRadioButton, QCheckBox { spacing: 10px; padding: 6px 12px; min-height: %(target)dpx;
                          border: 3px solid transparent; border-radius: 6px; }
QRadioButton::indicator, QCheckBox::indicator { width: 26px; height: 26px; }
/* The focus ring, readable from a metre: thick and blue on every control that takes keys. */
QPushButton:focus, QRadioButton:focus, QCheckBox:focus { border: 4px solid %(focus)s; }
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus,
QTimeEdit:focus, QPlainTextEdit:focus, QListWidget:focus, QTableWidget:focus,
QTableView:focus, QTreeWidget:focus { border: 3px solid %(focus)s; }
QLabel[role="error"] { color: %(danger)s; font-weight: bold; }
QLabel[role="warning"] { color: %(warning)s; font-weight: bold; }
QLabel[role="title"] { font-size: %(title)dpt; font-weight: bold; }
QLabel[role="hint"] { color: %(hint)s; }
QLabel#banner { background: %(banner)s; padding: 6px 12px; font-size: %(side)dpt; }
QListWidget#sidebar { font-size: %(side)dpt; background: #f2f5f4; border: none; }
/* Compact: the names would not fit beside the widest steps (Sidebar); body size, less padding. */
QListWidget#sidebar[fit="compact"] { font-size: %(base)dpt; }
QListWidget#sidebar::item { padding: 10px 14px; }
QListWidget#sidebar[fit="compact"]::item { padding: 10px 4px; }
QListWidget#sidebar::item:selected { background: %(primary)s; color: white; }
QListWidget#sidebar::item:disabled { color: #8a8a8a; }
/* Treat and Prep: read from two metres. */
QLabel[role="area"] { font-size: %(x2)dpt; font-weight: bold; }
QLabel[role="count"] { font-size: %(x175)dpt; font-weight: bold; }
QLabel[role="depth"] { font-size: %(x15)dpt; }
QLabel[role="state"] { font-size: %(x135)dpt; }
QLabel[role="total"] { font-size: %(x12)dpt; }
QLabel[role="countdown"] { font-size: %(x19)dpt; font-weight: bold; }
QLabel[role="unit"] { font-weight: bold; }
QLineEdit[role="search"] { font-size: %(search_type)dpt; min-height: %(search)dpx; }
QPushButton[role="start"] { font-size: %(x135)dpt; }
/* Sign-in and lock: the names, the PIN and its pad. Fixed sizes, as the pad's buttons are. */
QWidget#name-picker QScrollArea,
QWidget#name-picker QScrollArea > QWidget > QWidget { background: transparent; }
QPushButton[role="name"] { text-align: left; padding-left: 20px; font-size: 17pt; }
QPushButton[role="name"]:checked { background: %(primary)s; color: white; font-weight: bold;
                                   border-radius: 6px; }
QLineEdit#pin { font-size: 24pt; letter-spacing: 6px; }
QLineEdit#pin[role="countersign"] { font-size: 18pt; letter-spacing: 4px; }
QPushButton[role="pin-digit"] { font-size: 20pt; }
QWidget#lock-screen { background: #e9efed; }
QLabel#lock-pass-status { font-size: 20pt; font-weight: bold; color: %(danger)s; }
/* The banner after an unexpected error (crash_guard): it must not go unnoticed. */
QLabel#banner[state="crashed"] { color: %(danger)s; font-weight: bold; }
/* Patient form: six Fitzpatrick buttons side by side. */
QPushButton[role="fitzpatrick"] { padding: 4px 0px; min-width: 46px; }
/* Settings: a key capture that is listening is unmistakable (dark ink: white on yellow was
   unreadable). */
QPushButton[role="key-capture"]:checked { background: #fff4c2; border: 2px solid #c98a00;
                                          color: %(ink)s; font-weight: bold; }
/* A page of a sheet (handout preview) or the clinic's logo: paper on the grey window. */
QLabel[role="paper"] { border: 1px solid #c9d3d6; background: white; }
/* Consent: the text the patient reads and signs. */
QTextBrowser#consent-text { font-size: 15pt; background: white; padding: 8px; }
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
            "search": round(56 * scale),
            "title": round(base * 1.5),
            "side": round(base * 1.1),
            "x12": round(base * 1.2),
            "x135": round(base * 1.35),
            "x15": round(base * 1.5),
            # The patient search is big already at 1.0; above, it grows only as the body
            # does, so its prompt still fits beside the patient's details at 1280 wide.
            "search_type": max(round(BASE_POINT_SIZE * 1.5), round(base * 1.25)),
            "x175": round(base * 1.75),
            "x19": round(base * 1.9),
            "x2": round(base * 2),
            "ink": INK,
            "primary": PRIMARY,
            "danger": DANGER,
            "warning": WARNING,
            "hint": HINT,
            "focus": FOCUS,
            "banner": BANNER,
        }
    )


def mark(widget: object, **props: object) -> None:
    """Set dynamic properties used by the style sheet (role="error", primary=True …)."""
    for key, value in props.items():
        widget.setProperty(key, value)  # type: ignore[attr-defined]


def restyle(widget: QWidget, **props: object) -> None:
    """``mark`` for a widget already on screen: Qt applies a changed property's rules only
    when the widget is polished again."""
    mark(widget, **props)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
