"""Errors a practitioner can cause, with messages written for them (never a traceback)."""

from __future__ import annotations


class DomainError(Exception):
    """A refusal the UI shows next to ``field`` (or at the top of the screen when ``None``)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class NotFound(DomainError):
    """A record that was asked for by id does not exist."""
