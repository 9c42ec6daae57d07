"""Start PharmaDesk (the same as the `pharmadesk` command)."""

import sys

from pharmadesk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
