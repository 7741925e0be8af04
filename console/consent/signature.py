"""A handwritten signature as strokes (points with times) and the image drawn from them.

The strokes are what is kept; the PNG is redrawn from them the same way every time, so the
image in the record and in the PDF can always be checked against the strokes.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass

from PIL import Image, ImageDraw

from console.errors import DomainError

# A signature must span at least this share of the pad's diagonal: a dot or a stray tap is
# not a signature.
MIN_EXTENT = 0.08
MIN_POINTS = 5
IMAGE_SIZE = (600, 200)
LINE_WIDTH = 4


@dataclass(frozen=True)
class Point:
    x: float  # 0..1 of the pad's width
    y: float  # 0..1 of the pad's height
    t_ms: int  # since the first touch of the signature


@dataclass(frozen=True)
class Signature:
    strokes: tuple[tuple[Point, ...], ...]

    @property
    def points(self) -> int:
        return sum(len(s) for s in self.strokes)

    def extent(self) -> float:
        """The diagonal of the box around all points, in pad units (0..~1.4)."""
        pts = [p for s in self.strokes for p in s]
        if not pts:
            return 0.0
        return math.hypot(
            max(p.x for p in pts) - min(p.x for p in pts),
            max(p.y for p in pts) - min(p.y for p in pts),
        )

    def check(self, field: str = "signature") -> None:
        if not self.strokes or self.points == 0:
            raise DomainError("Sign in the box first.", field)
        if self.points < MIN_POINTS or self.extent() < MIN_EXTENT:
            raise DomainError("That is too small to be a signature: clear and sign again.", field)

    def to_json(self) -> str:
        return json.dumps(
            [[[round(p.x, 4), round(p.y, 4), p.t_ms] for p in s] for s in self.strokes],
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Signature:
        raw = json.loads(text)
        return cls(tuple(tuple(Point(float(x), float(y), int(t)) for x, y, t in s) for s in raw))

    def png(self, size: tuple[int, int] = IMAGE_SIZE) -> bytes:
        """Black strokes on white, drawn from the (rounded, as stored) points."""
        stored = Signature.from_json(self.to_json())
        w, h = size
        image = Image.new("L", size, 255)
        draw = ImageDraw.Draw(image)
        for stroke in stored.strokes:
            xy = [(p.x * (w - 1), p.y * (h - 1)) for p in stroke]
            if len(xy) == 1:
                x, y = xy[0]
                r = LINE_WIDTH / 2
                draw.ellipse((x - r, y - r, x + r, y + r), fill=0)
            else:
                draw.line(xy, fill=0, width=LINE_WIDTH, joint="curve")
        out = io.BytesIO()
        # No timestamps or metadata in the file: the same strokes give the same bytes.
        image.save(out, format="PNG", optimize=False)
        return out.getvalue()
