"""An unexpected error in a slot becomes a sentence on screen and a line in the log.

PySide hands exceptions raised in slots to ``sys.excepthook``; the default prints a traceback
no practitioner will see. The log gets the exception type and the code locations only: its
message may quote patient data (the log holds ids only, see console/files/logs.py).
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from console import store_errors
from console.ui.shell.i18n import QT_TRANSLATE_NOOP
from console.ui.widgets import theme

log = logging.getLogger("console.ui.crash")

MESSAGE = (
    "Something unexpected went wrong ({kind}). Everything up to your last completed action "
    "is saved. Carry on; if it happens again, note the time and call support."
)


# A screen that needs the clinic's server while it does not answer (Treat carries on from what
# it holds and keeps passes on this PC; Records, Patient and Settings must read the server).
SERVER_GONE = QT_TRANSLATE_NOOP(
    "CrashGuard",
    "The clinic's server does not answer, so this could not be shown or saved. Treating goes "
    "on: passes are kept on this PC and sent when the server answers. Try again in a moment.",
)


def install(banner: QLabel) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        where = "; ".join(
            f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} {frame.name}"
            for frame in traceback.extract_tb(tb)
        )
        if isinstance(exc, store_errors.ServerUnavailable):
            log.warning("the clinic's server did not answer (%s) at %s", kind.__name__, where)
            banner.setText(QCoreApplication.translate("CrashGuard", SERVER_GONE))
            theme.restyle(banner, state="crashed")
            return
        log.error("unexpected %s at %s", kind.__name__, where)
        banner.setText(MESSAGE.format(kind=kind.__name__))
        theme.restyle(banner, state="crashed")

    sys.excepthook = hook
