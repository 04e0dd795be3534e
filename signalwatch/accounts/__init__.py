"""Target accounts: the frozen record the core passes around, and the CSV import."""

from signalwatch.accounts.model import Account

__all__ = ["Account"]
