"""Helpers shared by the commands."""

from __future__ import annotations

import sys
from pathlib import Path

from console import paths
from console.context import AppContext, open_context
from console.errors import DomainError


def resolve_db(path: Path | None) -> Path:
    return path if path is not None else paths.default_db_path()


def context_for(path: Path | None) -> AppContext:
    return open_context(resolve_db(path))


def fail(message: str, code: int = 1) -> int:
    """One line on stderr, in words, and a non-zero status."""
    print(f"error: {message}", file=sys.stderr)
    return code


__all__ = ["DomainError", "context_for", "fail", "resolve_db"]
