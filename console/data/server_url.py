"""The clinic server's URL as it may be shown or logged: user, host and database, no password.

Kept apart from the driver so a room on its own file never imports it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit


def is_server_url(target: object) -> bool:
    """``--db`` names the clinic's server (a libpq URL) rather than a room's file."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def db_target(text: str) -> Path | str:
    """``--db`` as given: a URL stays text, anything else is a path to a room's file."""
    return text if is_server_url(text) else Path(text)


def redacted(url: str) -> str:
    try:
        parts = urlsplit(url)
        host = parts.hostname or parse_qs(parts.query).get("host", ["localhost"])[0]
        user = f"{parts.username}@" if parts.username else ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "the server named by --db"
    return f"postgresql://{user}{host}{port}{parts.path}"
