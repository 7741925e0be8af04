"""Turning a camera file into what is kept: upright, without EXIF, re-encoded, with a thumbnail.

Pillow only (no Qt), so the CLI, the watched folder and the UI share it. The camera's EXIF
(GPS position, camera serial, owner name) is dropped by writing fresh pixels with no metadata;
the orientation tag is applied first, so the kept image stands the right way up without it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from console.errors import DomainError

try:  # HEIC from phones; pillow-heif registers itself as a Pillow opener.
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIC = True
except ImportError:  # pragma: no cover - a base install without the wheel
    HEIC = False

ACCEPTED = {"JPEG": ".jpg", "PNG": ".png", "HEIF": ".jpg", "MPO": ".jpg"}
SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif")
MAX_PIXELS = 60_000_000  # a 60 MP medium-format frame; beyond that it is not a photo of a face
ORIENTATION = 0x0112  # the EXIF tag that says how the camera was held
THUMB = 320  # long side, pixels: the timeline's tiles
QUALITY = 90  # visually lossless for skin texture; 4:2:0 like the camera wrote it


@dataclass(frozen=True)
class Prepared:
    data: bytes  # the kept file
    suffix: str  # ".jpg" or ".png"
    thumb: bytes  # JPEG
    width: int
    height: int


def prepare(raw: bytes) -> Prepared:
    """Decode, apply orientation, drop metadata, re-encode; raises DomainError for non-photos."""
    if not raw:
        raise DomainError("The file is empty.", "file")
    try:
        with Image.open(io.BytesIO(raw)) as opened:
            if opened.format not in ACCEPTED:
                raise DomainError(
                    f"A {opened.format} file is not a photo the console keeps: "
                    "use JPEG, PNG or HEIC.",
                    "file",
                )
            if opened.width * opened.height > MAX_PIXELS:
                raise DomainError("The picture is larger than 60 megapixels.", "file")
            suffix = ACCEPTED[opened.format]
            opened.load()
            # exif_transpose copies the pixels: only pay for it when the tag says to turn.
            turned = opened.getexif().get(ORIENTATION, 1) not in (0, 1)
            upright = ImageOps.exif_transpose(opened) if turned else opened
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise DomainError("The file is not a readable JPEG, PNG or HEIC picture.", "file") from exc
    wanted = "RGBA" if suffix == ".png" and "A" in upright.mode else "RGB"
    image = upright if upright.mode == wanted else upright.convert(wanted)
    out = io.BytesIO()
    if suffix == ".png":
        image.save(out, "PNG", optimize=False)
    else:
        # No exif=, icc_profile= or comment=: nothing from the camera file is carried over.
        image.save(out, "JPEG", quality=QUALITY, subsampling=2)
    scale = THUMB / max(image.width, image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    # reducing_gap: box-reduce first, then filter the small image (fast on 12 MP).
    thumb = image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0).convert("RGB")
    small = io.BytesIO()
    thumb.save(small, "JPEG", quality=85)
    return Prepared(out.getvalue(), suffix, small.getvalue(), image.width, image.height)
