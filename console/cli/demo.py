"""`demo`: fill a database with a realistic demo clinic."""

from __future__ import annotations

import argparse
import time

from console.access.auth import hash_pin
from console.cli import add_db_argument
from console.cli._common import fail, resolve_db
from console.consent.demo import add_demo_consents
from console.context import open_context
from console.demo import clinic as demo
from console.demo.visits import add_visits
from console.photos.demo import add_demo_photos

NAME = "demo"
HELP = "fill a database with demo practitioners, patients (names in many scripts) and visits"
DATABASE = "creatable"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--patients", type=int, default=200, help="how many patients (default 200)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same clinic)")


def run(args: argparse.Namespace) -> int:
    if args.patients < 0:
        return fail("--patients must be 0 or more", 2)
    started = time.monotonic()
    ctx = open_context(resolve_db(args.db))
    now = ctx.now()
    staff = demo.create_practitioners(ctx.db, now, pin_hasher=hash_pin)  # README PINs
    demo.fill_in_clinic(ctx, staff[0])
    ids = demo.create_patients(ctx.db, args.patients, seed=args.seed, now=now, by=staff[0])
    visits = add_visits(ctx, ids, staff, seed=args.seed)
    signings = add_demo_consents(ctx, ids, seed=args.seed)
    photos = add_demo_photos(ctx, ids, seed=args.seed)
    print(
        f"demo: {len(staff)} practitioners, {len(ids)} patients, {visits}, "
        f"{signings} signed consents, {photos} photos "
        f"in {time.monotonic() - started:.1f} s"
    )
    return 0
