"""Start-up: process start → first painted main window, the app against a bare PySide6 window.

Each start is a fresh process (``startup_child.py``); the parent notes ``time.monotonic()``
just before ``Popen`` and the child prints its own when the first paint has been flushed.
Bare and app starts alternate (AB, BA, AB, …) so a busy moment on this shared machine hits
both alike. ``python bench/bench_startup.py DB`` prints one measurement set.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = Path(__file__).with_name("startup_child.py")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


def start_once(kind: str, db_path: Path, env: dict[str, str], timeout: float = 60) -> float:
    """Milliseconds from Popen to the child's first-paint mark."""
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, str(CHILD), kind, str(db_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise RuntimeError(f"{kind} start: no painted window after {timeout:.0f} s") from None
    marks = [line for line in out.splitlines() if line.startswith("PAINTED ")]
    if child.returncode != 0 or not marks:
        tail = err.strip().splitlines()[-5:]
        raise RuntimeError(f"{kind} start failed (exit {child.returncode}): {' | '.join(tail)}")
    return (float(marks[0].split()[1]) - started) * 1000


def child_env(platform: str, display: str | None = None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    if display:
        env["DISPLAY"] = display
    return env


def measure(db_path: Path, *, runs: int, env: dict[str, str]) -> dict[str, float]:
    """One warm-up pair (fills caches, takes the day's first backup), then ``runs`` pairs."""
    start_once("bare", db_path, env)
    start_once("app", db_path, env)
    bare: list[float] = []
    app: list[float] = []
    for i in range(runs):
        order = ("bare", "app") if i % 2 == 0 else ("app", "bare")
        for kind in order:
            (bare if kind == "bare" else app).append(start_once(kind, db_path, env))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    return {
        "runs": float(runs),
        "bare_median_ms": round(bare_median, 1),
        "bare_p95_ms": round(p95(bare), 1),
        "app_median_ms": round(app_median, 1),
        "app_p95_ms": round(p95(app), 1),
        "ratio": round(app_median / bare_median, 2),
    }


def measure_sizes(
    small_db: Path, big_db: Path, *, runs: int, env: dict[str, str]
) -> dict[str, float]:
    """The app on the small clinic against the same app on the big file, alternating (after a
    warm-up of each, which also reads the big file into the page cache as a morning PC's
    second start would have it). The ratio says whether start-up grows with the file."""
    start_once("app", small_db, env)
    start_once("app", big_db, env)
    small: list[float] = []
    big: list[float] = []
    for i in range(runs):
        order = ((small_db, small), (big_db, big))
        for db, into in order if i % 2 == 0 else order[::-1]:
            into.append(start_once("app", db, env))
    small_median, big_median = statistics.median(small), statistics.median(big)
    return {
        "runs": float(runs),
        "small_median_ms": round(small_median, 1),
        "big_median_ms": round(big_median, 1),
        "big_p95_ms": round(p95(big), 1),
        "big_bytes": float(big_db.stat().st_size),
        "ratio": round(big_median / small_median, 2),
    }


@contextmanager
def xvfb() -> Iterator[str | None]:
    """A private Xvfb on a free display (``-displayfd``); None when Xvfb is not installed."""
    binary = shutil.which("Xvfb")
    if binary is None:
        yield None
        return
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [binary, "-displayfd", str(write_fd), "-screen", "0", "1366x850x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        yield f":{number}" if number else None
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def startup(db_path: Path, *, runs: int, xcb: bool = True) -> dict[str, dict[str, float]]:
    """Offscreen always; also on a real X server (Xvfb, xcb) when one can be started."""
    results = {"offscreen": measure(db_path, runs=runs, env=child_env("offscreen"))}
    if xcb:
        with xvfb() as display:
            if display:
                results["xcb"] = measure(db_path, runs=runs, env=child_env("xcb", display))
    return results


if __name__ == "__main__":
    print(startup(Path(sys.argv[1]), runs=int(sys.argv[2]) if len(sys.argv) > 2 else 5))
