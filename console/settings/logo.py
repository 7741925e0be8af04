"""The clinic's logo: a PNG or JPEG the clinic picks, checked (really decodable, sensible
size) and copied into ``<data_dir>/branding/logo.<ext>`` (0600); the settings store its path."""

from __future__ import annotations

import io
import os
from pathlib import Path

from console.context import AppContext
from console.errors import DomainError

LOGO_MAX_BYTES = 5 * 1024 * 1024
LOGO_MAX_SIDE = 6000  # px; a logo, not a poster (and no decompression bombs)
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def check_logo(path: Path) -> str:
    """Refuse anything but a sound PNG or JPEG of sensible size; returns "png" or "jpg"."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DomainError(
            f"The logo file could not be read ({exc.strerror or exc}).", "clinic.logo_path"
        ) from exc
    return _check_logo_bytes(data)


def _check_logo_bytes(data: bytes) -> str:
    field = "clinic.logo_path"
    if len(data) > LOGO_MAX_BYTES:
        raise DomainError("The logo is larger than 5 MB: save a smaller copy.", field)
    if data.startswith(_PNG):
        ext = "png"
    elif data.startswith(_JPEG):
        ext = "jpg"
    else:
        raise DomainError("The logo must be a PNG or JPEG image.", field)
    # reportlab draws the sheet; decoding through it proves the sheet will be able to.
    from reportlab.lib.utils import ImageReader

    try:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
        if not (0 < width <= LOGO_MAX_SIDE and 0 < height <= LOGO_MAX_SIDE):
            raise DomainError(
                f"The logo is {width}×{height} pixels; keep it under {LOGO_MAX_SIDE} a side.",
                field,
            )
        reader.getRGBData()  # decodes every pixel: a truncated file fails here
    except DomainError:
        raise
    except Exception as exc:  # reportlab/PIL raise many kinds for a damaged file
        raise DomainError("The logo file is damaged or not really an image.", field) from exc
    return ext


def branding_dir(ctx: AppContext) -> Path:
    return ctx.data_dir / "branding"


def store_logo(ctx: AppContext, source: Path) -> tuple[Path, Path]:
    """Copy to a temporary file beside the final one; returns (temporary, final)."""
    ext = check_logo(source)
    folder = branding_dir(ctx)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    final = folder / f"logo.{ext}"
    tmp = folder / f".logo.{ext}.part"
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(source.read_bytes())
    os.chmod(tmp, 0o600)
    return tmp, final
