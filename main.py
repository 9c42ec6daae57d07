"""Start PharmaDesk (the same as the `pharmadesk` command)."""

import sys

from pharmadesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
