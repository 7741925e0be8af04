"""Test images made in-process with Pillow (installed with reportlab), so no test needs an
image tool on PATH: a fresh machine has only what tools/setup.sh installs."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image


def solid(path: Path, size: tuple[int, int] = (64, 32), colour: str = "teal") -> Path:
    """A one-colour image; the format follows the suffix (.png, .jpg, .gif)."""
    Image.new("RGB", size, colour).save(path)
    return path


def noise(path: Path, size: tuple[int, int] = (300, 300), seed: int = 7) -> Path:
    """An image that does not compress, so cutting its file short really damages it."""
    data = random.Random(seed).randbytes(size[0] * size[1] * 3)
    Image.frombytes("RGB", size, data).save(path)
    return path
