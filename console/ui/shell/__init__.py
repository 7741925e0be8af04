"""The window around the steps: start-up, the main window, lock, crash guard, printing."""
