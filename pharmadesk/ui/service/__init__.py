"""Service records in the program: taking a complaint at the counter, the service page (records, follow-up calls,
ADR reports) and their dialogs."""
