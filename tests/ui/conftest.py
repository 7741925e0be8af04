"""UI test guards: a modal dialog that nobody answers must fail the test, not hang the run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox


@pytest.fixture(autouse=True)
def no_unanswered_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(self: QDialog, *args: object) -> int:
        pytest.fail(
            f"a modal {type(self).__name__} opened ({self.windowTitle()!r}): patch its ask()",
            pytrace=True,
        )

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    yield
