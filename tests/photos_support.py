"""Camera-like JPEGs made in the test: a face-ish picture with GPS and camera-serial EXIF."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

SERIAL = "SN-4417-XQ"
GPS_LATITUDE = (51.0, 30.0, 26.25)  # 51° 30′ 26.25″ N (London)
ORIENTATION = 0x0112
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
BODY_SERIAL = 0xA431


def camera_jpeg(
    width: int = 640, height: int = 480, *, orientation: int = 1, hue: int = 180
) -> bytes:
    """A JPEG as a camera writes it: landscape pixels, an orientation tag, GPS and serial."""
    image = Image.new("RGB", (width, height), (hue, 140, 120))
    draw = ImageDraw.Draw(image)
    # A bright mark in the top-left corner of the sensor, to see where "up" ended.
    draw.rectangle((0, 0, width // 8, height // 8), fill=(255, 255, 255))
    draw.ellipse((width // 3, height // 6, 2 * width // 3, 5 * height // 6), fill=(220, 170, 150))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "ClinicCam"  # Make
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL] = SERIAL
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = GPS_LATITUDE
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 39.0)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()
