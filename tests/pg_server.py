"""A private PostgreSQL server for the tests: its own data folder, a unix socket, no TCP port.

Clinic mode (several rooms on one server) is tested against a real PostgreSQL, never a mock.
Each test session starts its own server from the Debian packages (``initdb`` + ``pg_ctl``), so
nothing on the machine is touched and two runs never share a database. ``initdb`` refuses to
run as root: under root (CI's fresh machine) the server runs as the ``postgres`` system user
that Debian's package creates, in a folder handed to that user.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

MIN_MAJOR = 15  # the product supports PostgreSQL 15 or later (issue 13)


class NoServer(RuntimeError):
    """PostgreSQL's server programs are not installed here."""


@dataclass(frozen=True)
class PgServer:
    socket_dir: Path
    user: str
    major: int

    def conninfo(self, dbname: str = "postgres") -> str:
        """A libpq connection string for ``dbname`` over the private socket."""
        return f"host={self.socket_dir} dbname={dbname} user={self.user}"

    def url(self, dbname: str) -> str:
        """The same as a libpq URL, as a clinic would pass it to ``--db``."""
        return f"postgresql://{self.user}@/{dbname}?host={self.socket_dir}"


def server_bin() -> tuple[Path, int]:
    """The newest installed server's bin folder and major version (Debian's layout)."""
    found = []
    for initdb in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        if re.fullmatch(r"\d+", initdb.parent.parent.name):
            found.append((int(initdb.parent.parent.name), initdb.parent))
    if not found:
        on_path = shutil.which("initdb")
        if on_path is None:
            raise NoServer("PostgreSQL server not found (Debian package postgresql)")
        out = subprocess.run([on_path, "--version"], capture_output=True, text=True).stdout
        major = int(re.search(r"(\d+)", out).group(1))  # type: ignore[union-attr]
        found.append((major, Path(on_path).parent))
    major, bindir = max(found)
    if major < MIN_MAJOR:
        raise NoServer(f"PostgreSQL {major} is too old: {MIN_MAJOR} or later is supported")
    return bindir, major


def _as(user: str | None, cmd: list[str]) -> list[str]:
    return ["runuser", "-u", user, "--", *cmd] if user else cmd


@contextmanager
def private_server() -> Iterator[PgServer]:
    """Start a throwaway server; stop it and remove its folder afterwards, whatever happens."""
    bindir, major = server_bin()
    run_as = "postgres" if os.geteuid() == 0 else None
    base = Path(tempfile.mkdtemp(prefix="console-pg-"))
    data, sockets = base / "data", base / "sockets"
    sockets.mkdir(mode=0o700)
    if run_as:
        entry = pwd.getpwnam(run_as)
        for path in (base, sockets):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        base.chmod(0o700)
    user = run_as or pwd.getpwuid(os.geteuid()).pw_name
    log = base / "server.log"
    try:
        subprocess.run(
            _as(
                run_as,
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    user,
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale",
                    "C.UTF-8",
                    "--no-sync",
                ],
            ),
            check=True,
            capture_output=True,
            text=True,
        )
        options = f"-k {sockets} -c listen_addresses='' -c fsync=off"
        subprocess.run(
            _as(
                run_as,
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(log),
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
            ),
            check=True,
            capture_output=True,
            text=True,
        )
        try:
            yield PgServer(socket_dir=sockets, user=user, major=major)
        finally:
            subprocess.run(
                _as(run_as, [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                capture_output=True,
            )
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or "").strip().splitlines()[-1:] or [""]
        server_log = log.read_text(errors="replace")[-500:] if log.exists() else ""
        raise RuntimeError(
            f"the test PostgreSQL server did not start: {detail[0]} {server_log}"
        ) from exc
    finally:
        shutil.rmtree(base, ignore_errors=True)
