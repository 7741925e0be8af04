"""Benchmark runner: the whole app's speed figures against their targets, in one table.

``python bench/run.py [--quick] [--json FILE] [--big-db PATH] [--only a,b]``

Each benchmark runs in a fresh process (``--worker``), after a warm-up, several times; start-up
alternates the app with a bare PySide6 window. Targets are reported as met or missed, never
asserted: the exit status is non-zero only when a benchmark crashes. ``--quick`` (CI) uses a
2,000-patient clinic generated into a temporary folder; the full run also uses the
100,000-patient demo database (built once with ``python -m console demo``, then reused).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
DEFAULT_BIG_DB = Path(tempfile.gettempdir()) / "treatment-console-bench" / "demo100k.sqlite3"
BIG_PATIENTS = 100_000
CLINIC_PATIENTS = 2_000


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    target: float
    unit: str


FIGURES = (
    Figure("startup_ratio", "start-up / bare PySide6 window", 2.0, "×"),
    Figure("startup_ms", "start-up to first painted window", 700, "ms"),
    Figure("startup_big_ms", "start-up on the 100,000-patient file", 700, "ms"),
    Figure("startup_big_ratio", "start-up, big file / small clinic", 1.2, "×"),
    Figure("startup_ratio_xcb", "the same on Xvfb (xcb), for comparison", 2.0, "×"),
    Figure("startup_ms_xcb", "the same on Xvfb (xcb), for comparison", 700, "ms"),
    Figure("search_p95_ms", "patient search while typing", 15, "ms"),
    Figure("pass_commit_p95_ms", "stop pass → committed", 10, "ms"),
    Figure("handout_median_ms", "aftercare sheet PDF", 100, "ms"),
    Figure("print_render_ms_per_page", "render for print, 300 dpi", 500, "ms/page"),
    Figure("timer_cpu_pct", "CPU while a pass is timed", 3, "%"),
    Figure("timer_cpu_pct_xcb", "the same on Xvfb (xcb), for comparison", 3, "%"),
    Figure("rss_mb", "memory after a whole visit", 250, "MB"),
    Figure("patient_open_ms", "open 50-visit patient, charts", 150, "ms"),
    Figure("recall_ms", "lot recall (issue 5)", 50, "ms"),
    Figure(
        "refused_stops",
        "refused pass stops beside backup/export and a 2nd writer, 30 s (10 s quick)",
        0,
        "stops",
    ),
    Figure("stop_queries", "SQL statements per pass stop, Treat screen", 10, "stmts"),
    Figure("stop_ms", "pass stop through the Treat screen", 50, "ms"),
    Figure("photo_import_ms", "12 MP JPEG imported with thumbnail", 500, "ms"),
    Figure("photo_compare_ms", "compare view of two dates painted", 200, "ms"),
    # Clinic mode (issue 13): the same use cases on a PostgreSQL server on this machine.
    Figure("server_pass_commit_p95_ms", "server: stop pass → committed", 10, "ms"),
    Figure(
        "server_search_p95_ms",
        "server: search while typing, 100,000 patients (2,000 quick)",
        15,
        "ms",
    ),
    Figure("server_patient_open_ms", "server: open 50-visit patient, charts", 150, "ms"),
    Figure(
        "server_refused_stops",
        "server: refused pass stops, two rooms writing at once, 30 s (5 s quick)",
        0,
        "stops",
    ),
)

SERVER_KEYS = (
    "server_pass_commit_p95_ms",
    "server_search_p95_ms",
    "server_patient_open_ms",
    "server_refused_stops",
)

# Rounds per benchmark: quick keeps CI under a minute or two on two shared cores.
PLANS = {
    "quick": {
        "startup_runs": 3,
        "search_rounds": 1,
        "open_rounds": 5,
        "recall_rounds": 3,
        "handout_rounds": 8,
        "render_rounds": 1,
        "passes": 40,
        "timer_s": 3.0,
        "stops": 20,
        "contention_s": 10.0,
        "photo_rounds": 3,
        "server_patients": 2_000,
        "server_with_visits": 300,
        "server_rooms_s": 5.0,
    },
    "full": {
        "startup_runs": 10,
        "search_rounds": 5,
        "open_rounds": 25,
        "recall_rounds": 30,
        "handout_rounds": 30,
        "render_rounds": 3,
        "passes": 300,
        "timer_s": 20.0,
        "stops": 100,
        "contention_s": 30.0,
        "photo_rounds": 9,
        "server_patients": 100_000,
        "server_with_visits": 5_000,
        "server_rooms_s": 30.0,
    },
}


# -- workers: one benchmark per fresh process --------------------------------------------------
def worker(name: str, db: str, plan: dict[str, Any]) -> dict[str, Any]:
    sys.path[:0] = [str(BENCH), str(ROOT)]
    if name == "search":
        from bench_search import search_p95_ms

        return search_p95_ms(db, rounds=plan["search_rounds"])
    if name == "records":
        from bench_records import patient_open_ms, recall_ms

        return {
            "patient_open": patient_open_ms(db, rounds=plan["open_rounds"]),
            "recall": recall_ms(db, rounds=plan["recall_rounds"]),
        }
    if name == "handout":
        from bench_handout import handout_median_ms, print_render_ms_per_page

        return {
            "median_ms": handout_median_ms(plan["handout_rounds"]),
            "render_ms_per_page": print_render_ms_per_page(300, plan["render_rounds"]),
        }
    if name == "photos":
        from bench_photos import photo_timings_ms

        return photo_timings_ms(plan.get("photo_rounds", 5))
    if name == "pass_commit":
        from bench_visit import pass_commit_ms

        return pass_commit_ms(db, passes=plan["passes"])
    if name == "stop_queries":
        from bench_stop_queries import stop_queries

        return stop_queries(db, stops=plan["stops"])
    if name == "timer":
        from bench_visit import timer_cpu_pct

        return timer_cpu_pct(db, seconds=plan["timer_s"])
    if name == "rss":
        from bench_visit import rss_after_visit_mb

        return rss_after_visit_mb(db)
    if name == "contention":
        from bench_contention import refused_stops

        return refused_stops(db, seconds=plan["contention_s"])
    if name == "server":  # its own private PostgreSQL server: ``db`` is not used
        from bench_server import server_figures

        return server_figures(
            patients=plan["server_patients"],
            with_visits=plan["server_with_visits"],
            passes=plan["passes"],
            search_rounds=plan["search_rounds"],
            open_rounds=plan["open_rounds"],
            rooms_s=plan["server_rooms_s"],
        )
    raise SystemExit(f"unknown worker {name}")


def run_worker(
    name: str, db: Path, plan: dict[str, Any], timeout: float, display: str | None = None
) -> dict[str, Any]:
    """Run one benchmark in a fresh process: offscreen, or on the X server ``display``."""
    env = dict(os.environ, QT_QPA_PLATFORM="xcb" if display else "offscreen")
    if display:
        env["DISPLAY"] = display
    proc = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker",
            name,
            "--db",
            str(db),
            "--plan",
            json.dumps(plan),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = [x for x in proc.stdout.splitlines() if x.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        tail = " | ".join(proc.stderr.strip().splitlines()[-6:])
        raise RuntimeError(f"{name} crashed (exit {proc.returncode}): {tail}")
    result: dict[str, Any] = json.loads(lines[-1][len("RESULT ") :])
    return result


# -- databases ---------------------------------------------------------------------------------
def build_demo(path: Path, patients: int) -> None:
    """``python -m console demo`` into a side file, renamed once complete (never half a DB)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".building")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "console",
            "demo",
            "--db",
            str(partial),
            "--patients",
            str(patients),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    with sqlite3.connect(partial) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)


def patient_count(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM patients").fetchone()[0])
    except sqlite3.Error:
        return 0


def copy_db(source: Path, folder: Path) -> Path:
    """A private copy (SQLite's backup API, so a WAL is folded in) in its own folder: the app
    keeps handouts, backups and logs beside its database."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "console.sqlite3"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


# -- the table -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    """One figure: the value judged against the target, with its median and p95 if known."""

    value: float | None  # None: the benchmark crashed
    median: float | None = None
    p95: float | None = None


def verdict(figure: Figure, row: Row) -> str:
    if row.value is None:
        return "CRASHED"
    return "met" if row.value <= figure.target else "MISSED"


def _num(x: float | None) -> str:
    return "—" if x is None else f"{x:g}"


def print_table(rows: dict[str, Row]) -> None:
    print(f"\n{'figure':26} {'value':>8} {'median':>8} {'p95':>8} {'target':>8}  result  what")
    for f in FIGURES:
        if f.key in rows:
            r, target = rows[f.key], "≤ " + format(f.target, "g")
            print(
                f"{f.key:26} {_num(r.value):>8} {_num(r.median):>8} {_num(r.p95):>8} "
                f"{target:>8}  {verdict(f, r):7} {f.label} ({f.unit})"
            )


def markdown_table(rows: dict[str, Row]) -> str:
    """The table as the README shows it."""
    lines = ["| figure | what | median | p95 | target | result |", "|---|---|--:|--:|--:|---|"]
    for f in FIGURES:
        if f.key in rows:
            r = rows[f.key]
            median = r.median if r.median is not None else r.value
            lines.append(
                f"| `{f.key}` | {f.label} | {_num(median)} {f.unit} | {_num(r.p95)} | "
                f"≤ {f.target:g} | {verdict(f, r)} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small database, few runs (CI)")
    parser.add_argument("--json", type=Path, help="write one key per figure to this file")
    big_help = f"the {BIG_PATIENTS:,}-patient database (built if missing)"
    parser.add_argument("--big-db", type=Path, default=DEFAULT_BIG_DB, help=big_help)
    parser.add_argument(
        "--only",
        help="comma-separated: startup,startup_big,search,records,"
        "handout,pass_commit,stop_queries,timer,rss,contention,photos,server",
    )
    parser.add_argument("--no-xcb", action="store_true", help="skip the runs under Xvfb")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--plan", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        result = worker(args.worker, args.db, json.loads(args.plan))
        print("RESULT " + json.dumps(result), flush=True)
        return 0
    return run_all(args)


def run_all(args: argparse.Namespace) -> int:
    from bench_startup import child_env, measure, measure_sizes, xvfb

    mode = "quick" if args.quick else "full"
    plan = PLANS[mode]
    only = set(args.only.split(",")) if args.only else None
    timeout = 240.0 if args.quick else 1800.0
    rows: dict[str, Row] = {}
    details: dict[str, Any] = {}
    crashes: list[str] = []
    load_before = os.getloadavg()
    started = time.monotonic()
    print(
        f"{mode} run on {platform.node()}: {os.cpu_count()} cores, load {load_before[0]:.2f}, "
        f"Python {platform.python_version()}",
        flush=True,
    )

    def step(name: str, keys: tuple[str, ...], action: Any) -> None:
        if only is not None and name.removesuffix("_xcb") not in only:
            return
        t0 = time.monotonic()
        try:
            action()
        except Exception as error:  # a crash is reported, the other benchmarks still run
            crashes.append(f"{name}: {error}")
            details[name] = {"crashed": str(error)}
            rows.update({key: Row(None) for key in keys})
            print(f"  {name:12} CRASHED: {error}", flush=True)
            return
        print(f"  {name:12} done in {time.monotonic() - t0:5.1f} s", flush=True)

    with tempfile.TemporaryDirectory(prefix="console-bench-") as folder:
        tmp = Path(folder)
        clinic = tmp / "clinic" / "console.sqlite3"
        t0 = time.monotonic()
        if only is None or only - {"server"}:  # the server bench fills its own server
            build_demo(clinic, CLINIC_PATIENTS)
            print(f"  clinic db    {CLINIC_PATIENTS:,} patients in {time.monotonic() - t0:.1f} s")
        big = clinic
        if not args.quick and (
            only is None or only & {"search", "records", "pass_commit", "startup_big"}
        ):
            big = args.big_db.resolve()
            if patient_count(big) < BIG_PATIENTS:
                print(
                    f"  building the {BIG_PATIENTS:,}-patient database at {big} (minutes)…",
                    flush=True,
                )
                build_demo(big, BIG_PATIENTS)
            print(f"  big db       {patient_count(big):,} patients at {big}", flush=True)
        details["databases"] = {"clinic_patients": CLINIC_PATIENTS, "big": str(big)}

        def startup_rows(platform_name: str, suffix: str, display: str | None = None) -> None:
            db = copy_db(clinic, tmp / f"startup{suffix}")
            r = measure(db, runs=plan["startup_runs"], env=child_env(platform_name, display))
            details["startup" + suffix] = r
            rows["startup_ratio" + suffix] = Row(r["ratio"])
            rows["startup_ms" + suffix] = Row(
                r["app_median_ms"], r["app_median_ms"], r["app_p95_ms"]
            )

        def do_startup_big() -> None:
            # The big file in place (copying 1.7 GB per run would swamp the figure's cost):
            # a start writes only its lock, its session marker and a log line beside it.
            small = copy_db(clinic, tmp / "startup_small")
            r = measure_sizes(small, big, runs=plan["startup_runs"], env=child_env("offscreen"))
            details["startup_big"] = r
            rows["startup_big_ms"] = Row(r["big_median_ms"], r["big_median_ms"], r["big_p95_ms"])
            rows["startup_big_ratio"] = Row(r["ratio"])

        def do_startup_xcb() -> None:
            with xvfb() as display:
                if display is None:
                    print("  (no Xvfb: start-up measured offscreen only)")
                    return
                startup_rows("xcb", "_xcb", display)

        def do_search() -> None:
            r = details["search"] = run_worker("search", big, plan, timeout)
            rows["search_p95_ms"] = Row(r["p95_ms"], r["p50_ms"], r["p95_ms"])

        def do_records() -> None:
            r = details["records"] = run_worker("records", big, plan, timeout)
            opened = r["patient_open"]
            rows["patient_open_ms"] = Row(
                opened["median_ms"], opened["median_ms"], opened["p95_ms"]
            )
            recall = r["recall"]
            rows["recall_ms"] = Row(recall["median_ms"], recall["median_ms"], recall["p95_ms"])

        def do_handout() -> None:
            r = details["handout"] = run_worker("handout", clinic, plan, timeout)
            rows["handout_median_ms"] = Row(r["median_ms"], r["median_ms"])
            rows["print_render_ms_per_page"] = Row(r["render_ms_per_page"], r["render_ms_per_page"])

        def do_pass_commit() -> None:
            db = big if big != clinic else copy_db(clinic, tmp / "pass_commit")
            r = details["pass_commit"] = run_worker("pass_commit", db, plan, timeout)
            rows["pass_commit_p95_ms"] = Row(r["p95_ms"], r["median_ms"], r["p95_ms"])

        def do_stop_queries() -> None:
            db = copy_db(clinic, tmp / "stop_queries")
            r = details["stop_queries"] = run_worker("stop_queries", db, plan, timeout)
            rows["stop_queries"] = Row(r["queries_per_stop"], r["queries_per_stop"])
            rows["stop_ms"] = Row(r["median_ms"], r["median_ms"])

        def do_timer() -> None:
            db = copy_db(clinic, tmp / "timer")
            r = details["timer"] = run_worker("timer", db, plan, timeout)
            rows["timer_cpu_pct"] = Row(r["pct"])

        def do_timer_xcb() -> None:
            with xvfb() as display:
                if display is not None:
                    db = copy_db(clinic, tmp / "timer_xcb")
                    r = details["timer_xcb"] = run_worker("timer", db, plan, timeout, display)
                    rows["timer_cpu_pct_xcb"] = Row(r["pct"])

        def do_photos() -> None:
            r = details["photos"] = run_worker("photos", clinic, plan, timeout)
            rows["photo_import_ms"] = Row(r["import_median_ms"], r["import_median_ms"])
            rows["photo_compare_ms"] = Row(r["compare_median_ms"], r["compare_median_ms"])

        def do_rss() -> None:
            r = details["rss"] = run_worker("rss", copy_db(clinic, tmp / "rss"), plan, timeout)
            rows["rss_mb"] = Row(r["rss_mb"])

        def do_contention() -> None:
            db = copy_db(clinic, tmp / "contention")
            r = details["contention"] = run_worker("contention", db, plan, timeout)
            rows["refused_stops"] = Row(r["refused_stops"])

        def do_server() -> None:
            r = details["server"] = run_worker("server", clinic, plan, timeout)
            commit, found, opened = r["pass_commit"], r["search"], r["patient_open"]
            rows["server_pass_commit_p95_ms"] = Row(
                commit["p95_ms"], commit["median_ms"], commit["p95_ms"]
            )
            rows["server_search_p95_ms"] = Row(found["p95_ms"], found["median_ms"], found["p95_ms"])
            rows["server_patient_open_ms"] = Row(
                opened["median_ms"], opened["median_ms"], opened["p95_ms"]
            )
            rows["server_refused_stops"] = Row(r["two_rooms"]["refused_stops"])

        step("startup", ("startup_ratio", "startup_ms"), lambda: startup_rows("offscreen", ""))
        if big != clinic:  # the full run only: --quick has no big file
            step("startup_big", ("startup_big_ms", "startup_big_ratio"), do_startup_big)
        if not args.no_xcb:
            step("startup_xcb", ("startup_ratio_xcb", "startup_ms_xcb"), do_startup_xcb)
        step("search", ("search_p95_ms",), do_search)
        step("records", ("patient_open_ms", "recall_ms"), do_records)
        step("handout", ("handout_median_ms", "print_render_ms_per_page"), do_handout)
        step("pass_commit", ("pass_commit_p95_ms",), do_pass_commit)
        step("stop_queries", ("stop_queries", "stop_ms"), do_stop_queries)
        step("timer", ("timer_cpu_pct",), do_timer)
        if not args.no_xcb:
            step("timer_xcb", ("timer_cpu_pct_xcb",), do_timer_xcb)
        step("rss", ("rss_mb",), do_rss)
        step("contention", ("refused_stops",), do_contention)
        step("photos", ("photo_import_ms", "photo_compare_ms"), do_photos)
        step("server", SERVER_KEYS, do_server)

    load_after = os.getloadavg()
    print_table(rows)
    if args.markdown:
        print("\n" + markdown_table(rows))
    print(
        f"\n{mode} run took {time.monotonic() - started:.0f} s; load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after ({os.cpu_count()} cores)"
    )
    if args.json:
        write_json(
            args.json,
            rows,
            details,
            {
                "mode": mode,
                "seconds": round(time.monotonic() - started, 1),
                "load_before": load_before,
                "load_after": load_after,
                "cores": os.cpu_count(),
                "python": platform.python_version(),
                "crashes": crashes,
            },
        )
    if crashes:
        print("\nCRASHED: " + "; ".join(crashes), file=sys.stderr)
        return 1
    return 0


def write_json(path: Path, rows: dict[str, Row], details: dict[str, Any], meta: Any) -> None:
    """One key per figure (its value; null if it crashed), then medians, p95s and details."""
    figures = [f for f in FIGURES if f.key in rows]
    report: dict[str, Any] = {f.key: rows[f.key].value for f in figures}
    report["_median"] = {f.key: rows[f.key].median for f in figures}
    report["_p95"] = {f.key: rows[f.key].p95 for f in figures if rows[f.key].p95 is not None}
    report["_target"] = {f.key: f.target for f in figures}
    report["_result"] = {f.key: verdict(f, rows[f.key]) for f in figures}
    report["_details"] = details
    report["_meta"] = meta
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH))
    sys.exit(main())
