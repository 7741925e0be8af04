"""The numbing-cream countdown, computed from the stored applied-at time (survives a restart)."""

from __future__ import annotations

from datetime import datetime, timedelta


def remaining(applied_at: datetime, wait_minutes: int, now: datetime) -> timedelta:
    """Time left until the cream has worked (negative once the wait is over)."""
    return applied_at + timedelta(minutes=wait_minutes) - now


def countdown_text(applied_at: datetime, wait_minutes: int, now: datetime) -> str:
    left = remaining(applied_at, wait_minutes, now)
    seconds = int(left.total_seconds())
    if seconds <= 0:
        over = -seconds
        return (
            f"Ready: on for {wait_minutes + over // 60} min. Remove it completely before needling."
        )
    return f"{seconds // 60:02d}:{seconds % 60:02d} left"
