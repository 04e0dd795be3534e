"""Target accounts: the frozen record the core passes around, and the CSV import."""

from signalwatch.accounts.model import ACCOUNT_FIELDS, LIST_FIELDS, Account

__all__ = ["Account", "ACCOUNT_FIELDS", "LIST_FIELDS"]
