"""Target accounts: the frozen record the core passes around, and the CSV import."""

from signalwatch.accounts.model import (
    ACCOUNT_FIELDS,
    FIELD_KINDS,
    FIELD_TYPES,
    GIVEN_FIELDS,
    LIST_FIELDS,
    REQUIRED_FIELDS,
    Account,
)

__all__ = ["Account", "ACCOUNT_FIELDS", "GIVEN_FIELDS", "REQUIRED_FIELDS", "LIST_FIELDS", "FIELD_TYPES", "FIELD_KINDS"]
