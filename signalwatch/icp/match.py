"""Which watched account a deal's company is: by CRM id, then domain, then exact name (case-folded).

The account sync stores each CRM's id in `crm_id` ("hubspot:512;salesforce:001…"), so a
deal's company id finds its account directly; an export without ids falls back to the
domain, then the name.
"""

from __future__ import annotations

from collections.abc import Iterable

from signalwatch.accounts import Account
from signalwatch.crm.sync import crm_ids
from signalwatch.icp.deals import DealCompany
from signalwatch.resolve import normalize_domain

__all__ = ["AccountIndex"]


class AccountIndex:
    """The stored accounts, looked up by a deal's company."""

    def __init__(self, accounts: Iterable[Account]) -> None:
        self._by_id: dict[tuple[str, str], Account] = {}
        self._by_domain: dict[str, Account] = {}
        self._by_name: dict[str, Account] = {}
        for account in accounts:
            for crm, remote_id in crm_ids(account.crm_id).items():
                self._by_id[(crm, remote_id)] = account
            domain = normalize_domain(account.domain)
            if domain:
                self._by_domain.setdefault(domain, account)
            self._by_name.setdefault(account.name.casefold(), account)

    def watched(self, crm: str, remote_id: str) -> bool:
        """Whether an account holds this CRM's id."""
        return (crm, remote_id) in self._by_id

    def find(self, company: DealCompany | None) -> Account | None:
        if company is None:
            return None
        for crm, remote_id in company.ids.items():
            found = self._by_id.get((crm, remote_id))
            if found is not None:
                return found
        domain = normalize_domain(company.domain)
        if domain and domain in self._by_domain:
            return self._by_domain[domain]
        return self._by_name.get(company.name.casefold()) if company.name else None
