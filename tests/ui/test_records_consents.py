"""Records: a patient's consents with their state; open, reprint (verified) and withdraw."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.data import audit_repo
from console.ui.records.consents_tab import ConsentPdfDialog, ConsentsTab
from console.ui.records.record_view import PatientRecordView


def test_the_record_lists_consents_and_a_withdrawal_changes_their_state(
    qtbot: QtBot,
    ctx: AppContext,
    patient: str,
    completed_visit: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = PatientRecordView(ctx)
    qtbot.addWidget(view)
    view.show_patient(patient)
    tab = view.consents
    assert view.tabs.tabText(view.tabs.indexOf(tab)) == "Consents"
    titles = {tab.table.item(r, 1).text(): r for r in range(tab.table.rowCount())}
    assert set(titles) == {"Consent to microneedling treatment", "Consent to clinical photographs"}
    row = titles["Consent to microneedling treatment"]
    assert tab.table.item(row, 5).text() == "valid until 23 Nov 2027"
    tab.table.selectRow(row)
    monkeypatch.setattr(ConsentsTab, "ask_withdraw_reason", classmethod(lambda cls, *a: "  "))
    tab.withdraw_button.click()
    assert "Say why" in tab.error.text()
    monkeypatch.setattr(
        ConsentsTab, "ask_withdraw_reason", classmethod(lambda cls, *a: "Phoned to cancel")
    )
    tab.table.selectRow(row)
    tab.withdraw_button.click()
    states = [tab.table.item(r, 5).text() for r in range(tab.table.rowCount())]
    assert "withdrawn 24 Nov 2026: Phoned to cancel" in states


def test_open_and_reprint_use_the_archived_file_checked_by_its_hash(
    qtbot: QtBot, ctx: AppContext, patient: str, completed_visit: str, tmp_path
) -> None:
    tab = ConsentsTab(ctx)
    qtbot.addWidget(tab)
    tab.show_patient(patient)
    consent_id = tab.rows[0].consent.id
    dialog = ConsentPdfDialog(ctx, consent_id)
    qtbot.addWidget(dialog)
    assert len(dialog.pages.page_labels()) >= 1 and dialog.error.text() == ""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    printed = [
        r for r in audit_repo.rows(ctx.db, entity_id=patient) if r["action"] == "consent.print"
    ]
    assert len(printed) == 1
    # A changed archive file is refused, at opening and at printing.
    path = ctx.data_dir / tab.rows[0].consent.pdf_path
    path.write_bytes(path.read_bytes() + b"%x\n")
    again = ConsentPdfDialog(ctx, consent_id)
    qtbot.addWidget(again)
    assert "changed after signing" in again.error.text()
    assert not again.print_button.isEnabled()
