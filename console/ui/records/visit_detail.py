"""One visit, read-only: what was used, every area and pass, notes, and dated amendments."""

from __future__ import annotations

from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from console.model.visit_record import VisitRecord
from console.ui.shell import i18n


def _t(dt: object, zone: ZoneInfo, fmt: str = "%H:%M:%S") -> str:
    return dt.astimezone(zone).strftime(fmt) if dt is not None else "—"  # type: ignore[attr-defined]


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitDetail", text)


def visit_html(record: VisitRecord, zone: ZoneInfo) -> str:
    """The record as HTML for a QTextBrowser (nothing in it can be edited)."""
    e = escape
    status = {
        "completed": QCoreApplication.translate("VisitDetail", "completed, locked"),
        "stopped": QCoreApplication.translate("VisitDetail", "stopped"),
    }.get(record.status, QCoreApplication.translate("VisitDetail", "open"))
    parts = [
        f"<h3>{i18n.weekday_day_time(record.started_at.astimezone(zone))} · {e(status)}</h3>",
        "<p>"
        + QCoreApplication.translate(
            "VisitDetail",
            "Practitioner: <b>{name}</b> · device {device} · protocol version {version}",
        ).format(
            name=e(record.practitioner_name),
            device=e(record.device_id or "—"),
            version=record.protocol_version,
        )
        + (
            QCoreApplication.translate("VisitDetail", " · session {number} of the series").format(
                number=record.series_number
            )
            if record.series_number
            else ""
        )
        + "</p>",
    ]
    if record.cartridges or record.consumables:
        items = [
            f"<li>Cartridge {e(c.cartridge_type_id)} ({c.needle_count} needles): GTIN "
            f"{e(c.gtin or '—')}, lot <b>{e(c.lot)}</b>, serial {e(c.serial or '—')}, "
            f"expires {i18n.day(c.expiry)}{'' if c.seal_intact else ', SEAL NOT INTACT'}</li>"
            for c in record.cartridges
        ] + [
            f"<li>{e(c.kind.capitalize())}: {e(c.product)}, lot <b>{e(c.lot or '—')}</b>"
            + (f", applied {_t(c.applied_at, zone, '%H:%M')}" if c.applied_at else "")
            + (f", removed {_t(c.removed_at, zone, '%H:%M')}" if c.removed_at else "")
            + "</li>"
            for c in record.consumables
        ]
        parts.append("<ul>" + "".join(items) + "</ul>")
    rows = []
    for a in record.areas:
        passes = "<br>".join(
            f"#{p.number} {e(p.direction)} {p.depth_mm} mm, {p.duration_s:.0f} s "
            f"({_t(p.started_at, zone)}–{_t(p.ended_at, zone)})"
            for p in a.passes
        )
        changes = "".join(
            f"<br><i>depth {d.from_mm} → {d.to_mm} mm at {_t(d.at, zone, '%H:%M')}"
            f"{': ' + e(d.reason) if d.reason else ''}</i>"
            for d in a.depth_changes
        )
        reason = (
            f"<br><i>outside typical: {e(a.outside_typical_reason)}</i>"
            if a.outside_typical_reason
            else ""
        )
        rows.append(
            f"<tr><td><b>{e(a.zone_name)}</b><br>{a.depth_mm} mm planned{reason}</td>"
            f"<td>{len(a.passes)} / {a.target_passes}<br>{a.treated_seconds:.0f} s</td>"
            f"<td>{passes}{changes}</td><td>{e((a.endpoint or '—').replace('_', ' '))}</td></tr>"
        )
    if rows:
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='4'><tr>"
            + "".join(
                f"<th>{_tr(str(h))}</th>"
                for h in (
                    QT_TRANSLATE_NOOP("VisitDetail", "Area"),
                    QT_TRANSLATE_NOOP("VisitDetail", "Passes"),
                    QT_TRANSLATE_NOOP("VisitDetail", "Each pass"),
                    QT_TRANSLATE_NOOP("VisitDetail", "Endpoint"),
                )
            )
            + "</tr>"
            + "".join(rows)
            + "</table>"
        )
    parts.append(
        QCoreApplication.translate(
            "VisitDetail", "<p><b>Notes:</b> {notes}<br><b>Adverse events:</b> {events}</p>"
        ).format(
            notes=e(record.notes) or "—",
            events=e(record.adverse_events)
            or QCoreApplication.translate("VisitDetail", "none recorded"),
        )
    )
    if record.amendments:
        amended = "".join(
            f"<li>{i18n.day_time(a.at.astimezone(zone))} by <b>{e(a.by_name)}</b>: {e(a.field)} "
            f"“{e(a.old_value)}” → “{e(a.new_value)}” — {e(a.reason)}</li>"
            for a in record.amendments
        )
        heading = QCoreApplication.translate(
            "VisitDetail", "<b>Amendments</b> (the original stays as recorded):"
        )
        parts.append(f"<p>{heading}</p><ul>{amended}</ul>")
    else:
        parts.append(
            "<p><i>" + QCoreApplication.translate("VisitDetail", "No amendments.") + "</i></p>"
        )
    return "".join(parts)


class VisitDetail(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setAccessibleName(self.tr("visit detail (read-only)"))

    def show_record(self, record: VisitRecord, zone: ZoneInfo) -> None:
        self.setHtml(visit_html(record, zone))
