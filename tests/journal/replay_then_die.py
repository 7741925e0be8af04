"""A room that dies right after the server committed its first journal entry, before it could
remove that entry from its journal: run as its own process, ended by os._exit (no cleanup,
as a power cut or a kill leaves it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from console.context import open_context
from console.visit import journal as room_journal
from console.visit import journal_replay

DIED = 9


def main(url: str, data_dir: str) -> None:
    ctx = open_context(url, data_dir=Path(data_dir))
    journal = room_journal.journal_for(ctx)
    assert journal is not None

    def die(entry_id: str) -> None:
        os._exit(DIED)  # the server has committed this entry; the journal still holds it

    journal.remove = die  # type: ignore[method-assign]
    journal_replay.replay(ctx, journal)
    sys.exit(0)  # not reached when there was an entry to apply


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
