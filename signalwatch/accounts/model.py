"""The target account as the core sees it: a small frozen record, independent of storage.

`Account` is the one account schema. A new field here is at once a CSV column (read by its type:
text, number, or a `;`-separated list), an `account.<name>` path in rules, a rule-test account key
(unless `rules.testing` leaves it out), and kept by CRM syncs; the store needs its column in
`store.tables.AccountRow` and a new migration (tests/core/test_account_schema.py checks the round trip).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from types import MappingProxyType, NoneType
from typing import Any, get_args, get_origin, get_type_hints

__all__ = ["Account", "ACCOUNT_FIELDS", "GIVEN_FIELDS", "REQUIRED_FIELDS", "LIST_FIELDS", "FIELD_TYPES", "FIELD_KINDS"]


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


def _kind(annotation: Any) -> type:
    """What a field holds, None aside: str, int, float, or tuple (a list of strings)."""
    if get_origin(annotation) is tuple:
        return tuple
    held = [arg for arg in get_args(annotation) if arg is not NoneType] or [annotation]
    return held[0]  # type: ignore[no-any-return]


# The one account schema: every other list of account fields (CSV columns, rule paths, the
# store's record, rule-test accounts, what a CRM sync keeps) is derived from these.
ACCOUNT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Account))
GIVEN_FIELDS: tuple[str, ...] = tuple(name for name in ACCOUNT_FIELDS if name != "id")  # `id` is ours; the CSV columns, in order
REQUIRED_FIELDS = frozenset(f.name for f in fields(Account) if f.name in GIVEN_FIELDS
                            and f.default is MISSING and f.default_factory is MISSING)
FIELD_TYPES: Mapping[str, Any] = MappingProxyType(get_type_hints(Account))  # the annotations, resolved
FIELD_KINDS: Mapping[str, type] = MappingProxyType({name: _kind(FIELD_TYPES[name]) for name in ACCOUNT_FIELDS})
LIST_FIELDS = frozenset(name for name, kind in FIELD_KINDS.items() if kind is tuple)
