"""A real, tiny file system to fill up: a tmpfs mounted for the test (needs root, as on the
build machine; elsewhere the test is skipped, since nothing else gives a real ENOSPC)."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


class TinyDisk:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._filler = path / ".filler"

    def fill(self) -> None:
        """Take every free block, so the next write that needs one gets ENOSPC."""
        with open(self._filler, "ab", buffering=0) as f:
            for size in (64 * 1024, 4096, 512, 1):
                try:
                    while True:
                        f.write(b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC, exc

    def free(self) -> None:
        self._filler.unlink(missing_ok=True)

    def files(self) -> list[str]:
        """Everything on the disk but the filler, as paths relative to it."""
        return sorted(
            str(p.relative_to(self.path)) for p in self.path.rglob("*") if p != self._filler
        )


@contextlib.contextmanager
def tiny_disk(path: Path, size: str = "4m") -> Iterator[TinyDisk]:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("a real full disk needs a tmpfs mount (root)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield TinyDisk(path)
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)
