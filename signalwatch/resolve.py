"""Tie an event to a target account: domain first, then normalized name or alias.

Precision beats recall: a name shared by two accounts is reported as ambiguous and left
unresolved rather than guessed, a one-common-word name ("Box") needs more than the bare word,
and unresolved events are still stored. The rules live in `signalwatch.matching`.
"""

from __future__ import annotations

from signalwatch.events import SignalEvent
from signalwatch.matching.index import AccountMatcher, Resolution
from signalwatch.matching.names import normalize_domain, normalize_name

__all__ = ["AccountIndex", "Resolution", "normalize_domain", "normalize_name"]


class AccountIndex(AccountMatcher):
    """Lookup tables built once per poll from the account list."""

    def apply(self, event: SignalEvent) -> SignalEvent:
        """A copy of `event` with account, confidence and method set."""
        if event.account_id is not None:
            return event
        found = self.resolve(event.company_name, event.company_domain)
        return event.model_copy(
            update={"account_id": found.account_id, "match_confidence": found.confidence, "match_method": found.method}
        )
