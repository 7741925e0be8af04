"""Fail a test that leaves a QTimer, a pending single-shot timer or a QThread running.

A timer left running after its test fires in a later one (against a closed window, a closed
database), and a running thread outlives its test: both make failures that point at the
wrong test. As napari does (``napari/utils/_testsupport.py``), every ``QTimer.start``,
``QTimer.singleShot`` and ``QThread.start`` made during a test is recorded, and once
pytest-qt has closed the test's widgets, whatever still runs is reported with where it was
started. Only starts made from Python are seen; Qt's own internal timers are not ours.
"""

from __future__ import annotations

import traceback
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread, QTimer

# A thread whose run() has just returned may report running for a moment longer.
_THREAD_GRACE_MS = 200


def _started_at() -> str:
    """The innermost frame outside this module: the line that started the timer or thread."""
    for frame in reversed(traceback.extract_stack()[:-2]):
        if frame.filename != __file__:
            return f"{frame.filename}:{frame.lineno} ({frame.name})"
    return "?"


def _describe(obj: QObject) -> str:
    name = obj.objectName() or "(no objectName)"
    parent = obj.parent()
    owner = f" of {type(parent).__name__}" if parent is not None else ""
    return f"{type(obj).__name__} {name}{owner}"


@dataclass
class QtLeakTracker:
    """Records the timers and threads started while it is installed."""

    timers: list[tuple[weakref.ref[QTimer], str]] = field(default_factory=list)
    threads: list[tuple[weakref.ref[QThread], str]] = field(default_factory=list)
    # Single-shot calls not yet fired: id -> where they were made.
    pending_single_shots: dict[int, str] = field(default_factory=dict)
    _next_id: int = 0

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        timer_start = QTimer.start
        thread_start = QThread.start
        single_shot = QTimer.singleShot

        # Weak references only: holding the wrapper would keep an unparented timer alive
        # (and running) when the code under test let it go.
        def start_timer(timer: QTimer, *args: Any) -> None:
            self.timers.append((weakref.ref(timer), _started_at()))
            timer_start(timer, *args)

        def start_thread(thread: QThread, *args: Any) -> None:
            self.threads.append((weakref.ref(thread), _started_at()))
            thread_start(thread, *args)

        def start_single_shot(msec: int, *args: Any) -> None:
            # Only the (msec, callable) form can be followed to the moment it fires.
            if len(args) == 1 and callable(args[0]) and not isinstance(args[0], QObject):
                key = self._next_id
                self._next_id += 1
                self.pending_single_shots[key] = f"{msec} ms, {_started_at()}"
                function: Callable[[], object] = args[0]

                def fire() -> None:
                    self.pending_single_shots.pop(key, None)
                    function()

                single_shot(msec, fire)
            else:
                single_shot(msec, *args)

        monkeypatch.setattr(QTimer, "start", start_timer)
        monkeypatch.setattr(QThread, "start", start_thread)
        monkeypatch.setattr(QTimer, "singleShot", staticmethod(start_single_shot))

    def still_running(self) -> list[str]:
        """One line per timer or thread still running, naming it and where it was started."""
        found: list[str] = []
        for ref, where in self.timers:
            timer = ref()
            if timer is not None and shiboken6.isValid(timer) and timer.isActive():
                found.append(f"running {_describe(timer)}, started at {where}")
        for ref, where in self.threads:
            thread = ref()
            if thread is None or not shiboken6.isValid(thread):
                continue
            if thread.isRunning() and not thread.wait(_THREAD_GRACE_MS):
                found.append(f"running {_describe(thread)}, started at {where}")
        for where in self.pending_single_shots.values():
            found.append(f"pending QTimer.singleShot({where})")
        return found


@pytest.fixture(autouse=True)
def no_qt_leaks(request: pytest.FixtureRequest) -> Iterator[QtLeakTracker | None]:
    """Autouse: a test using Qt fails at teardown if it left a timer or thread running.

    Its teardown runs after pytest-qt closed the widgets the test registered with
    ``qtbot.addWidget``, so a widget that stops its timers on close passes.
    """
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield None
        return
    monkeypatch = pytest.MonkeyPatch()
    tracker = QtLeakTracker()
    tracker.install(monkeypatch)
    try:
        yield tracker
    finally:
        monkeypatch.undo()
    leaks = tracker.still_running()
    if leaks:
        pytest.fail(
            f"{request.node.nodeid} left Qt timers or threads running "
            "(stop timers on close/hide; wait for threads):\n  " + "\n  ".join(leaks),
            pytrace=False,
        )
