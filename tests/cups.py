"""A private CUPS daemon with a cups-pdf queue, for tests that really print.

``private_cups()`` starts ``cupsd`` from a config in a temporary folder, listening only on a
unix socket there (no port, no browsing, nothing shared with a system CUPS), and adds one
queue. Point a process at it with ``CUPS_SERVER=<socket>`` (``PrivateCups.env()``); libcups
reads that variable once, so a Qt process must have it before its first printer lookup.

As root the queue uses the cups-pdf backend (``cups-pdf:/``). cups-pdf ships mode 0700, so
cupsd only runs it as root; it drops to the job's user and writes ``<title>*.pdf`` to the
``Out`` folder of /etc/cups/cups-pdf.conf (Debian: ``${HOME}/PDF`` of that user, from the
password database, not $HOME). As any other user cupsd cannot run cups-pdf, so the queue is
a raw queue on a small private backend that writes ``<title>.pdf`` into the temporary folder:
still a real cupsd job, only without cups-pdf.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import IN_CI, require_tool

CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")

_CUPS_FILES = """\
ServerRoot {d}/root
ServerBin {server_bin}
DataDir /usr/share/cups
RequestRoot {d}/spool
TempDir {d}/tmp
CacheDir {d}/cache
StateDir {d}/state
AccessLog {d}/log/access_log
ErrorLog {d}/log/error_log
PageLog {d}/log/page_log
Sandboxing Relaxed
SystemGroup {group}
"""
# No authentication and every operation allowed: only this user can reach the socket's folder.
_CUPSD = """\
Listen {d}/cups.sock
LogLevel debug
WebInterface No
Browsing Off
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""

# Non-root stand-in for cups-pdf: cupsd runs it as the backend of a raw queue.
_FILE_BACKEND = """\
#!/bin/sh
# Writes each job to <folder>/<job title>.pdf, as cups-pdf does for root.
if [ $# -eq 0 ]; then echo 'file trcfile "Unknown" "Test file backend"'; exit 0; fi
out="${DEVICE_URI#trcfile:}"
title=$(printf '%s' "$3" | tr -c 'A-Za-z0-9._-' '_')
if [ -n "$6" ]; then cp "$6" "$out/$title.part"; else cat > "$out/$title.part"; fi
mv "$out/$title.part" "$out/$title.pdf"
"""


def _private_server_bin(folder: Path) -> Path:
    """/usr/lib/cups with one extra backend (cupsd looks for backends only in ServerBin)."""
    server_bin = folder / "bin"
    (server_bin / "backend").mkdir(parents=True)
    for sub in ("filter", "cgi-bin", "daemon", "monitor", "notifier", "driver"):
        if (Path("/usr/lib/cups") / sub).exists():
            (server_bin / sub).symlink_to(Path("/usr/lib/cups") / sub)
    backend = server_bin / "backend" / "trcfile"
    backend.write_text(_FILE_BACKEND)
    backend.chmod(0o755)  # cupsd refuses world-writable backends
    return server_bin


def cups_pdf_out_dir(user: str | None = None) -> Path:
    """Where cups-pdf writes for ``user`` (default: the current user)."""
    entry = pwd.getpwnam(user) if user else pwd.getpwuid(os.getuid())
    out = "/var/spool/cups-pdf/${USER}"  # cups-pdf's compiled-in default
    if CUPS_PDF_CONF.exists():
        for line in CUPS_PDF_CONF.read_text(errors="replace").splitlines():
            m = re.match(r"\s*Out\s+(\S.*?)\s*$", line)
            if m:
                out = m.group(1)
    return Path(out.replace("${HOME}", entry.pw_dir).replace("${USER}", entry.pw_name))


@dataclass
class PrivateCups:
    folder: Path
    queue: str
    uses_cups_pdf: bool
    out_dir: Path  # where printed PDFs land
    process: subprocess.Popen[bytes]
    found: list[Path] = field(default_factory=list)

    @property
    def socket(self) -> Path:
        return self.folder / "cups.sock"

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ if base is None else base)
        env["CUPS_SERVER"] = str(self.socket)
        return env

    def error_log(self) -> str:
        path = self.folder / "log" / "error_log"
        return path.read_text(errors="replace") if path.exists() else ""

    def wait_for_output(self, title: str, timeout: float = 60.0) -> Path:
        """The PDF printed for the job titled ``title`` once it is complete."""
        deadline = time.monotonic() + timeout
        pattern = f"{title.replace(' ', '_')}*.pdf"
        while time.monotonic() < deadline:
            for path in sorted(self.out_dir.glob(pattern)):
                if self._complete(path):
                    self.found.append(path)
                    return path
            time.sleep(0.2)
        raise AssertionError(
            f"nothing printed as {pattern} in {self.out_dir} within {timeout:.0f} s; "
            f"cupsd log tail:\n{self.error_log()[-3000:]}"
        )

    def _complete(self, path: Path) -> bool:
        # The job is done when cupsd lists no unfinished job; the file is then whole.
        result = subprocess.run(
            ["lpstat", "-o", self.queue],
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout.strip() == "" and path.stat().st_size > 0


def _wait_for_scheduler(env: dict[str, str], proc: subprocess.Popen[bytes], folder: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"cupsd exited with {proc.returncode}")
        result = subprocess.run(
            ["lpstat", "-r"], env=env, capture_output=True, text=True, check=False
        )
        if "scheduler is running" in result.stdout and "not" not in result.stdout:
            return
        time.sleep(0.1)
    raise RuntimeError(f"cupsd did not start in {folder}")


@contextmanager
def private_cups(queue: str = "TRC_Test") -> Iterator[PrivateCups]:
    """Start a private cupsd with one queue; stops it and removes its folder afterwards."""
    cupsd = require_tool("cupsd", "cups")
    lpadmin = require_tool("lpadmin", "cups-client")
    require_tool("lpstat", "cups-client")
    as_root = os.geteuid() == 0
    if as_root:
        require_tool("gs", "ghostscript (pulled in by printer-driver-cups-pdf)")
        if not CUPS_PDF_BACKEND.exists() or not CUPS_PDF_PPD.exists():
            message = "cups-pdf backend not found (Debian package printer-driver-cups-pdf)"
            if IN_CI:
                pytest.fail(message + ": CI must install it", pytrace=False)
            pytest.skip(message)
    # Not under pytest's 0700 tmp folder: filters run as user lp and must reach TempDir.
    # Short path: a unix socket path is limited to about 100 bytes.
    folder = Path(tempfile.mkdtemp(prefix="trc-cups-", dir="/tmp"))
    folder.chmod(0o755)
    for sub in ("root/ppd", "spool", "cache", "state", "log", "out"):
        (folder / sub).mkdir(parents=True)
    (folder / "tmp").mkdir()
    (folder / "tmp").chmod(0o1777)
    (folder / "out").chmod(0o1777)
    group = grp.getgrgid(os.getgid()).gr_name
    server_bin = "/usr/lib/cups" if as_root else str(_private_server_bin(folder))
    (folder / "cups-files.conf").write_text(
        _CUPS_FILES.format(d=folder, group=group, server_bin=server_bin)
    )
    (folder / "cupsd.conf").write_text(_CUPSD.format(d=folder))
    proc = subprocess.Popen(
        [cupsd, "-f", "-c", str(folder / "cupsd.conf"), "-s", str(folder / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = dict(os.environ, CUPS_SERVER=str(folder / "cups.sock"))
    try:
        _wait_for_scheduler(env, proc, folder)
        if as_root:
            device, driver = "cups-pdf:/", ["-P", str(CUPS_PDF_PPD)]
            out_dir = cups_pdf_out_dir()
        else:
            device, driver = f"trcfile:{folder}/out", []
            out_dir = folder / "out"
        subprocess.run(
            [lpadmin, "-p", queue, "-E", "-v", device, *driver],
            env=env,
            check=True,
            capture_output=True,
        )
        cups = PrivateCups(folder, queue, as_root, out_dir, proc)
        yield cups
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if "cups" in locals():
            for path in cups.found:  # cups-pdf wrote into the user's folder: tidy up
                path.unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
