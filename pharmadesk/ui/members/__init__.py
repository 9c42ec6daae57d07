"""The members page: search, register, edit, consents, conditions, purchases and points."""
