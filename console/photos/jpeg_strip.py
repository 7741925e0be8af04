"""Dropping a JPEG's metadata without touching its pixels (no re-encoding, no quality loss).

A JPEG is a list of marker segments; EXIF (GPS, camera serial, owner), XMP, IPTC, ICC and
comments live in APPn/COM segments that decoders do not need. Kept: APP0 (JFIF) and APP14
(Adobe, which says how to convert the colours). The compressed picture is copied as it is,
up to the end of the first image (an MPO's second image is dropped with its own metadata).
"""

from __future__ import annotations

from console.errors import DomainError

SOI, EOI, SOS = 0xD8, 0xD9, 0xDA
KEEP_APP = {0xE0, 0xEE}  # APP0 JFIF, APP14 Adobe
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM, RST0-7: markers without a length


def strip(data: bytes) -> bytes:
    """``data`` without metadata segments; raises DomainError on a malformed file."""
    if data[:2] != b"\xff\xd8":
        raise DomainError("The file is not a readable JPEG, PNG or HEIC picture.", "file")
    out = bytearray(b"\xff\xd8")
    i, n = 2, len(data)
    while i < n:
        if data[i] != 0xFF:
            raise DomainError("The JPEG file is damaged (a segment is cut).", "file")
        while i < n and data[i] == 0xFF:  # fill bytes before a marker
            i += 1
        if i >= n:
            break
        marker = data[i]
        i += 1
        if marker == EOI:
            out += b"\xff\xd9"
            return bytes(out)
        if marker in _STANDALONE:
            out += bytes((0xFF, marker))
            continue
        if i + 2 > n:
            break
        length = int.from_bytes(data[i : i + 2], "big")
        end = i + length
        if length < 2 or end > n:
            raise DomainError("The JPEG file is damaged (a segment is cut).", "file")
        metadata = (0xE0 <= marker <= 0xEF and marker not in KEEP_APP) or marker == 0xFE
        if not metadata:
            out += bytes((0xFF, marker)) + data[i:end]
        i = end
        if marker == SOS:
            # Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or RSTn.
            # find() jumps from one 0xFF to the next: a few thousand steps for 5 MB.
            start = i
            while True:
                i = data.find(b"\xff", i)
                if i < 0 or i + 1 >= n:
                    i = n
                    break
                follower = data[i + 1]
                if follower != 0x00 and not 0xD0 <= follower <= 0xD7:
                    break
                i += 2
            out += data[start:i]
    raise DomainError("The JPEG file is cut short (no end marker).", "file")
