"""Phrases every form of the digest shares, as plain text (each renderer escapes them). Pure."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from signalwatch.digest.model import AccountLine, Collapsed, DealRow, Digest, OwnerLine, RuleBlock, RuleRow
from signalwatch.eventtypes import money
from signalwatch.matching.candidates import Candidate

__all__ = [
    "QUIET_NOTE", "CANDIDATES_NOTE", "LISTED", "period", "day", "facts", "rest", "spark", "count", "owner_text",
    "candidate_text", "heating_text", "hottest", "owner_work", "more", "OWNERS_HEADING", "LEGEND_HEADING",
    "RULES_HEADING", "rules_intro", "rule_text", "deals_intro", "deal_text", "no_deals",
]

OWNERS_HEADING = "Who has what to act on"
LEGEND_HEADING = "How to read heat"
RULES_HEADING = "Rule effectiveness"
QUIET_NOTE = "No new signals on your accounts since the last digest."
CANDIDATES_NOTE = "Form D raises in an ICP industry that match no account yet (all of them: signalwatch accounts candidates)"
LISTED = 5  # alerts, candidates and owner accounts named in the summary before "and N more"
_BARS = "▁▂▃▄▅▆▇█"


def day(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC")


def period(digest: Digest) -> str:
    return f"{day(digest.period_start)} – {day(digest.period_end)}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def facts(line: AccountLine) -> list[str]:
    return [f"Tier {line.tier}" if line.tier else "untiered", f"heat {line.heat:g} (+{line.rise:g})"]


def _and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def rest(more: int, collapsed: Sequence[Collapsed]) -> str | None:
    """What an account line leaves out: "and 2 more signals, 14 tech changes and 3 job posts"; None when nothing."""
    parts = ([count(more, "more signal")] if more else []) + [c.text for c in collapsed]
    return f"and {_and(parts)}" if parts else None


def spark(points: Sequence[float]) -> str:
    """The trend as block characters, the highest point full height ("▁▁▂▃▅█")."""
    top = max(points, default=0.0)
    if top <= 0:
        return _BARS[0] * len(points)
    return "".join(_BARS[min(len(_BARS) - 1, int(value / top * (len(_BARS) - 1) + 0.5))] for value in points)


def owner_text(email: str | None, slack_id: str | None) -> str:
    return email or slack_id or "no owner"


def heating_text(digest: Digest) -> str:
    """"37 accounts heating up" (the list shows the hottest `max_accounts`)."""
    heating = digest.summary.heating
    shown = len(digest.accounts)
    return count(heating, "account") + " heating up" + (f" (the {shown} hottest below)" if shown < heating else "")


def candidate_text(candidate: Candidate) -> str:
    """"Other Technology, raised $12M (Form D)": the company name is shown (and linked) apart."""
    raised = money(candidate.amount_usd, "USD")
    return f"{candidate.industry_group}" + (f", raised {raised}" if raised else "") + " (Form D)"


def hottest(digest: Digest, escape: Callable[[str], str]) -> str:
    """"Acme (+12.5), Globex (+8)": the accounts whose heat rose most, names escaped by `escape`."""
    return ", ".join(f"{escape(name)} (+{rise:g})" for name, rise in digest.summary.hottest)


def owner_work(owner: OwnerLine, escape: Callable[[str], str]) -> str:
    """"3 accounts heating up (Acme, Globex, Initech), 2 new P1 alerts": one owner's share, names escaped."""
    parts = []
    if owner.accounts:
        names = ", ".join(escape(name) for name in owner.accounts[:LISTED]) + (", …" if len(owner.accounts) > LISTED else "")
        parts.append(f"{count(len(owner.accounts), 'account')} heating up ({names})")
    if owner.p1:
        parts.append(count(owner.p1, "new P1 alert"))
    return ", ".join(parts)


def more(total: int, listed: int = LISTED) -> str | None:
    """"and 3 more" after a list cut at `listed` items."""
    return f"and {total - listed} more" if total > listed else None


def _span(start: datetime, end: datetime) -> str:
    return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"


def rules_intro(block: RuleBlock) -> str:
    """"Last 7 days (2026-11-30 – 2026-12-07): 4 alerts sent, 5 actions by 3 reps", or the one line
    of a week without alerts."""
    span = _span(block.since, block.until)
    if not block.alerts:
        return f"No alerts were sent in the last 7 days ({span})."
    return (f"Last 7 days ({span}): {count(block.alerts, 'alert')} sent, {count(block.actions, 'action')} by "
            f"{count(block.reps, 'rep')} (all rules and periods: signalwatch rules report)")


def rule_text(row: RuleRow, escape: Callable[[str], str]) -> str:
    """"4 alerts · useful 2 · not useful 1 (wrong company 1) · claimed 1 · snoozed 0 · acted on 2 of 4 (50%)",
    in the words of `rules report`'s columns; reasons escaped by `escape`."""
    from signalwatch.feedback.report import share

    reasons = ", ".join(f"{escape(reason)} {n}" for reason, n in row.reasons)
    return (f"{count(row.alerts, 'alert')} · useful {row.useful} · not useful {row.not_useful}" + (f" ({reasons})" if reasons else "")
            + f" · claimed {row.claimed} · snoozed {row.snoozed} · acted on {share(row.acted_on, row.alerts)}")


def deals_intro(block: RuleBlock) -> str:
    """What the deal figures measure (only with `block.cohort`)."""
    cohort = _span(*block.cohort) if block.cohort else "-"
    return (f"New deals within {block.deal_days} days after the alert, for the alerts sent {cohort} (their window closed"
            " this week), against ICP accounts the rule did not alert, over the same windows")


def no_deals(block: RuleBlock) -> str:
    return f"No rule sent an alert {block.deal_days}–{block.deal_days + 7} days ago: no deal window closed this week."


def deal_text(row: DealRow) -> str:
    """"alerted accounts with a new deal 1 of 2 (50%) · ICP accounts without an alert 10.0% of 8 · lift 5.0x (small sample)"."""
    return f"alerted accounts with a new deal {row.with_deal} · ICP accounts without an alert {row.without_alert} · lift {row.lift}"
