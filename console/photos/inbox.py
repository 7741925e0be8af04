"""The room's watched folder: which dropped pictures are ready to offer to the current visit.

Tethering software and phone sync write a file in several steps, so a file is offered only
once its size has stayed the same between two looks. After it is imported the file is removed
from the folder: the kept copy has no EXIF, the dropped one still carries GPS and serial.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from console.photos.image import SUFFIXES


@dataclass
class Inbox:
    folder: Path
    _sizes: dict[Path, int] = field(default_factory=dict)
    _dismissed: set[Path] = field(default_factory=set)

    def scan(self) -> list[Path]:
        """Pictures in the folder whose size is stable since the last scan, oldest first."""
        try:
            entries = [e for e in os.scandir(self.folder) if e.is_file()]
        except OSError:
            return []
        ready: list[tuple[float, Path]] = []
        sizes: dict[Path, int] = {}
        for e in entries:
            path = Path(e.path)
            if path.name.startswith(".") or path.suffix.lower() not in SUFFIXES:
                continue
            if path in self._dismissed:
                continue
            st = e.stat()
            sizes[path] = st.st_size
            if st.st_size > 0 and self._sizes.get(path) == st.st_size:
                ready.append((st.st_mtime, path))
        self._sizes = sizes
        return [p for _, p in sorted(ready)]

    def dismiss(self, path: Path) -> None:
        """Not a photo for this visit: stop offering it (the file is left alone)."""
        self._dismissed.add(path)

    def take(self, path: Path) -> bytes:
        return path.read_bytes()

    def done(self, path: Path) -> None:
        """Imported: remove the dropped file, which still carries the camera's EXIF."""
        path.unlink(missing_ok=True)
        self._sizes.pop(path, None)
