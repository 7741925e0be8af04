"""Bundle entry point ``treatment-console``: the app, or a headless command when one is named
(``treatment-console check --db PATH``), exactly as ``python -m console``."""

import sys

from console.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
