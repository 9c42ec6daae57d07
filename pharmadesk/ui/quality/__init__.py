"""The Quality page: the GSP records (documents, acceptance, storage log, maintenance, quarantine, near expiry)."""
