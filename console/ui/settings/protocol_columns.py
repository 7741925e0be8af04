"""Columns of the protocol editor's tables that need more than plain text or a number."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.ui.settings.table_editor import Column, TableEditor, parse_number, plain
from console.ui.shell.i18n import QT_TRANSLATE_NOOP

# Marked for lupdate here; shown through _tr.
KIND_LABELS = {
    "hard_stop": QT_TRANSLATE_NOOP("ProtocolColumns", "Hard stop"),
    "waiting_period": QT_TRANSLATE_NOOP("ProtocolColumns", "Waiting period"),
    "needs_clearance": QT_TRANSLATE_NOOP("ProtocolColumns", "Needs clearance"),
    "prompt": QT_TRANSLATE_NOOP("ProtocolColumns", "Prompt"),
}
YES_NO = [
    ("false", QT_TRANSLATE_NOOP("ProtocolColumns", "no")),
    ("true", QT_TRANSLATE_NOOP("ProtocolColumns", "yes")),
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProtocolColumns", text)


def kind_choices(kinds: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    return [(k, _tr(KIND_LABELS[k])) for k in kinds]


def flag(key: str, header: str) -> Column:
    def put(item: dict[str, Any], value: str) -> None:
        item[key] = value == "true"

    return Column(
        key,
        header,
        lambda i: "true" if i.get(key) else "false",
        put,
        choices=lambda: [(v, _tr(t)) for v, t in YES_NO],
    )


def id_list(key: str, header: str) -> Column:
    def put(item: dict[str, Any], text: str) -> None:
        item[key] = [t.strip() for t in text.split(",") if t.strip()]

    return Column(key, header, lambda i: ", ".join(i.get(key) or []), put)


def wait() -> Column:
    def get(item: dict[str, Any]) -> str:
        wait = item.get("wait") or {}
        return " ".join(f"{v} {k}" for k, v in wait.items())

    def put(item: dict[str, Any], text: str) -> None:
        m = re.fullmatch(r"\s*(\d+)\s*(month|week|day)s?\s*", text.lower())
        if m:
            item["wait"] = {m.group(2) + "s": int(m.group(1))}
        elif text.strip():
            item["wait"] = {"?": text}  # the check says what a length looks like
        else:
            item.pop("wait", None)

    return Column(
        "wait", _tr(QT_TRANSLATE_NOOP("ProtocolColumns", "Wait (e.g. 6 months)")), get, put
    )


def typical(concern: str, name: str) -> Column:
    def get(item: dict[str, Any]) -> str:
        rng = (item.get("typical") or {}).get(concern)
        return (
            "" if not rng else "–".join(f"{v:g}" if isinstance(v, float) else str(v) for v in rng)
        )

    def put(item: dict[str, Any], text: str) -> None:
        typical = dict(item.get("typical") or {})
        parts = [p for p in re.split(r"\s*(?:–|—|-|to)\s*", text.strip()) if p]
        if not text.strip():
            typical.pop(concern, None)
        else:
            typical[concern] = [parse_number(p) for p in parts]
        item["typical"] = typical

    return Column("typical", f"{name} (mm)", get, put, sub=concern)


def gtin() -> Column:
    # Text, not a number: a GTIN's leading zeros are part of it.
    def put(item: dict[str, Any], text: str) -> None:
        item["gtin"] = text.strip() or None

    return Column("gtin", "GTIN", lambda i: str(i.get("gtin") or ""), put)


def new_device() -> dict[str, Any]:
    return {
        "id": "",
        "name": "",
        "min_mm": 0.25,
        "max_mm": 2.5,
        "step_mm": 0.25,
        "warn_above_mm": None,
        "warning": "",
        "excluded_zones": ["eyelids"],
    }


def new_cartridge() -> dict[str, Any]:
    return {"id": "", "name": "", "device_id": "", "needle_count": 12, "gtin": None}


class StringList(TableEditor):
    """A list of lines (what to expect, red flags, directions) edited as one-column rows."""

    def __init__(self, section: str, header: str) -> None:
        super().__init__(
            section, [plain("text", header, stretch=True)], lambda: {"text": ""}, name_key="text"
        )

    def set_lines(self, lines: list[str]) -> None:
        self.set_items([{"text": t} for t in lines])

    def lines(self) -> list[str]:
        return [str(i.get("text", "")) for i in self.items()]
