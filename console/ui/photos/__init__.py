"""Photo screens: capture in the room (watched folder, file, keys to views) and compare."""
