from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from console.store_errors import ServerGone
from console.ui.shell import crash_guard


def test_an_exception_in_a_slot_becomes_a_sentence_without_patient_data(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    banner = QLabel()
    button = QPushButton()
    qtbot.addWidget(banner)
    qtbot.addWidget(button)
    crash_guard.install(banner)

    def broken() -> None:
        raise KeyError("Zoë Łukasz-Nguyễn")

    button.clicked.connect(broken)
    with caplog.at_level(logging.ERROR, logger="console.ui.crash"):
        button.click()
    assert "Something unexpected went wrong (KeyError)" in banner.text()
    assert "saved" in banner.text()
    assert "KeyError" in caplog.text and "broken" in caplog.text
    assert "Zoë" not in caplog.text and "Nguy" not in caplog.text


def test_a_server_that_does_not_answer_is_said_so_not_called_unexpected(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    banner = QLabel()
    button = QPushButton()
    qtbot.addWidget(banner)
    qtbot.addWidget(button)
    crash_guard.install(banner)

    def server_gone() -> None:
        raise ServerGone("connection to server was lost")

    button.clicked.connect(server_gone)
    button.click()
    assert "The clinic's server does not answer" in banner.text()
    assert "unexpected" not in banner.text()
