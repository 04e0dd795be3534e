"""Tie an event to a target account: domain first, then normalized name or alias, then the item.

Precision beats recall: a name shared by two accounts, or by several well-known companies
("Apollo", "Delta"), is tied only when the event's own title and summary say which company it
means, and is otherwise left unresolved rather than guessed; a one-common-word name ("Box")
needs more than the bare word; unresolved events are still stored. The rules live in
`signalwatch.matching`; `explain` gives the one-line reason behind a tie or a refusal.
"""

from __future__ import annotations

from signalwatch.events import SignalEvent
from signalwatch.matching.index import AccountMatcher, Resolution
from signalwatch.matching.names import normalize_domain, normalize_name

__all__ = ["AccountIndex", "Resolution", "normalize_domain", "normalize_name", "item_text"]


def item_text(event: SignalEvent) -> str:
    """The text the matcher reads to settle a name: the event's title and summary."""
    return f"{event.title}\n{event.summary}" if event.summary else event.title


class AccountIndex(AccountMatcher):
    """Lookup tables built once per poll from the account list."""

    def explain(self, event: SignalEvent) -> Resolution:
        """How `apply` would resolve `event`, with the reason (for `signalwatch explain`)."""
        searched = event.attributes.get("searched_account")  # set by the per-account news search
        return self.resolve(event.company_name, event.company_domain, item_text(event),
                            searched if isinstance(searched, int) else None)

    def apply(self, event: SignalEvent) -> SignalEvent:
        """A copy of `event` with account, confidence and method set."""
        if event.account_id is not None:
            return event
        found = self.explain(event)
        return event.model_copy(
            update={"account_id": found.account_id, "match_confidence": found.confidence, "match_method": found.method}
        )
