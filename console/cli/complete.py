"""`complete`: lock a visit and archive its aftercare sheet, as Finish does; then print, back up."""

from __future__ import annotations

import argparse

from console.aftercare import record_print
from console.cli import add_db_argument
from console.cli._common import context_for, fail, resolve_db
from console.cli.handout import _lp as send_to_printer  # the one lp call of the CLI
from console.errors import DomainError
from console.files import backup
from console.visit.completion import CompleteVisit

NAME = "complete"
HELP = (
    "complete (lock) a visit: archive its aftercare sheet, print it to the room printer, "
    "back up, as the Finish screen does"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("visit", metavar="VISIT_ID", help="the open visit's id")
    parser.add_argument("--notes", default="", help="notes for the record")
    parser.add_argument("--adverse-events", default="", help="adverse events (empty: none)")
    parser.add_argument(
        "--no-print",
        action="store_true",
        help="do not send the sheet to the room printer (it is archived all the same)",
    )


def run(args: argparse.Namespace) -> int:
    ctx = context_for(resolve_db(args.db))
    # Refusals (no such visit, already locked, endpoint missing, a name the sheet cannot
    # print, a full disk) leave the visit as it was: one sentence, non-zero status.
    done = CompleteVisit(ctx).run(args.visit, notes=args.notes, adverse_events=args.adverse_events)
    print(f"completed: {done.record.id}")
    print(f"sheet:     {done.sheet.path}")
    print(f"sha256:    {done.sheet.sha256}")
    print(f"pages:     {done.sheet.pages}")
    problems: list[str] = []
    if args.no_print:
        print("printed:   no (--no-print)")
    elif not done.should_print:
        print("printed:   no (no room printer is set; print later with `handout --print`)")
    else:
        ok, message = send_to_printer(
            done.printer, done.sheet.path, 1, f"Aftercare {done.sheet.path.stem}"
        )
        try:
            record_print(
                ctx,
                done.sheet.id,
                printer=done.printer,
                copies=1,
                ok=ok,
                message="" if ok else message,
            )
        except DomainError as exc:
            problems.append(f"the print was not recorded: {exc.message}")
        if ok:
            print(f"printed:   {done.printer} ({message})")
        else:
            problems.append(f"not printed: {message}")
    if done.backup is not None:
        try:
            result = backup.backup_now(ctx, done.backup.reason)
        except DomainError as exc:
            problems.append(f"the backup failed: {exc.message}")
        else:
            print(f"backup:    {result.path}")
    if problems:
        return fail(f"the visit is completed and its sheet archived, but {'; '.join(problems)}", 4)
    return 0
