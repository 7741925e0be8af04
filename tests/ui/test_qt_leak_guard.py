"""The autouse guard of tests/qt_leaks.py: a test leaving a timer or thread running fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QThread, QTimer
from pytestqt.qtbot import QtBot

from tests.qt_leaks import QtLeakTracker

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parents[2]


def test_the_checker_names_a_running_timer_thread_and_single_shot(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, no_qt_leaks: QtLeakTracker
) -> None:
    tracker = QtLeakTracker()
    tracker.install(monkeypatch)
    owner = QObject()
    timer = QTimer(owner)
    timer.setObjectName("forgotten_tick")
    timer.start(60_000)
    thread = QThread()
    thread.setObjectName("forgotten_worker")
    thread.start()  # runs its event loop until told to quit
    fired: list[int] = []
    QTimer.singleShot(60_000, lambda: fired.append(1))
    try:
        leaks = tracker.still_running()
        assert len(leaks) == 3
        assert "QTimer forgotten_tick of QObject" in leaks[0]
        assert f"{__file__}:" in leaks[0]  # where it was started
        assert "QThread forgotten_worker" in leaks[1]
        assert "pending QTimer.singleShot(60000 ms" in leaks[2]
    finally:
        timer.stop()
        thread.quit()
        thread.wait(5000)
    # The single shot above is never waited for (this test's own guard saw it too).
    tracker.pending_single_shots.clear()
    no_qt_leaks.pending_single_shots.clear()
    assert tracker.still_running() == []


def test_a_stopped_timer_and_a_fired_single_shot_are_not_leaks(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tracker = QtLeakTracker()
    tracker.install(monkeypatch)
    timer = QTimer()
    timer.start(60_000)
    timer.stop()
    fired: list[int] = []
    QTimer.singleShot(1, lambda: fired.append(1))
    qtbot.waitUntil(lambda: bool(fired), timeout=2000)
    assert tracker.still_running() == []


def test_a_test_that_leaves_a_timer_running_fails_with_its_name(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    pytester.makeini("[pytest]\nqt_api = pyside6\n")
    pytester.makeconftest("from tests.qt_leaks import no_qt_leaks  # noqa: F401\n")
    pytester.makepyfile(
        test_leaky="""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QWidget

        KEEP = []  # as a screen held by the app outlives its test

        def test_leaves_a_timer(qtbot):
            widget = QWidget()
            KEEP.append(widget)
            qtbot.addWidget(widget)
            timer = QTimer(widget)
            timer.setObjectName("blink")
            timer.start(60_000)

        def test_stops_its_timer(qtbot):
            timer = QTimer()
            timer.start(60_000)
            timer.stop()
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*test_leaky.py::test_leaves_a_timer left Qt timers or threads running*",
            "*running QTimer blink of QWidget, started at *test_leaky.py:12 (test_leaves_a_timer)*",
        ]
    )
