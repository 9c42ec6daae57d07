"""The few error types a caller of PharmaDesk sees.

Each carries a message a counter clerk understands. The message is a template
plus parameters so the UI can translate it (context ``"errors"``); templates are
marked with ``QT_TRANSLATE_NOOP`` so Qt's lupdate finds them without the domain
importing Qt. Parameters never carry personal data (names, phones, cards).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's spelling, so lupdate finds it
    """Mark ``text`` for translation in ``context`` and return it unchanged."""
    return text


class PharmaDeskError(Exception):
    """Base of every error PharmaDesk raises on purpose."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)

    @property
    def message(self) -> str:
        return str(self)


class ValidationError(PharmaDeskError):
    """Input that breaks a rule: a bad date, a negative quantity, a missing field."""


class PermissionDenied(PharmaDeskError):
    """The logged-in user's role may not do this."""


class NotFound(PharmaDeskError):
    """A product, member, receipt or batch that does not exist."""


class StockError(PharmaDeskError):
    """Not enough sellable stock, or only expired stock."""


class ExpiredStockError(StockError):
    """The only stock left has expired; it must be written off, never sold."""


class PrescriptionRequired(PharmaDeskError):
    """An Rx-only or controlled line without a prescription or pharmacist."""


class PharmacistRequired(PrescriptionRequired, PermissionDenied):
    """An Rx-only or controlled line the logged-in role may not dispense: a pharmacist must confirm it.

    Both a prescription problem (the till asks for the pharmacist's PIN) and a permission refusal.
    """


class AuthenticationError(PharmaDeskError):
    """Wrong user name, password or PIN."""


class AccountLocked(AuthenticationError):
    """Too many failed logins; the account waits before it accepts another try."""


class NotLoggedIn(PharmaDeskError):
    """A use case was called with nobody logged in."""


class StoreLockedError(PharmaDeskError):
    """The store cannot be unlocked: no key in the keyring and no passphrase."""


class WrongPassphrase(StoreLockedError):
    """The recovery passphrase does not unwrap the database key."""


class KeyFileDamaged(StoreLockedError):
    """The key file is malformed, out of bounds or fails its check value: no passphrase can help."""


class StoreCorrupt(PharmaDeskError):
    """The database file is damaged or is not a PharmaDesk store."""


class IntegrityFailure(PharmaDeskError):
    """A check of the ledger, the audit chain or a backup found a mismatch."""



class AnalyticsError(PharmaDeskError):
    """The data cannot answer this analysis as asked: too few members for k segments, no purchase history
    before the date, a period that ends after the analysis date."""


class Cancelled(Exception):
    """The caller asked a long computation to stop: an analytics job's ``cancel()`` returned True, or Cancel
    was pressed under a worker thread. Not a PharmaDeskError: nothing went wrong, so no message is shown."""
