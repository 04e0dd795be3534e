"""The target account as the core sees it: a small frozen record, independent of storage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = ["Account", "ACCOUNT_FIELDS", "LIST_FIELDS"]


@dataclass(frozen=True)
class Account:
    """A target account. `boards` lists job-board ids such as "greenhouse:acme"."""

    id: int
    name: str
    domain: str | None = None
    aliases: tuple[str, ...] = ()
    industry: str | None = None
    employees: int | None = None
    revenue: float | None = None
    country: str | None = None
    owner_email: str | None = None
    owner_slack_id: str | None = None
    tags: tuple[str, ...] = ()
    crm_id: str | None = None
    boards: tuple[str, ...] = field(default=())

    def as_fields(self) -> dict[str, object]:
        """The account's attributes as rule conditions see them (`account.<name>`); lists as lists."""
        return {name: list(value) if name in LIST_FIELDS else value
                for name in ACCOUNT_FIELDS for value in (getattr(self, name),)}

    @classmethod
    def from_fields(cls, values: Mapping[str, Any]) -> Account:
        """An account from any record holding the fields by name (a stored row, a test case, a dict)."""
        found: dict[str, Any] = {name: tuple(values[name] or ()) if name in LIST_FIELDS else values[name]
                                 for name in ACCOUNT_FIELDS if name in values}
        return cls(**found)


# The one account schema: every other list of account fields (CSV columns, rule paths, the
# store's record) is derived from these.
ACCOUNT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Account))
LIST_FIELDS = frozenset({"aliases", "tags", "boards"})
