"""`python -m console label`: what a clinic's scanner sends, read back in a terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GTIN = "09501101020917"
SCAN = f"]d201{GTIN}1727030010AB12\x1d210042"


def label(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "console", "label", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        timeout=60,
    )


def test_scan_with_a_group_separator_in_argv_as_json() -> None:
    result = label(SCAN, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "gtin": GTIN,
        "lot": "AB12",
        "expiry": "2027-03-31",
        "serial": "0042",
        "source": "gs1",
    }


def test_human_table_shows_absent_fields_as_dashes() -> None:
    result = label(f"(01){GTIN}(17)270331(10)AB12")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert "Lot      AB12" in lines
    assert "Expiry   2027-03-31" in lines
    assert "Serial   -" in lines


def test_stdin_form_reads_one_scanned_line() -> None:
    # A keyboard-wedge scanner types the GS byte and ends with Enter.
    result = label("-", "--json", stdin=SCAN.encode() + b"\r\nnext line ignored\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["serial"] == "0042"


def test_hibc_label_shows_its_product_code() -> None:
    result = label("+E20831269/$$8020423286539+")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "HIBC" in out and "E20831269" in out and "286539" in out


def test_unreadable_label_exits_1_with_one_line_on_stderr() -> None:
    for args, stdin in (
        ((f"]d201{GTIN}1727033110AB12210042",), None),  # separator dropped
        (("]",), None),
        (("-",), b"\xff\xfe\x00garbage\n"),
        (("-",), b""),  # nothing typed
    ):
        result = label(*args, stdin=stdin)
        assert result.returncode == 1
        err = result.stderr.decode()
        assert err.startswith("error: ") and err.count("\n") == 1, err
        assert "Traceback" not in err and result.stdout == b""
    dropped = label(f"]d201{GTIN}1727033110AB12210042").stderr.decode()
    assert "dropped a field separator" in dropped
