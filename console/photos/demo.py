"""Photos for the demo clinic: a drawn face per visit for a few patients (Pillow, no camera).

Redness fades and texture smooths over the series, so the compare view has something to show.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from datetime import timedelta

from PIL import Image, ImageDraw, ImageFilter

from console.context import AppContext
from console.data import consents_repo
from console.photos import image
from console.photos.service import PhotoService

PATIENTS = 3  # "a few": enough to look at, cheap for the 100,000-patient bench database
SIZE = (900, 1200)


def face(rng: random.Random, progress: float, *, view: str = "front", after: bool = False) -> bytes:
    """A drawn face: ``progress`` 0 (first visit) to 1 (last) smooths the marks."""
    w, h = SIZE
    skin = (224, 184, 160)
    picture = Image.new("RGB", SIZE, (72, 84, 96))
    draw = ImageDraw.Draw(picture)
    shift = 0 if view == "front" else (-120 if view.endswith("left") else 120)
    box = (w * 0.22 + shift, h * 0.14, w * 0.78 + shift, h * 0.86)
    draw.rectangle((w * 0.36 + shift, h * 0.78, w * 0.64 + shift, h), fill=skin)  # neck
    draw.ellipse(box, fill=skin)
    for eye_x in (0.38, 0.62):
        draw.ellipse(
            (w * eye_x - 38 + shift, h * 0.40, w * eye_x + 38 + shift, h * 0.45), fill=(60, 50, 45)
        )
    draw.arc(
        (w * 0.40 + shift, h * 0.62, w * 0.60 + shift, h * 0.70),
        20,
        160,
        fill=(170, 90, 90),
        width=8,
    )
    marks = int(140 * (1 - 0.7 * progress))
    for _ in range(marks):  # scars and texture on the cheeks, fewer as the series goes on
        cx = rng.choice((0.33, 0.67)) * w + rng.gauss(0, 40) + shift
        cy = h * 0.55 + rng.gauss(0, 50)
        r = rng.uniform(3, 8)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(196, 150, 132))
    if after:  # erythema right after needling
        red = Image.new("RGB", SIZE, (230, 110, 110))
        mask = Image.new("L", SIZE, 0)
        ImageDraw.Draw(mask).ellipse(box, fill=90)
        picture = Image.composite(red, picture, mask.filter(ImageFilter.GaussianBlur(30)))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=88)
    return out.getvalue()


def add_demo_photos(ctx: AppContext, patient_ids: Sequence[str], *, seed: int) -> int:
    """Front before/after at each completed visit of the first patients with a series."""
    service = PhotoService(ctx)
    rng = random.Random(seed * 31 + 5)
    made = 0
    chosen = 0
    for pid in patient_ids:
        visits = consents_repo.completed_visits(ctx.db, pid)
        if len(visits) < 2:
            continue
        chosen += 1
        for n, (visit_id, started, by) in enumerate(visits):
            progress = n / (len(visits) - 1)
            for stage, minutes in (("before", 6), ("after", 50)):
                views = ("front", "oblique_left") if stage == "before" else ("front",)
                for view in views:
                    raw = face(rng, progress, view=view, after=stage == "after")
                    ctx.practitioner_id = by
                    service.store(
                        pid,
                        view,
                        image.prepare(raw),
                        visit_id=visit_id,
                        stage=stage,
                        source="demo",
                        taken_at=started + timedelta(minutes=minutes),
                    )
                    made += 1
        if chosen >= PATIENTS:
            break
    ctx.practitioner_id = None
    return made
