"""PharmaDesk: till, stock, members and offline analytics for one pharmacy store."""

__version__ = "0.1.0"
