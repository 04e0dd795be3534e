"""What a digest says first: accounts heating up, the period's new P1 alerts, who has what to act
on (per owner), and net-new account candidates. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from signalwatch.digest.model import AccountLine, Alert, OwnerLine, Summary
from signalwatch.matching.candidates import Candidate

__all__ = ["summarize", "HOTTEST"]

HOTTEST = 3  # accounts named in the summary's "heating up" line


def summarize(lines: Sequence[AccountLine], alerts: Sequence[Alert], candidates: Sequence[Candidate], *,
              per_owner: bool) -> Summary:
    """The summary of ranked `lines` (all that heated up, not only those listed) and the period's P1 `alerts`."""
    owners = _owners(lines, alerts) if per_owner else ()
    return Summary(len(lines), tuple((line.name, line.rise) for line in lines[:HOTTEST]), tuple(alerts), owners, tuple(candidates))


def _owners(lines: Sequence[AccountLine], alerts: Sequence[Alert]) -> tuple[OwnerLine, ...]:
    """One line per person: an owner known by email on one account and by email and Slack id on
    another is the same person, so the key is the email (case-folded), else the Slack id."""
    names: dict[str | None, list[str]] = {}
    p1: dict[str | None, int] = {}
    ids: dict[str | None, tuple[str | None, str | None]] = {}

    def key_of(email: str | None, slack_id: str | None) -> str | None:
        key = email.casefold() if email else slack_id
        known = ids.get(key, (None, None))
        ids[key] = (known[0] or email, known[1] or slack_id)
        return key

    for line in lines:
        names.setdefault(key_of(line.owner_email, line.owner_slack_id), []).append(line.name)
    for alert in alerts:
        key = key_of(alert.owner_email, alert.owner_slack_id)
        names.setdefault(key, [])
        p1[key] = p1.get(key, 0) + 1
    found = [OwnerLine(*ids[key], tuple(accounts), p1.get(key, 0)) for key, accounts in names.items()]
    # Who has most to act on first; accounts nobody owns last, where a manager looks for them.
    found.sort(key=lambda o: (o.owner_email is None and o.owner_slack_id is None, -o.p1, -len(o.accounts),
                              o.owner_email or o.owner_slack_id or ""))
    return tuple(found)
