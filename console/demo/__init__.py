"""The demo clinic: practitioners, patients and past visits for trying the console."""
