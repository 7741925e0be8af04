"""The console's files: where they live, written privately, logs, backups, start-up checks."""
