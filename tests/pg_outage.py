"""The clinic's server going away and coming back, for the journal's tests.

A test that stops a server starts its OWN (``tests.pg_server.private_server``): the session's
server is shared by every clinic-mode test. ``pg_ctl stop -m fast`` ends every connection as a
server restart does; ``start`` brings it back on the same data folder and socket.
"""

from __future__ import annotations

import os
import subprocess

from tests.pg_server import PgServer, _as, server_bin


def _run_as() -> str | None:
    return "postgres" if os.geteuid() == 0 else None  # as private_server() runs it


def stop(server: PgServer) -> None:
    bindir, _ = server_bin()
    data = server.socket_dir.parent / "data"
    subprocess.run(
        _as(_run_as(), [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
        check=True,
        capture_output=True,
    )


def start(server: PgServer) -> None:
    bindir, _ = server_bin()
    base = server.socket_dir.parent
    options = f"-k {server.socket_dir} -c listen_addresses='' -c fsync=off"
    subprocess.run(
        _as(
            _run_as(),
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(base / "data"),
                "-o",
                options,
                "-l",
                str(base / "server.log"),
                "-w",
                "-t",
                "60",
                "start",
            ],
        ),
        check=True,
        capture_output=True,
    )
