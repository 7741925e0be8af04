"""Turning a camera file into what is kept: upright, without EXIF, with a thumbnail.

Pillow only (no Qt), so the CLI, the watched folder and the UI share it. The camera's EXIF
(GPS position, camera serial, owner name) is dropped by writing fresh pixels with no metadata;
the orientation tag is applied first, so the kept image stands the right way up without it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from console.errors import DomainError
from console.photos import jpeg_strip

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
THUMB = 320  # long side, pixels (to 2×): the timeline's tiles
# The compare view's copy (1600 px long side or a little more): one side of a 1366-wide
# screen is ~570 px, so it holds ~3× zoom; decoding two 12 MP originals would take most of
# the view's 200 ms.
SCREEN = 1600
QUALITY = 90  # visually lossless for skin texture; 4:2:0 like the camera wrote it


@dataclass(frozen=True)
class Prepared:
    data: bytes  # the kept file
    suffix: str  # ".jpg" or ".png"
    thumb: bytes  # JPEG
    screen: bytes  # JPEG, long side SCREEN to 2×SCREEN (or the original's, if smaller)
    width: int
    height: int


def prepare(raw: bytes) -> Prepared:
    """Decode, apply orientation, drop metadata; raises DomainError for non-photos.

    An upright JPEG keeps its compressed pixels (metadata segments cut out); a turned one, a
    HEIC or an MPO is re-encoded upright; a PNG is written again without its text chunks.
    """
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
    elif opened.format == "JPEG" and not turned and opened.mode in ("RGB", "L"):
        # Already upright: keep the camera's compressed pixels, drop only the metadata
        # (no second generation of JPEG loss, and no encoding time).
        out.write(jpeg_strip.strip(raw))
    else:
        # No exif=, icc_profile= or comment=: nothing from the camera file is carried over.
        image.save(out, "JPEG", quality=QUALITY, subsampling=2)
    screen = _smaller(image, SCREEN)
    thumb = _smaller(screen, THUMB)
    return Prepared(
        out.getvalue(), suffix, _jpeg(thumb, 85), _jpeg(screen, 88), image.width, image.height
    )


def _smaller(image: Image.Image, long_side: int) -> Image.Image:
    """At least ``long_side`` (unless the image is smaller), by a whole-number box reduce.

    Box-averaging by an integer factor is the cheap, clean way down from 12 MP (tens of ms);
    a filtered resize to an exact size costs several times more for no visible gain.
    """
    factor = max(1, max(image.width, image.height) // long_side)
    small = image.reduce(factor) if factor > 1 else image
    return small if small.mode == "RGB" else small.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()
