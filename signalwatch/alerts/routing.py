"""Which of a poll's alert routes are queued: only those to sinks the config enables.

A route to a sink the config leaves disabled is the admin's choice (the starter config has
Slack off until a token is set), not a delivery failure: its alerts are not queued at all,
so they neither become dead letters nor arrive stale once the sink is enabled later.
`rules check` warns about such routes; the poll logs how many alerts each one skipped.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from signalwatch.alerts.draft import AlertDraft

__all__ = ["enabled_routes", "skipped_text"]


def enabled_routes(drafts: Sequence[AlertDraft], enabled: Collection[str]) -> tuple[list[AlertDraft], dict[str, int]]:
    """The drafts routed to an `enabled` sink, in order, and per other sink how many drafts were left out."""
    kept: list[AlertDraft] = []
    skipped: dict[str, int] = {}
    for draft in drafts:
        if draft.sink in enabled:
            kept.append(draft)
        else:
            skipped[draft.sink] = skipped.get(draft.sink, 0) + 1
    return kept, skipped


def skipped_text(skipped: dict[str, int]) -> str:
    """"2 alert(s) for sink 'slack'" etc., for the poll's one log line about disabled sinks."""
    return ", ".join(f"{count} alert(s) for sink {sink!r}" for sink, count in sorted(skipped.items()))
