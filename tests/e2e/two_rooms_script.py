"""Run by test_two_rooms: one treatment room working on the clinic's server for a while.

``python -m tests.e2e.two_rooms_script URL ROOM OTHER FOLDER SECONDS PRACTITIONER [DUMP_AT]``

The room registers patients and runs whole visits (screening, consent, prep, passes stopped
one by one, completion with its sheet) through the services, as fast as it can. After each
registration it appends the name to ``FOLDER/registered-ROOM.tsv`` (with the wall time it was
committed); meanwhile its front desk (a thread on its own connection) searches every 100 ms
for the OTHER room's newest names and notes how long each took to appear. With DUMP_AT it
starts ``pg_dump -Fc`` of the server after that many seconds, while both rooms keep writing.
Everything the services acknowledged, every refusal and every delay goes to
``FOLDER/room-ROOM.json`` at the end.
"""

from __future__ import annotations

import json
import random
import string
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

from console import store_errors
from console.context import open_context
from console.errors import DomainError
from console.patients.service import PatientForm, PatientService
from console.visit.completion import CompleteVisit
from console.visit.service import VisitService
from tests.conftest import ready_visit
from tests.pg_server import server_bin

FIRST_NAMES = ("Zoë", "Łukasz", "Nguyễn Thị", "Ana María", "Søren", "Иван", "Chloé", "Yusuf")
REFUSALS = (store_errors.Error, DomainError)
GRACE_S = 6.0  # after the last write: time left for the other room's last names to appear


class Room:
    def __init__(self, url: str, room: str, other: str, folder: Path, practitioner: str) -> None:
        self.ctx = open_context(url, data_dir=folder / f"data-{room}")
        self.ctx.practitioner_id = practitioner
        self.room, self.folder = room, folder
        self.mine = (folder / f"registered-{room}.tsv").open("a", encoding="utf-8")
        self.theirs = folder / f"registered-{other}.tsv"
        self.read_upto = 0
        self.pending: dict[str, tuple[str, float]] = {}  # patient id -> (surname, committed)
        self.delays: dict[str, float] = {}
        self.patients: list[str] = []
        self.visits: dict[str, dict[str, list[int]]] = {}  # visit -> area -> pass numbers
        self.completed: list[str] = []
        self.refused: list[str] = []
        self.searches = 0
        # The search runs on a thread of its own, with its own connection to the server.
        self.search = PatientService(open_context(url, data_dir=folder / f"data-{room}"))
        self.serial = 0

    # -- writing, as a practitioner would -----------------------------------------------------
    def register(self) -> str:
        surname = "".join(random.choice(string.ascii_lowercase) for _ in range(9)).capitalize()
        name = f"{random.choice(FIRST_NAMES)} {surname}-{self.room}"
        patient = PatientService(self.ctx).register(
            PatientForm(full_name=name, date_of_birth=date(1980, 1, 1 + len(self.patients) % 28))
        )
        committed = time.time()
        self.patients.append(patient)
        self.mine.write(f"{patient}\t{surname}\t{committed}\n")
        self.mine.flush()
        return patient

    def visit(self, patient: str) -> None:
        svc = VisitService(self.ctx)
        self.serial += 1
        visit_id = ready_visit(self.ctx, patient, serial=f"{self.room}{self.serial:05d}")
        stopped: dict[str, list[int]] = self.visits.setdefault(visit_id, {})
        for zone in ("forehead", "cheeks"):
            area = svc.plan_area(visit_id, zone, depth_text="0.5", target_passes=3)
            stopped[area] = []
            for direction in ("vertical", "horizontal", "diagonal"):
                svc.start_pass(area, direction)
                time.sleep(0.02)
                stopped[area].append(svc.stop_pass().number)  # acknowledged: it is saved
            svc.set_endpoint(area, "erythema")
        CompleteVisit(self.ctx).run(visit_id, notes=f"room {self.room}")
        self.completed.append(visit_id)

    # -- the other room's patients in our search -----------------------------------------------
    def poll(self) -> None:
        """Read the other room's newest names; search for those not yet found (the newest
        few each time, as a receptionist typing them would)."""
        if self.theirs.exists():
            with self.theirs.open(encoding="utf-8") as f:
                f.seek(self.read_upto)
                for line in f:
                    if not line.endswith("\n"):
                        break  # half written: read it next time
                    self.read_upto += len(line.encode("utf-8"))
                    patient, surname, committed = line.rstrip("\n").split("\t")
                    self.pending[patient] = (surname, float(committed))
        for patient, (surname, committed) in list(self.pending.items())[-3:]:
            self.searches += 1
            hits = self.search.search(surname.lower())  # typed in lower case, as people do
            if any(h.id == patient for h in hits):
                self.delays[patient] = round(max(0.0, time.time() - committed), 3)
                del self.pending[patient]

    def keep_polling(self, stop: threading.Event) -> None:
        """The front desk of this room: searches every 100 ms on its own connection."""
        while not stop.wait(0.1):
            self.poll()

    def report(self) -> dict[str, Any]:
        return {
            "room": self.room,
            "patients": self.patients,
            "visits": self.visits,
            "completed": self.completed,
            "refused": self.refused,
            "delays": self.delays,
            "never_seen": sorted(self.pending),
            "searches": self.searches,
        }


def main(url: str, room: str, other: str, folder: str, seconds: str, who: str, *dump: str) -> None:
    here = Path(folder)
    work = Room(url, room, other, here, who)
    print("READY", flush=True)
    while not (here / "go").exists():  # both rooms start together, once both are open
        time.sleep(0.01)
    start = time.monotonic()
    stop = threading.Event()
    searching = threading.Thread(target=work.keep_polling, args=(stop,))
    searching.start()
    dump_at = float(dump[0]) if dump else None
    dumping: subprocess.Popen[bytes] | None = None
    dump_report: dict[str, Any] = {}
    while time.monotonic() - start < float(seconds):
        if dump_at is not None and dumping is None and time.monotonic() - start >= dump_at:
            out = here / "clinic.dump"
            pg_dump = server_bin()[0] / "pg_dump"
            dump_report["started_s"] = round(time.monotonic() - start, 2)
            dumping = subprocess.Popen([str(pg_dump), "-Fc", "-f", str(out), "-d", url])
        try:
            work.visit(work.register())
        except REFUSALS as exc:  # counted, never hidden: the test wants none
            work.refused.append(f"{type(exc).__name__}: {exc}")
        if dumping is not None and "exit" not in dump_report and dumping.poll() is not None:
            dump_report["exit"] = dumping.returncode
            dump_report["ended_s"] = round(time.monotonic() - start, 2)
    end = time.monotonic() + GRACE_S
    while work.pending and time.monotonic() < end:
        time.sleep(0.1)
    stop.set()
    searching.join()
    if dumping is not None and "exit" not in dump_report:
        dump_report["exit"] = dumping.wait(timeout=120)
        dump_report["ended_s"] = round(time.monotonic() - start, 2)
    report = work.report() | {"dump": dump_report}
    (here / f"room-{room}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    work.ctx.close()
    work.search.ctx.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
