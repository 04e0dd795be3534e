"""Tie an event to a target account: domain first, then normalized name or alias, then the item.

Precision beats recall: a name shared by two accounts, or by several well-known companies
("Apollo", "Delta"), is tied only when the event's own title and summary say which company it
means, and is otherwise left unresolved rather than guessed; a one-common-word name ("Box")
needs more than the bare word; unresolved events are still stored. The rules live in
`signalwatch.matching`; `explain` gives the one-line reason behind a tie or a refusal.
"""

from __future__ import annotations

import re

from signalwatch.events import EventType, SignalEvent
from signalwatch.matching.headline_names import other_headline_name
from signalwatch.matching.index import CONFIDENCE, AccountMatcher, Resolution
from signalwatch.matching.names import normalize_domain, normalize_name

__all__ = ["AccountIndex", "Resolution", "normalize_domain", "normalize_name", "item_text", "headline_short_form"]


# Events whose headline names a second company by design (the acquirer, the investor): another name there is that one.
_TWO_PARTY = frozenset({EventType.ACQUISITION, EventType.FUNDING})
_POSSESSIVE_GAP = re.compile(r"^(?:['’]s?)?\s*")


def headline_short_form(name: str, title: str) -> str | None:
    """The leading words of `name` that `title` writes on their own ("Walgreens" for "Walgreens Boots
    Alliance" in "Walgreens names health care vet as next CEO"), longest first; None when the title
    writes the name in full, or no shorter form of it. "Kovira" in "Kovira Systems raises" is part of
    the full name there, so no short form."""
    words = name.split()
    if len(words) < 2 or name in title:
        return None
    for size in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:size])
        following = words[size]
        for match in re.finditer(rf"(?<![\w&.-]){re.escape(prefix)}(?![\w&-])", title):
            if not _POSSESSIVE_GAP.sub("", title[match.end():], count=1).startswith(following):
                return prefix
    return None


def item_text(event: SignalEvent) -> str:
    """The text the matcher reads to settle a name: the event's title and summary."""
    return f"{event.title}\n{event.summary}" if event.summary else event.title


class AccountIndex(AccountMatcher):
    """Lookup tables built once per poll from the account list."""

    def explain(self, event: SignalEvent) -> Resolution:
        """How `apply` would resolve `event`, with the reason (for `signalwatch explain`).

        The extractor gives a company as the summary writes it in full ("Walgreens Boots Alliance")
        when the headline shortens it ("Walgreens names … CEO"); a CRM may hold either. When the full
        name ties to no account, the headline's own short form is tried, under the same rules; then, for
        a leadership change or a layoff (not a deal or a raise, whose headlines name the other party),
        another name the headline writes ("Thodey Gets Top Telstra Job": `matching.headline_names`)."""
        searched = event.attributes.get("searched_account")  # set by the per-account news search
        account = searched if isinstance(searched, int) else None
        text = item_text(event)
        found = self.resolve(event.company_name, event.company_domain, text, account)
        if found.account_id is None and found.method == "none" and event.company_name:
            short = headline_short_form(event.company_name, event.title)
            if short:
                alternative = self.resolve(short, event.company_domain, text, account)
                if alternative.account_id is not None:
                    return Resolution(alternative.account_id, alternative.confidence, alternative.method,
                                      f"the headline writes '{event.company_name}' as '{short}'; {alternative.reason}")
            if event.type not in _TWO_PARTY:
                return self._other_headline_name(event, text, account) or found
        return found

    def _other_headline_name(self, event: SignalEvent, text: str, account: int | None) -> Resolution | None:
        """The account another span of the headline names, when the event's own company names none."""
        tried: dict[str, Resolution] = {}  # each span resolved once; the chosen one's reason is read from here

        def tie(span: str) -> tuple[int | None, str]:
            found = tried[span] = self.resolve(span, event.company_domain, text, account)
            return found.account_id, found.method

        other = other_headline_name(event.company_name or "", event.title, event.summary, tie)
        if other is None:
            return None
        chosen = tried[other.span]
        # another span than the one the extractor chose: no surer than a tie the item's context settles
        return Resolution(chosen.account_id, min(chosen.confidence, CONFIDENCE["context"]), chosen.method,
                          f"'{event.company_name}' names no account; the headline also writes '{other.span}': {chosen.reason}")

    def apply(self, event: SignalEvent) -> SignalEvent:
        """A copy of `event` with account, confidence and method set."""
        if event.account_id is not None:
            return event
        found = self.explain(event)
        return event.model_copy(
            update={"account_id": found.account_id, "match_confidence": found.confidence, "match_method": found.method}
        )
