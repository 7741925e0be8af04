"""The visit's steps in order: the one list the rules and the screens' flow follow."""

from __future__ import annotations

STEPS = ("screening", "consent", "prep", "plan", "treat", "finish")

# Before a visit exists: who is treating, and whom.
BEFORE_VISIT = ("signin", "patient")
