"""`check`: is the database file sound, and which schema is it on."""

from __future__ import annotations

import argparse
import json

from console import store_errors
from console.access.audit import verify_trail
from console.cli import add_db_argument
from console.cli._common import fail, resolve_db
from console.data.db import integrity_check, open_store, schema_version
from console.data.server_url import redacted

NAME = "check"
HELP = "run the integrity check, verify the audit trail's hash chain, print the schema"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    target = resolve_db(args.db)
    path = redacted(target) if isinstance(target, str) else target
    try:
        db = open_store(target, migrate=False, create=False)
        result = integrity_check(db)
        version = schema_version(db)
        if isinstance(target, str):
            # The server's backups are pg_dump archives: its trail is checked on its own.
            chain = verify_trail(db, None) if result == ["ok"] and version else None
        else:
            backups = target.resolve().parent / "backups"
            chain = verify_trail(db, backups) if result == ["ok"] and version else None
    except store_errors.DatabaseError as exc:
        return fail(f"{path} is not a readable console database ({exc})", 3)
    ok = result == ["ok"] and (chain is None or chain.ok)
    if args.json:
        print(
            json.dumps(
                {
                    "path": str(path),
                    "integrity": result,
                    "schema": version,
                    "ok": ok,
                    "audit_chain": None
                    if chain is None
                    else {"ok": chain.ok, "rows": chain.rows, "broken_seq": chain.broken_seq},
                }
            )
        )
    else:
        print(f"database: {path}")
        print(f"schema:   {version or 'none (not a console database yet)'}")
        if result != ["ok"]:
            print("integrity: FAILED\n  " + "\n  ".join(result))
            return 3
        print("integrity: ok")
        if chain is not None and chain.ok:
            print(chain.sentence())
    if chain is not None and not chain.ok:
        return fail(chain.sentence(), 4)  # the file is sound but someone edited the trail
    return 0 if ok else 3
