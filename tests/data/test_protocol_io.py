from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

from console.clock import FakeClock
from console.context import AppContext, open_context
from console.data import audit_repo, protocol_repo
from console.model.protocol import default_body
from console.protocol.edit import FORMAT, export_file, import_file, save


def _versions(ctx: AppContext) -> int:
    return int(ctx.db.execute("SELECT COUNT(*) FROM protocol_versions").fetchone()[0])


def _edited() -> dict:
    body = copy.deepcopy(default_body())
    body["aftercare_rules"][0]["text"] = "Pas de maquillage pendant 24 h — merci !"
    body["zones"].append(
        {
            "id": "scalp",
            "name": "Scalp",
            "region": "head",
            "typical": {"general": [0.5, 1.0]},
            "note": "",
        }
    )
    body["series"]["interval_weeks"] = 6
    return body


def test_export_then_import_into_a_fresh_database_round_trips(
    ctx: AppContext, staff: list[str], tmp_path: Path, clock: FakeClock
) -> None:
    save(ctx, _edited(), note="our own wording")
    out = tmp_path / "library.json"
    assert export_file(ctx, out) == 2
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == FORMAT and doc["format_version"] == 1
    assert "Pas de maquillage" in out.read_text(encoding="utf-8")  # UTF-8, not \u escapes

    fresh = open_context(tmp_path / "room2" / "console.sqlite3", clock=clock)
    try:
        report = import_file(fresh, out)
        assert report.ok and report.new_version == 2 and report.source_version == 2
        assert report.changes["zones"] == {"added": ["scalp"]}
        assert protocol_repo.current(fresh.db).body == protocol_repo.current(ctx.db).body
        assert protocol_repo.get(fresh.db, 1).body == default_body()  # defaults kept as v1
        row = audit_repo.rows(fresh.db, limit=1)[0]
        assert row["action"] == "protocol.version"
        assert json.loads(row["detail"])["note"] == "Imported from library.json (version 2 there)"
        again = import_file(fresh, out)
        assert again.ok and again.new_version is None and "identical" in again.message
    finally:
        fresh.db.close()


def test_invalid_file_is_refused_whole_with_a_report(
    ctx: AppContext, staff: list[str], tmp_path: Path
) -> None:
    body = _edited()
    body["zones"][-1]["typical"]["general"] = [1.0, 0.5]
    body["aftercare_rules"][2]["text"] = ""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": FORMAT, "format_version": 1, "library": body}))
    before = _versions(ctx)
    report = import_file(ctx, bad)
    assert not report.ok and report.new_version is None
    text = "\n".join(report.lines())
    assert "Not imported: 2 problem(s) in bad.json; nothing changed." in text
    assert (
        "Zones › Scalp › typical range › Texture / general rejuvenation: The range 1–0.5 mm" in text
    )
    assert "Aftercare rules › no_sun › text: The rule's text cannot be empty." in text
    assert _versions(ctx) == before  # nothing half-saved

    for content, reason in [
        (b"\xff\xfe not json", "not a JSON document"),
        (b'{"devices": []}', "not a protocol library exported by this console"),
        (
            json.dumps({"format": FORMAT, "format_version": 99, "library": {}}).encode(),
            "newer console",
        ),
    ]:
        bad.write_bytes(content)
        report = import_file(ctx, bad)
        assert not report.ok and reason in report.message
    assert _versions(ctx) == before


def test_cli_export_and_import(tmp_path: Path) -> None:
    room1, room2 = tmp_path / "a" / "console.sqlite3", tmp_path / "b" / "console.sqlite3"
    out = tmp_path / "lib.json"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "console", *args], capture_output=True, text=True, timeout=60
        )

    first = open_context(room1)
    save(first, _edited(), note="edit")
    first.db.close()
    open_context(room2).db.close()  # import never creates a database: room 2 has its own
    done = cli("protocol", "export", "--db", str(room1), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "exported protocol version 2" in done.stdout
    done = cli("protocol", "import", str(out), "--db", str(room2))
    assert done.returncode == 0, done.stderr
    assert "Imported lib.json as protocol version 2." in done.stdout
    assert "zones: added scalp" in done.stdout
    out.write_text("{}")
    done = cli("protocol", "import", str(out), "--db", str(room2))
    assert done.returncode == 4 and "Not imported" in done.stderr
