"""The target account as the core sees it: a small frozen record, independent of storage."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Account"]


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
        """The account's attributes as rule conditions see them (`account.<name>`)."""
        return {
            "id": self.id,
            "name": self.name,
            "domain": self.domain,
            "aliases": list(self.aliases),
            "industry": self.industry,
            "employees": self.employees,
            "revenue": self.revenue,
            "country": self.country,
            "owner_email": self.owner_email,
            "owner_slack_id": self.owner_slack_id,
            "tags": list(self.tags),
            "crm_id": self.crm_id,
            "boards": list(self.boards),
        }
