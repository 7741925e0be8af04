"""Start the Treatment Room Console (same as ``python -m console``)."""

import sys

from console.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
