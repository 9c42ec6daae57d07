"""The domain: the store and its services (catalog, stock, sales, members, users, audit, care, privacy, ...).

Every business rule lives here, with no Qt. Callers hold one :class:`pharmadesk.core.store.Store`.
"""
