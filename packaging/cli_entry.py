"""Bundle entry point ``treatment-console-cli``: the headless commands only. On Windows this
one is a console program (output in the terminal); the app's own executable is not."""

import sys

from console.cli import main

if __name__ == "__main__":
    sys.exit(main())
