"""Persistence: one SQLite file through sqlite-utils, migrations and repositories."""
