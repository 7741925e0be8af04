"""`handout`: write (and optionally print) the archived aftercare sheet of a completed visit."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from console.aftercare import create_handout, read_verified, record_print
from console.aftercare.language_copy import sheet_in_language
from console.cli import add_db_argument
from console.cli._common import context_for, fail, resolve_db
from console.context import AppContext
from console.errors import DomainError
from console.files.private import write_private

NAME = "handout"
HELP = "write or print the aftercare sheet of a completed visit (reprints use the archived file)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--visit", required=True, help="the visit's id")
    parser.add_argument("--out", type=Path, help="write a copy of the sheet to this PDF file")
    parser.add_argument(
        "--print",
        dest="printer",
        metavar="PRINTER",
        help="send the sheet to this CUPS printer (lp)",
    )
    parser.add_argument("--copies", type=int, default=1, help="copies to print (default 1)")
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="a copy in this language (en, es, fr, de, it, pt, pl, ar, zh, vi) instead of the "
        "archived sheet; needs --out or --print",
    )


def _lp(printer: str, path: Path, copies: int, title: str) -> tuple[bool, str]:
    lp = shutil.which("lp")
    if lp is None:
        return False, "the lp command is missing: install CUPS (Debian package cups-client)"
    try:
        done = subprocess.run(
            [lp, "-d", printer, "-n", str(copies), "-t", title, str(path)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False, f"the printer {printer} did not answer within a minute"
    if done.returncode != 0:
        return False, (done.stderr or done.stdout).strip() or f"lp exited with {done.returncode}"
    return True, done.stdout.strip()


def run(args: argparse.Namespace) -> int:
    path = resolve_db(args.db)
    if args.copies < 1:
        return fail("--copies must be 1 or more", 2)
    ctx = context_for(path)
    if args.language is not None:
        return _language_copy(ctx, args)
    try:
        # Creates and archives the sheet the first time; afterwards the archived file, checked.
        info = create_handout(ctx, args.visit)
        data = read_verified(info)
    except DomainError as exc:
        return fail(exc.message)
    print(f"sheet:  {info.path}")
    print(f"sha256: {info.sha256}")
    print(f"pages:  {info.pages}")
    if args.out is not None:
        try:
            write_private(args.out, data)  # a copy of health data: whole, 0600
        except DomainError as exc:
            return fail(exc.message)
        print(f"copy:   {args.out}")
    if args.printer:
        ok, message = _lp(args.printer, info.path, args.copies, f"Aftercare {info.path.stem}")
        try:
            record_print(
                ctx,
                info.id,
                printer=args.printer,
                copies=args.copies,
                ok=ok,
                message="" if ok else message,
            )
        except DomainError as exc:  # full disk: the print happened, its record did not
            return fail(f"sent to {args.printer}, but the print was not recorded. {exc.message}", 4)
        if not ok:
            return fail(f"not printed: {message} (the sheet stays archived)", 4)
        print(f"printed: {args.printer} ({message})")
    return 0


def _language_copy(ctx: AppContext, args: argparse.Namespace) -> int:
    """The sheet in ``--language``, written and/or printed; the archived sheet is untouched."""
    if args.out is None and not args.printer:
        return fail("--language makes a copy: say where with --out FILE or --print PRINTER", 2)
    try:
        data = sheet_in_language(ctx, args.visit, args.language)
    except DomainError as exc:
        return fail(exc.message)
    if args.out is not None:
        try:
            args.out.write_bytes(data)
        except OSError as exc:
            return fail(f"cannot write {args.out}: {exc.strerror}")
        print(f"copy:   {args.out}")
    if args.printer:
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / f"aftercare-{args.language}.pdf"
            copy.write_bytes(data)
            ok, message = _lp(args.printer, copy, args.copies, f"Aftercare {args.language}")
        if not ok:
            return fail(f"not printed: {message}", 4)
        print(f"printed: {args.printer} ({message})")
    return 0
