"""Printing through Qt: pages rendered onto a real QPrinter in a thread, outcomes recorded."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter

from console.aftercare import create_handout
from console.aftercare.pdf import page_count
from console.context import AppContext
from console.data import audit_repo, handouts_repo, settings_repo
from console.ui.shell.printing import PrintJob, print_pdf
from console.ui.steps.handout_preview import HandoutPreview, PdfPagesView
from tests.aftercare_visit import insert_completed_visit
from tests.conftest import require_tool


def pdf_printer(path: Path) -> QPrinter:
    # Qt's own PDF output is a real QPrinter: same paint engine calls as a CUPS queue.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def visit(ctx: AppContext, staff: list[str]) -> str:
    settings_repo.put(ctx.db, "clinic.name", "Lumen Skin Clinic", now=ctx.now(), by=staff[0])
    settings_repo.put(ctx.db, "clinic.phone", "0117 496 0123", now=ctx.now(), by=staff[0])
    return insert_completed_visit(ctx, patient_name="王小明")


def test_print_pdf_renders_every_page_at_printer_resolution(
    qtbot, ctx: AppContext, visit: str, tmp_path: Path
) -> None:
    pdfinfo = require_tool("pdfinfo", "poppler-utils")
    info = create_handout(ctx, visit)
    out = tmp_path / "printed.pdf"
    outcome = print_pdf(info.path.read_bytes(), pdf_printer(out), doc_name="Aftercare test")
    assert outcome.ok, outcome.message
    assert outcome.pages == info.pages
    meta = subprocess.run([pdfinfo, str(out)], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {info.pages}" in meta
    assert "(A4)" in meta
    assert "Title:           Aftercare test" in meta


def test_print_job_runs_off_the_gui_thread_and_is_recorded(
    qtbot, ctx: AppContext, visit: str, tmp_path: Path
) -> None:
    info = create_handout(ctx, visit)
    out = tmp_path / "job.pdf"
    job = PrintJob(ctx, info, info.path.read_bytes(), pdf_printer(out), copies=1)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(job.finished, timeout=30000) as blocker:
        job.start()
    timer.stop()
    outcome = blocker.args[0]
    assert outcome.ok, outcome.message
    assert not job.is_running()
    # The event loop kept turning while pages rendered: the window would not freeze.
    assert len(ticks) >= 3
    assert page_count(out.read_bytes()) == info.pages
    (row,) = handouts_repo.prints_for_handout(ctx.db, info.id)
    assert (row["status"], row["copies"], row["printer"]) == ("printed", 1, str(out))
    assert audit_repo.rows(ctx.db, entity_id=visit)[0]["action"] == "handout.print"


def test_printer_that_cannot_open_is_reported_in_words_and_recorded(
    qtbot, ctx: AppContext, visit: str, tmp_path: Path
) -> None:
    info = create_handout(ctx, visit)
    job = PrintJob(ctx, info, info.path.read_bytes(), pdf_printer(tmp_path / "no" / "dir.pdf"))
    with qtbot.waitSignal(job.finished, timeout=30000) as blocker:
        job.start()
    outcome = blocker.args[0]
    assert not outcome.ok
    assert "could not be opened" in outcome.message
    assert "stays archived" in outcome.message
    (row,) = handouts_repo.prints_for_handout(ctx.db, info.id)
    assert row["status"] == "failed" and "could not be opened" in row["message"]
    assert info.path.exists()


def test_preview_shows_pages_and_prints_through_the_dialog(
    qtbot, ctx: AppContext, visit: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = HandoutPreview(ctx)
    qtbot.addWidget(preview)
    assert not preview.print_button.isEnabled()  # nothing loaded yet
    archived = create_handout(ctx, visit)
    info = preview.load_visit(visit)
    assert info == archived
    assert len(preview.pages.page_labels()) == info.pages
    assert preview.pages.page_labels()[0].pixmap().width() > 300
    assert preview.room_button.isEnabled() and preview.print_button.isEnabled()

    out = tmp_path / "dialog.pdf"

    def choose_pdf_file(cls, parent, printer: QPrinter) -> bool:  # type: ignore[no-untyped-def]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setCopyCount(2)
        return True

    monkeypatch.setattr(HandoutPreview, "ask_printer", classmethod(choose_pdf_file))
    with qtbot.waitSignal(preview.printed, timeout=30000) as blocker:
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
        assert not preview.print_button.isEnabled()  # one print at a time
    assert blocker.args[0].ok
    assert out.exists()
    assert preview.status.text().startswith("Sent to") and "(2 copies)" in preview.status.text()
    assert preview.print_button.isEnabled()
    (row,) = handouts_repo.prints_for_handout(ctx.db, info.id)
    assert row["copies"] == 2


def test_preview_of_a_visit_without_a_sheet_shows_a_draft_and_writes_nothing(
    qtbot, ctx: AppContext, visit: str
) -> None:
    audit_before = len(audit_repo.rows(ctx.db, entity_id=visit))
    preview = HandoutPreview(ctx)
    qtbot.addWidget(preview)
    assert preview.load_visit(visit) is None  # nothing archived: nothing to hand over
    assert len(preview.pages.page_labels()) >= 1  # but the practitioner sees how it would look
    assert "Draft from today's Settings" in preview.status.text()
    assert not preview.print_button.isEnabled() and not preview.room_button.isEnabled()
    assert handouts_repo.count_for_visit(ctx.db, visit) == 0
    assert not ctx.handouts_dir.exists() or not any(ctx.handouts_dir.rglob("*.pdf"))
    assert len(audit_repo.rows(ctx.db, entity_id=visit)) == audit_before


def test_room_printer_missing_is_explained(qtbot, ctx: AppContext, visit: str) -> None:
    preview = HandoutPreview(ctx)
    qtbot.addWidget(preview)
    create_handout(ctx, visit)
    preview.load_visit(visit)
    assert preview.print_to_room() is None
    assert "No room printer is chosen yet" in preview.error.text()
    settings_repo.put(ctx.db, "room.printer", "Nowhere_Printer", now=ctx.now(), by=None)
    assert preview.print_to_room() is None
    assert "“Nowhere_Printer” is not set up on this computer" in preview.error.text()


def test_tampered_archive_is_not_printed(
    qtbot, ctx: AppContext, visit: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = HandoutPreview(ctx)
    qtbot.addWidget(preview)
    create_handout(ctx, visit)
    info = preview.load_visit(visit)
    assert info is not None
    info.path.write_bytes(info.path.read_bytes() + b"\n% edited")
    monkeypatch.setattr(HandoutPreview, "ask_printer", classmethod(lambda cls, p, pr: True))
    assert preview.print_with_dialog() is None
    assert "changed after it was handed over" in preview.error.text()
    assert handouts_repo.prints_for_handout(ctx.db, info.id) == []


def test_save_ics_and_sample_preview(
    qtbot, ctx: AppContext, visit: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = HandoutPreview(ctx)
    qtbot.addWidget(preview)
    create_handout(ctx, visit)
    preview.load_visit(visit)
    target = tmp_path / "next.ics"
    monkeypatch.setattr(HandoutPreview, "ask_ics_path", classmethod(lambda c, p, s: str(target)))
    assert preview.save_ics() == target
    assert b"DTSTART;VALUE=DATE:20270112" in target.read_bytes()
    assert audit_repo.rows(ctx.db, entity_id=visit)[0]["action"] == "handout.ics_export"

    # The Settings preview: any PDF bytes, no printing.
    from console.aftercare import build_sheet, sample_record
    from console.data import protocol_repo

    protocol = protocol_repo.current(ctx.db)
    data = build_sheet(
        sample_record(protocol), protocol, settings_repo.get_all(ctx.db), sample=True
    )
    view = PdfPagesView()
    qtbot.addWidget(view)
    assert view.show_pdf(data) == page_count(data)
    assert preview.show_pdf(data) == page_count(data)
    assert not preview.room_button.isEnabled()
