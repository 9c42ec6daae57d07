"""Every environment variable PharmaDesk reads, named once.

Scripts, schedulers and tests set these; the desktop program needs none of them.
"""

from __future__ import annotations

#: The store folder used when a command is given no ``--store``.
STORE = "PHARMADESK_STORE"
#: The store's recovery passphrase, for scripts on a machine without a keyring backend.
PASSPHRASE = "PHARMADESK_PASSPHRASE"
#: The password (or PIN) of the ``--user`` a command logs in as.
PASSWORD = "PHARMADESK_PASSWORD"
#: The folder for the log file (tests and portable installs); default: the platform's log folder.
LOG_DIR = "PHARMADESK_LOG_DIR"
#: Head office's private key file, for the ``pharmadesk hq`` commands (default ``hq.key``).
HQ_KEY = "PHARMADESK_HQ_KEY"
#: The passphrase that wraps head office's private key when it is created and read.
HQ_PASSPHRASE = "PHARMADESK_HQ_PASSPHRASE"

ALL = (STORE, PASSPHRASE, PASSWORD, LOG_DIR, HQ_KEY, HQ_PASSPHRASE)

# Read only by the test suite.
#: The store key (hex) a crash-test worker process opens the store with.
TEST_KEY = "PHARMADESK_TEST_KEY"
#: The owner's PIN a crash-test worker process logs in with.
TEST_PIN = "PHARMADESK_TEST_PIN"
#: How many random examples the fuzz tests try (default: a small fixed set; e.g. 2000 for a long hunt).
FUZZ_EXAMPLES = "PHARMADESK_FUZZ_EXAMPLES"
